import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/audit/route";
import * as entryPointsRoute from "@/app/api/flows/[flowId]/entry-points/route";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import { auditNames } from "@/app/_server/audit/audit-names";
import { listAudit, auditQuerySchema } from "@/app/_server/audit/list-audit";
import { insertVersion } from "./support/version-fixtures";
import { startTestApp, validIvrGraph, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("the audit log for people", () => {
  it("names the flow, the version, the review and the people an entry mentions", async () => {
    const flow = await app.createFlow("ivr", { name: "Audit Names Hotline", graph: validIvrGraph("Audit Names Hotline") });
    await insertVersion(app, flow.id, validIvrGraph("Audit Names Hotline"), { status: "published", live: true });
    expect((await app.call(entryPointsRoute.POST, { as: "ops", method: "POST", params: { flowId: flow.id }, body: { kind: "did", value: "4008010101" } })).status).toBe(201);
    const submitted = await app.call(flowReviewsRoute.POST, { as: "ops", method: "POST", params: { flowId: flow.id }, body: { note: "numbers" } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    const { entries } = await listAudit(auditQuerySchema.parse({ flowId: flow.id }));
    const names = await auditNames(entries);
    const submit = entries.find((entry) => entry.action === "review.submit");
    if (submit === undefined) throw new Error("no submit entry");
    expect(names.flows[flow.id]).toBe("Audit Names Hotline");
    expect(names.reviews[submit.targetId]).toBe(2);
    const ops = app.users.ops;
    expect(names.users[ops.id]).toMatch(new RegExp(`\\(${ops.email.replace(/[.]/g, "\\.")}\\)$`));
    const version = await app.db.prisma.flowVersion.findFirstOrThrow({ where: { flowId: flow.id, number: 2 } });
    expect(names.versions[version.id]).toBe(2);
  });

  it("filters by part of a flow's name, any case", async () => {
    const wanted = await app.createFlow("ivr", { name: "After-Sales Line" });
    const other = await app.createFlow("ivr", { name: "Billing Line" });
    for (const flow of [wanted, other]) {
      expect((await app.call(entryPointsRoute.POST, { as: "ops", method: "POST", params: { flowId: flow.id }, body: { kind: "stasis-arg", value: `line-${flow.id}` } })).status).toBe(201);
    }
    const found = await app.call(auditRoute.GET, { as: "admin", path: "/api/audit?flowName=after-sales" });
    expect(found.status).toBe(200);
    const flows = new Set(found.body.entries.map((entry: { flowId: string }) => entry.flowId));
    expect(flows).toEqual(new Set([wanted.id]));
    const none = await app.call(auditRoute.GET, { as: "admin", path: "/api/audit?flowName=no-such-flow-name" });
    expect(none.body.entries).toEqual([]);
  });
});
