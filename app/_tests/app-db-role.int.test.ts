// The app runs as a login that owns no table (scripts/lib/postgres.sh, prisma/sql/app-role-grants.sql):
// it can do all the app does, but cannot switch off or empty the audit log, which its owner could.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import * as flowsRoute from "@/app/api/flows/route";
import * as importRoute from "@/app/api/flows/import/route";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import * as approveRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/approve/route";
import * as publishRoute from "@/app/api/flows/[flowId]/publish/route";
import { verifyCredentials } from "@/app/_server/auth/verify-credentials";
import { startTestApp, validIvrGraph, type TestApp } from "./support/test-app";

let app: TestApp;
let appUrl = "";
let appPrisma: PrismaClient;
let client: pg.Client;
beforeAll(async () => {
  app = await startTestApp();
  // scripts/test.sh exports the app login's URL; the database is this file's copy of the template.
  const base = process.env.CC_TEST_APP_DB_URL ?? "postgresql://ccflows_app:ccflows_app@127.0.0.1:5432/postgres";
  appUrl = base.replace(/\/[^/]*$/, `/${app.db.url.split("/").pop() ?? ""}`);
  appPrisma = createPrismaClient(appUrl);
  client = new pg.Client({ connectionString: appUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await appPrisma?.$disconnect();
  await app.stop();
});

describe("the app's database login", () => {
  it("is not the owner of the tables", async () => {
    const { rows } = await client.query(`SELECT current_user AS me, tableowner FROM pg_tables WHERE tablename = 'AuditEntry'`);
    expect(rows[0].me).not.toBe(rows[0].tableowner);
  });

  it("runs the app: flows, reviews, publishing, sign-in bookkeeping, audit entries", async () => {
    globalThis.ccPrisma = appPrisma;
    try {
      expect((await app.call(flowsRoute.POST, { as: "admin", method: "POST", body: { name: "As the app login", kind: "ivr" } })).status).toBe(201);
      const imported = await app.call(importRoute.POST, { as: "ops", method: "POST", body: validIvrGraph("Imported as app") });
      expect(imported.status).toBe(201);
      const flowId = String(imported.body.flow.id);
      const submitted = await app.call(flowReviewsRoute.POST, { as: "ops", method: "POST", params: { flowId }, body: { note: "n" } });
      expect(submitted.status).toBe(201);
      const reviewId = String(submitted.body.review.id);
      expect((await app.call(approveRoute.POST, { as: "admin", method: "POST", params: { flowId, reviewId }, body: {} })).status).toBe(200);
      expect((await app.call(publishRoute.POST, { as: "admin", method: "POST", params: { flowId }, body: { versionId: submitted.body.review.versionId } })).status).toBe(200);
      expect(await verifyCredentials({ email: "nobody@role.test", password: "x" }, { db: appPrisma })).toBeNull();
      expect(await appPrisma.auditEntry.count({ where: { flowId } })).toBeGreaterThanOrEqual(3);
    } finally {
      globalThis.ccPrisma = app.db.prisma;
    }
  });

  it("cannot disable or drop the audit trigger, nor update, delete or truncate the audit log", async () => {
    await app.db.prisma.auditEntry.create({ data: { actorName: "x", action: "flow.import", targetType: "flow", targetId: "f", details: {} } });
    const before = await app.db.prisma.auditEntry.count();
    for (const statement of [
      `ALTER TABLE "AuditEntry" DISABLE TRIGGER audit_entry_no_update_delete`,
      `ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL`,
      `DROP TRIGGER audit_entry_no_truncate ON "AuditEntry"`,
      `DROP FUNCTION audit_entry_append_only() CASCADE`,
      `ALTER TABLE "AuditEntry" RENAME TO "AuditEntryOld"`,
    ]) {
      await expect(client.query(statement), statement).rejects.toThrow(/must be owner/);
    }
    for (const statement of [`TRUNCATE "AuditEntry"`, `UPDATE "AuditEntry" SET "actorName" = 'someone else'`, `DELETE FROM "AuditEntry"`]) {
      await expect(client.query(statement), statement).rejects.toThrow(/permission denied/);
    }
    await expect(client.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    expect(await app.db.prisma.auditEntry.count()).toBe(before);
    const { rows } = await client.query(`SELECT tgenabled FROM pg_trigger WHERE tgname IN ('audit_entry_no_update_delete', 'audit_entry_no_truncate')`);
    expect(rows.map((row) => row.tgenabled)).toEqual(["O", "O"]);
  });
});
