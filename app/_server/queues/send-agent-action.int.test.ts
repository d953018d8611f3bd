import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "@/app/_server/auth/session";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { sendAgentAction, type SignalAgentAction } from "./send-agent-action";

let db: TestDatabase;
const sent: Array<{ workflowId: string; agentId: string; action: string }> = [];
const signal: SignalAgentAction = async (workflowId, s) => {
  sent.push({ workflowId, ...s });
  return workflowId !== "call-ended";
};
const session = (userId: string, role: Session["role"] = "agent"): Session => ({ userId, role, locale: "en", name: userId, email: `${userId}@example.test` });

beforeAll(async () => {
  db = await createTestDatabase();
  const queue = await db.prisma.queue.create({ data: { name: "q", displayNameZh: "q", displayNameEn: "q", whenFull: { kind: "hangup" }, whenClosed: { kind: "hangup" } } });
  for (const id of ["ann", "ben"]) {
    await db.prisma.user.create({ data: { id, email: `${id}@example.test`, name: id, passwordHash: "-", role: "agent" } });
    await db.prisma.agentProfile.create({ data: { userId: id, extension: id === "ann" ? "801" : "802", state: "offered" } });
  }
  const at = new Date();
  await db.prisma.queuedCall.create({ data: { id: "c-offered", queueId: queue.id, arrivedAt: at, status: "offered", agentId: "ann", offeredAt: at, offerExpiresAt: at, workflowId: "call-c-offered" } });
  await db.prisma.queuedCall.create({ data: { id: "c-talking", queueId: queue.id, arrivedAt: at, status: "connected", agentId: "ben", offeredAt: at, connectedAt: at, workflowId: "call-c-talking" } });
});
afterAll(async () => {
  await db?.drop();
});

describe("sendAgentAction", () => {
  it("signals the call's own workflow with the agent and the action; a workflow that has ended is refused", async () => {
    await sendAgentAction(session("ann"), { callId: "c-offered", action: "decline" }, { db: db.prisma, signal });
    await sendAgentAction(session("ben"), { callId: "c-talking", action: "hangup" }, { db: db.prisma, signal });
    expect(sent).toEqual([
      { workflowId: "call-c-offered", agentId: "ann", action: "decline" },
      { workflowId: "call-c-talking", agentId: "ben", action: "hangup" },
    ]);
    await db.prisma.queuedCall.update({ where: { id: "c-talking" }, data: { workflowId: "call-ended" } });
    await expect(sendAgentAction(session("ben"), { callId: "c-talking", action: "hangup" }, { db: db.prisma, signal })).rejects.toMatchObject({ status: 409, code: "not_your_call" });
    await db.prisma.queuedCall.update({ where: { id: "c-talking" }, data: { workflowId: "call-c-talking" } });
  });

  it("refuses another agent's call, a decline of a connected call, a non-agent and a bad body, and sends nothing", async () => {
    const before = sent.length;
    expect(before).toBe(3);
    await expect(sendAgentAction(session("ben"), { callId: "c-offered", action: "decline" }, { db: db.prisma, signal })).rejects.toMatchObject({ status: 409, code: "not_your_call" });
    await expect(sendAgentAction(session("ben"), { callId: "c-talking", action: "decline" }, { db: db.prisma, signal })).rejects.toMatchObject({ status: 409, code: "call_connected" });
    await expect(sendAgentAction(session("ann", "admin"), { callId: "c-offered", action: "decline" }, { db: db.prisma, signal })).rejects.toMatchObject({ status: 403 });
    await expect(sendAgentAction(session("ann"), { callId: "nope", action: "hangup" }, { db: db.prisma, signal })).rejects.toMatchObject({ status: 409 });
    await expect(sendAgentAction(session("ann"), { callId: "c-offered", action: "answer" }, { db: db.prisma, signal })).rejects.toMatchObject({ status: 400 });
    expect(sent.length).toBe(before);
  });
});
