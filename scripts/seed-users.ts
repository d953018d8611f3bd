// Creates one user per role (idempotent) and prints how to sign in.
//   npx tsx scripts/seed-users.ts
// Passwords: SEED_PASSWORD_<ROLE> (e.g. SEED_PASSWORD_ADMIN) or SEED_PASSWORD for all; otherwise one is
// generated when the user is created and printed once. SEED_RESET_PASSWORDS=1 generates new ones.
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { hashPassword } from "@/app/_server/auth/hash-password";
import { roles, type AppRole } from "@/app/_server/auth/roles";
import { verifyPassword } from "@/app/_server/auth/verify-password";

export interface SeedUser {
  role: AppRole;
  email: string;
  name: string;
}

export const seedUsersList: readonly SeedUser[] = roles.map((role) => ({
  role,
  email: `${role}@cc-flows.local`,
  name: { admin: "管理员 Admin", ops: "运营 Ops", agent: "坐席 Agent", marketer: "市场 Marketing" }[role],
}));

export interface SeededUser extends SeedUser {
  status: "created" | "updated" | "unchanged";
  /** The password when it was set by this run (from the environment or generated), else null. */
  password: string | null;
  passwordSource: "env" | "generated" | null;
}

type Env = Record<string, string | undefined>;

function envPassword(env: Env, role: AppRole): string | undefined {
  return env[`SEED_PASSWORD_${role.toUpperCase()}`] || env.SEED_PASSWORD || undefined;
}

const generatePassword = () => randomBytes(12).toString("base64url");

export async function seedUsers(db: PrismaClient, env: Env = process.env): Promise<SeededUser[]> {
  const results: SeededUser[] = [];
  for (const user of seedUsersList) {
    const existing = await db.user.findUnique({ where: { email: user.email } });
    const fromEnv = envPassword(env, user.role);
    if (!existing) {
      const password = fromEnv ?? generatePassword();
      await db.user.create({ data: { ...user, passwordHash: await hashPassword(password) } });
      results.push({ ...user, status: "created", password, passwordSource: fromEnv ? "env" : "generated" });
      continue;
    }
    // The environment is the source of truth when set; otherwise an existing password is kept.
    const envChanged = fromEnv !== undefined && !(await verifyPassword(fromEnv, existing.passwordHash));
    const password = envChanged ? fromEnv : env.SEED_RESET_PASSWORDS === "1" ? generatePassword() : null;
    const roleChanged = existing.role !== user.role;
    if (password === null && !roleChanged) {
      results.push({ ...user, status: "unchanged", password: null, passwordSource: null });
      continue;
    }
    await db.user.update({
      where: { id: existing.id },
      data: { role: user.role, ...(password === null ? {} : { passwordHash: await hashPassword(password) }) },
    });
    results.push({ ...user, status: "updated", password, passwordSource: password === null ? null : envChanged ? "env" : "generated" });
  }
  return results;
}

export function formatSignInDetails(users: readonly SeededUser[]): string {
  const lines = ["Sign-in details (one user per role):"];
  for (const user of users) {
    const password =
      user.password === null
        ? "(unchanged; shown when it was set — SEED_RESET_PASSWORDS=1 makes a new one)"
        : user.passwordSource === "env"
          ? `${user.password}  (from the environment)`
          : `${user.password}  (generated: note it now, it is not stored in clear anywhere)`;
    lines.push(`  ${user.role.padEnd(9)} ${user.email.padEnd(26)} ${password}`);
  }
  return lines.join("\n");
}

async function main() {
  const db = createPrismaClient();
  try {
    console.log(formatSignInDetails(await seedUsers(db)));
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
