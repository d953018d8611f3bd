import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { databaseUrl } from "@/prisma/database-url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", (err) => resolve({ code: null, output: err.message }));
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function connectAdmin(adminUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    return client;
  } catch (err) {
    // Not running yet: start the local cluster the way scripts/test.sh does, then try once more.
    const started = await run("bash", ["-c", 'source scripts/lib/postgres.sh && ensure_postgres'], {});
    if (started.code !== 0) {
      throw new Error(`PostgreSQL is not reachable at ${adminUrl.replace(/:[^:@/]*@/, ":***@")} (${err instanceof Error ? err.message : String(err)}) and could not be started:\n${started.output}`);
    }
    const retry = new pg.Client({ connectionString: adminUrl });
    await retry.connect();
    return retry;
  }
}

/** The template may be missing migrations added since scripts/test.sh last built it. */
async function isFullyMigrated(url: string): Promise<boolean> {
  const folders = (await readdir(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })).filter((d) => d.isDirectory()).length;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = await client.query('SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL');
    return Number(applied.rows[0]?.n ?? 0) >= folders;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/**
 * A throwaway database for one run, so the runner never touches the developer's own flows or
 * numbers: copied from the test template when there is one, else created and migrated.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  // The owner login: creating and migrating a database is not the app login's business.
  const base = process.env.MIGRATION_DATABASE_URL ?? databaseUrl();
  const adminUrl = process.env.CC_TEST_ADMIN_DB_URL ?? base.replace(/\/[^/?]*(\?.*)?$/, "/postgres$1");
  const template = process.env.CC_TEST_TEMPLATE_DB ?? "ccflows_test_template";
  const name = `ccflows_run_${process.pid}_${Date.now().toString(36)}`;
  const url = adminUrl.replace(/\/postgres(\?.*)?$/, `/${name}$1`);
  const admin = await connectAdmin(adminUrl);
  try {
    let copied = false;
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount) {
      // Fails while another session uses the template (scripts/test.sh migrating it): then migrate our own.
      copied = await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`).then(
        () => true,
        () => false,
      );
    }
    if (!copied) await admin.query(`CREATE DATABASE ${name}`);
    if (!copied || !(await isFullyMigrated(url))) {
      const migrated = await run("npx", ["--no-install", "prisma", "migrate", "deploy"], { DATABASE_URL: url });
      if (migrated.code !== 0) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        throw new Error(`could not migrate the scratch database:\n${migrated.output}`);
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url,
    async drop() {
      const client = await connectAdmin(adminUrl);
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
