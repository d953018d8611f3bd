/**
 * A legitimate sign-in alone and in the middle of a burst of sign-ins with unknown e-mails (each a
 * 128 MiB scrypt check), through verifyCredentials on a scratch database. Prints numbers; not a test.
 *
 *   npx tsx scripts/bench/sign-in-burst.ts [--burst 32]
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient } from "@/prisma/client";
import { hashPassword } from "@/app/_server/auth/hash-password";
import { SignInRefused } from "@/app/_server/auth/sign-in-refused";
import { verifyCredentials } from "@/app/_server/auth/verify-credentials";
import { createScratchDatabase } from "@/scripts/run-flow/scratch-database";

const { values } = parseArgs({ options: { burst: { type: "string", default: "32" } } });
const burst = z.coerce.number().int().min(1).max(500).parse(values.burst);

type Outcome = "ok" | "wrong" | "SignInBusy" | "SignInThrottled";

async function timed(run: () => Promise<Outcome>): Promise<{ ms: number; outcome: Outcome }> {
  const started = performance.now();
  const outcome = await run();
  return { ms: Math.round(performance.now() - started), outcome };
}

async function main() {
  const scratch = await createScratchDatabase();
  const db = createPrismaClient(scratch.url);
  try {
    const password = "a legitimate password";
    await db.user.create({ data: { email: "legit@bench.local", name: "Legit", role: "ops", passwordHash: await hashPassword(password) } });
    const attempt = (email: string, pw: string) => async (): Promise<Outcome> => {
      try {
        return (await verifyCredentials({ email, password: pw }, { db })) ? "ok" : "wrong";
      } catch (error) {
        if (error instanceof SignInRefused) return error.code;
        throw error;
      }
    };
    const alone = [];
    for (let i = 0; i < 3; i += 1) alone.push(await timed(attempt("legit@bench.local", password)));
    console.log(`legitimate sign-in alone: ${alone.map((a) => `${a.ms} ms (${a.outcome})`).join(", ")}`);

    const attackers = Array.from({ length: burst }, (_, i) => timed(attempt(`nobody${i}@bench.local`, "guess")));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const legit = await timed(attempt("legit@bench.local", password));
    const results = await Promise.all(attackers);
    const busy = results.filter((r) => r.outcome === "SignInBusy");
    const checked = results.filter((r) => r.outcome === "wrong");
    console.log(`burst of ${burst} unknown e-mails: ${checked.length} checked (slowest ${Math.max(0, ...checked.map((r) => r.ms))} ms), ${busy.length} refused busy (slowest refusal ${Math.max(0, ...busy.map((r) => r.ms))} ms)`);
    console.log(`legitimate sign-in during the burst: ${legit.ms} ms (${legit.outcome})`);
    const after = await timed(attempt("legit@bench.local", password));
    console.log(`legitimate sign-in right after: ${after.ms} ms (${after.outcome})`);
  } finally {
    await db.$disconnect();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
