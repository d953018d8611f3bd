import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as flowsRoute from "@/app/api/flows/route";
import * as importRoute from "@/app/api/flows/import/route";
import * as publishRoute from "@/app/api/flows/[flowId]/publish/route";
import * as flowReviewsRoute from "@/app/api/flows/[flowId]/reviews/route";
import * as approveRoute from "@/app/api/flows/[flowId]/reviews/[reviewId]/approve/route";
import * as apiTokensRoute from "@/app/api/api-tokens/route";
import * as apiTokenRoute from "@/app/api/api-tokens/[tokenId]/route";
import * as userRoute from "@/app/api/users/[userId]/route";
import { hashApiToken, newApiToken } from "@/app/_server/api-tokens/token-hash";
import { startTestApp, validIvrGraph, type TestApp, type TestUser } from "./support/test-app";

let app: TestApp;
let ciUser: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  ciUser = await app.createUser("ops", "CI deploy");
});
afterAll(async () => {
  await app.stop();
});

/** A token issued by `as` for themself (the only kind there is). */
async function issue(body: Record<string, unknown>, as: TestUser | "admin" = "admin") {
  const result = await app.call(apiTokensRoute.POST, { as, method: "POST", body });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return { token: String(result.body.token), id: String(result.body.apiToken.id) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("API tokens", () => {
  it("are shown once, stored only as their sha256 and listed without the secret", async () => {
    const { token, id } = await issue({ name: "staging → production", scopes: ["flow.view"] }, ciUser);
    expect(token).toMatch(/^cct_[A-Za-z0-9_-]{43}$/);
    const row = await app.db.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const listed = await app.call(apiTokensRoute.GET, { as: "admin" });
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(4));
    expect(listed.body.apiTokens.find((t: { id: string }) => t.id === id)).toMatchObject({ name: "staging → production", user: { id: ciUser.id, role: "ops" }, scopes: ["flow.view"], revokedAt: null });
  });

  it("authenticate as their user within their scopes: valid, wrong scope, revoked, expired, unknown", async () => {
    const { token, id } = await issue({ name: "reader", scopes: ["flow.view"] }, ciUser);
    const ok = await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(token) });
    expect(ok.status).toBe(200);
    expect((await app.db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();

    const wrongScope = await app.call(flowsRoute.POST, { as: null, method: "POST", path: "/api/flows", body: { name: "x", kind: "ivr" }, headers: bearer(token) });
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("flow.create") });

    expect((await app.call(apiTokenRoute.DELETE, { as: "admin", method: "DELETE", params: { tokenId: id } })).status).toBe(200);
    const revoked = await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(token) });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("invalid_api_token");

    const expiring = await issue({ name: "short-lived", scopes: ["flow.view"], expiresInDays: 1 }, ciUser);
    expect((await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(expiring.token) })).status).toBe(200);
    await app.db.prisma.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(expiring.token) })).status).toBe(401);

    for (const header of [`Bearer cct_${"A".repeat(43)}`, "Bearer", "Basic dXNlcjpwdw==", `Bearer ${token}x`]) {
      const result = await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: { authorization: header } });
      expect(result.status, header).toBe(401);
    }
  });

  it("never fall back to a session cookie when the bearer token is bad", async () => {
    const result = await app.call(flowsRoute.GET, { as: "admin", path: "/api/flows", headers: bearer("cct_not-a-token") });
    expect(result.status).toBe(401);
  });

  it("follow their user's current role: a demotion applies on the next request", async () => {
    const user = await app.createUser("ops", "Soon an agent");
    const { token } = await issue({ name: "demoted", scopes: ["flow.view"] }, user);
    expect((await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(token) })).status).toBe(200);
    await app.call(userRoute.PATCH, { as: "admin", method: "PATCH", params: { userId: user.id }, body: { role: "agent" } });
    expect((await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(token) })).status).toBe(403);
  });

  it("cannot be scoped beyond their user's role, nor to managing users and tokens", async () => {
    const marketer = await app.call(apiTokensRoute.POST, { as: "marketer", method: "POST", body: { name: "too much", scopes: ["flow.view", "flow.publish"] } });
    expect(marketer.status).toBe(422);
    expect(marketer.body.error).toMatchObject({ code: "scope_beyond_role", scopes: ["flow.publish"] });
    const manage = await app.call(apiTokensRoute.POST, { as: "admin", method: "POST", body: { name: "escalate", scopes: ["apiToken.manage"] } });
    expect(manage.status).toBe(400);
    const { token } = await issue({ name: "admin's own", scopes: ["flow.view", "audit.view"] });
    expect((await app.call(apiTokensRoute.GET, { as: null, headers: bearer(token) })).status).toBe(403);
  });

  it("let CI promote a flow: import and submit, a person approves, CI publishes; four eyes still applies", async () => {
    const { token } = await issue({ name: "promote", scopes: ["flow.view", "flow.import", "flow.submitReview", "flow.review", "flow.publish"] }, ciUser);
    const imported = await app.call(importRoute.POST, { as: null, method: "POST", body: validIvrGraph("Promoted"), headers: bearer(token) });
    expect(imported.status).toBe(201);
    const flowId = String(imported.body.flow.id);
    const submitted = await app.call(flowReviewsRoute.POST, { as: null, method: "POST", params: { flowId }, body: { note: "from staging" }, headers: bearer(token) });
    expect(submitted.status).toBe(201);
    const reviewId = String(submitted.body.review.id);
    expect(submitted.body.review.submittedBy).toMatchObject({ id: ciUser.id });

    const selfApproval = await app.call(approveRoute.POST, { as: null, method: "POST", params: { flowId, reviewId }, body: {}, headers: bearer(token) });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error.code).toBe("four_eyes");
    expect((await app.call(approveRoute.POST, { as: "ops", method: "POST", params: { flowId, reviewId }, body: {} })).status).toBe(200);

    const published = await app.call(publishRoute.POST, { as: null, method: "POST", params: { flowId }, body: { versionId: submitted.body.review.versionId }, headers: bearer(token) });
    expect(published.status).toBe(200);
    const entry = await app.db.prisma.auditEntry.findFirstOrThrow({ where: { flowId, action: "version.publish" } });
    expect(entry).toMatchObject({ actorId: ciUser.id, actorName: "CI deploy" });
    expect(entry.apiTokenId).not.toBeNull();
  });

  it("are personal: an administrator cannot borrow another user's four eyes to approve their own change", async () => {
    const colleague = await app.createUser("ops", "Colleague");
    const imported = await app.call(importRoute.POST, { as: "admin", method: "POST", body: validIvrGraph("The admin's change") });
    const flowId = String(imported.body.flow.id);
    const submitted = await app.call(flowReviewsRoute.POST, { as: "admin", method: "POST", params: { flowId }, body: { note: "mine" } });
    expect(submitted.status).toBe(201);
    const reviewId = String(submitted.body.review.id);

    const borrowed = await app.call(apiTokensRoute.POST, { as: "admin", method: "POST", body: { name: "borrowed", userId: colleague.id, scopes: ["flow.review"] } });
    expect(borrowed.status).toBe(403);
    expect(borrowed.body.error.code).toBe("token_for_other_user");
    expect(await app.db.prisma.apiToken.count({ where: { userId: colleague.id } })).toBe(0);

    // A token minted for someone else before tokens became personal: refused, whoever holds it.
    const legacy = newApiToken();
    await app.db.prisma.apiToken.create({ data: { name: "legacy", tokenHash: hashApiToken(legacy), prefix: legacy.slice(0, 10), userId: colleague.id, createdById: app.users.admin.id, scopes: ["flow.review"] } });
    const approval = await app.call(approveRoute.POST, { as: null, method: "POST", params: { flowId, reviewId }, body: {}, headers: bearer(legacy) });
    expect(approval.status).toBe(401);
    expect((await app.db.prisma.flowReview.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe("pending");
    expect(await app.db.prisma.auditEntry.count({ where: { action: "review.approve", targetId: reviewId } })).toBe(0);
  });

  it("are issued by their own user, revoked by them or an administrator, and never by another token", async () => {
    const owner = await app.createUser("ops", "Token owner");
    const other = await app.createUser("ops", "Someone else");
    const { token, id } = await issue({ name: "mine", scopes: ["flow.view"] }, owner);
    const mine = await app.call(apiTokensRoute.GET, { as: owner });
    expect(mine.body.apiTokens.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await app.call(apiTokensRoute.GET, { as: other })).body.apiTokens).toEqual([]);
    const byOther = await app.call(apiTokenRoute.DELETE, { as: other, method: "DELETE", params: { tokenId: id } });
    expect(byOther.status).toBe(403);
    const byToken = await app.call(apiTokensRoute.POST, { as: null, method: "POST", body: { name: "child", scopes: ["flow.view"] }, headers: bearer(token) });
    expect(byToken.status).toBe(403);
    expect((await app.call(apiTokenRoute.DELETE, { as: owner, method: "DELETE", params: { tokenId: id } })).status).toBe(200);
    const second = await issue({ name: "second", scopes: ["flow.view"] }, owner);
    expect((await app.call(apiTokenRoute.DELETE, { as: "admin", method: "DELETE", params: { tokenId: second.id } })).status).toBe(200);
    expect((await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(second.token) })).status).toBe(401);
    const agent = await app.call(apiTokensRoute.POST, { as: "agent", method: "POST", body: { name: "agent", scopes: ["flow.view"] } });
    expect(agent.status).toBe(403);
  });

  it("stop when their user is deactivated", async () => {
    const user = await app.createUser("ops", "Leaving");
    const { token } = await issue({ name: "leaving", scopes: ["flow.view"] }, user);
    expect((await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(token) })).status).toBe(200);
    expect((await app.call(userRoute.PATCH, { as: "admin", method: "PATCH", params: { userId: user.id }, body: { active: false } })).status).toBe(200);
    expect((await app.call(flowsRoute.GET, { as: null, path: "/api/flows", headers: bearer(token) })).status).toBe(401);
  });
});
