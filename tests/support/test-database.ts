import pg from "pg";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file, copied from the template that scripts/test.sh
 * migrates before the run.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.CC_TEST_ADMIN_DB_URL ?? "postgresql://ccflows:ccflows@127.0.0.1:5432/postgres";
  const template = process.env.CC_TEST_TEMPLATE_DB ?? "ccflows_test_template";
  const name = `ccflows_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Copying needs the template to itself: another test file copying it (or a run re-migrating it)
    // holds it for a moment (55006 "being accessed by other users").
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        const busy = err instanceof Error && "code" in err && err.code === "55006";
        if (!busy || attempt >= 40) throw err;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // FORCE may meet a backend it may not end (an autovacuum worker that just entered the
        // database: insufficient_privilege); such a worker leaves by itself within moments.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (error) {
            if (!(error instanceof pg.DatabaseError) || error.code !== "42501" || attempt >= 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
