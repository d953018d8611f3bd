import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { publishFlow } from "@/app/_server/flows/publish-flow";
import { AppError } from "@/app/_server/http/app-error";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { afterSalesHttpPolicy } from "@/tests/support/fixtures";
import { writeHttpPolicy } from "@/workers/http-allow-list/write-http-policy";
import { loadCallPlans } from "@/workers/persistence/call-plans";
import { listRoutingFlows, saveQueue } from "./manage-queues";
import type { Session } from "@/app/_server/auth/session";

let db: TestDatabase;
let actor: Session;
const at = { x: 0, y: 0 };

const routingGraph = (waitSeconds: number) => ({
  schemaVersion: 1,
  kind: "routing",
  nodes: [
    { id: "start", type: "routing-start", position: at, data: {} },
    { id: "q", type: "queue", position: at, data: { queue: "agents", skipIfNoAgents: false, waitSeconds } },
    { id: "v", type: "voicemail", position: at, data: {} },
  ],
  edges: [
    { id: "e1", source: "start", sourcePort: "next", target: "q" },
    { id: "e2", source: "q", sourcePort: "timeout", target: "v" },
    { id: "e3", source: "q", sourcePort: "full", target: "v" },
  ],
});
const queueInput = (routingFlowId: string | null) => ({
  name: "agents",
  displayNameZh: "人工",
  displayNameEn: "Agents",
  requiredSkills: [],
  hours: null,
  serviceLevelPercent: 80,
  serviceLevelSeconds: 20,
  maxWaiting: 50,
  maxWaitSeconds: 600,
  offerTimeoutSeconds: 15,
  whenFull: { kind: "voicemail" as const },
  whenClosed: { kind: "voicemail" as const },
  routingFlowId,
  callbackEnabled: false,
  callbackAfterSeconds: 60,
  callbackKey: "1",
  callbackRetries: 2,
  callbackRetrySeconds: 300,
  recording: "off" as const,
});
const fieldOf = async (saving: Promise<unknown>) => {
  const error = await saving.then(() => null, (err: unknown) => err);
  return error instanceof AppError ? error.message : String(error);
};

beforeAll(async () => {
  db = await createTestDatabase();
  await writeHttpPolicy(db.prisma, afterSalesHttpPolicy);
  const user = await db.prisma.user.create({ data: { email: "admin@example.test", name: "admin", passwordHash: "-", role: "admin" } });
  actor = { userId: user.id, role: "admin", locale: "en", name: "admin", email: "admin@example.test" };
});
afterAll(async () => {
  await db?.drop();
});

describe("a queue's routing flow", () => {
  it("must be a published routing flow; the call pins its live version at the start, like a subflow", async () => {
    const ivr = await publishFlow({ graph: fixture }, db.prisma);
    if (!ivr.ok) throw new Error("the IVR does not publish");
    const { id: queueId } = await saveQueue(actor, null, queueInput(null), db.prisma);
    expect(await fieldOf(saveQueue(actor, queueId, queueInput(ivr.flowId), db.prisma))).toBe("Invalid body: routingFlowId: must be a routing flow");
    const draft = await db.prisma.flow.create({ data: { name: "Draft routing", kind: "routing", draftGraph: routingGraph(30) } });
    expect(await fieldOf(saveQueue(actor, queueId, queueInput(draft.id), db.prisma))).toBe("Invalid body: routingFlowId: must be a published routing flow");
    expect(await listRoutingFlows(db.prisma)).toEqual([]);

    const first = await publishFlow({ graph: routingGraph(30) }, db.prisma);
    if (!first.ok) throw new Error(`the routing flow does not publish: ${JSON.stringify(first.issues)}`);
    expect(await listRoutingFlows(db.prisma)).toEqual([{ id: first.flowId, name: expect.any(String) }]);
    await saveQueue(actor, queueId, queueInput(first.flowId), db.prisma);

    const source = { flowVersionId: ivr.versionId, testPlanId: null };
    const atStart = await loadCallPlans(db.prisma, source);
    expect(atStart.routingFlows).toEqual({ agents: first.flowId });
    expect(atStart.plans[first.flowId]).toMatchObject({ versionId: first.versionId, plan: { kind: "routing" } });
    const second = await publishFlow({ graph: routingGraph(60), flowId: first.flowId }, db.prisma);
    if (!second.ok) throw new Error("the second version does not publish");
    // A call that continued as new keeps the version it pinned; a new call takes the live one.
    const pinned = Object.fromEntries(Object.values(atStart.plans).map((plan) => [plan.flowId, plan.versionId]));
    expect((await loadCallPlans(db.prisma, source, pinned)).plans[first.flowId]?.versionId).toBe(first.versionId);
    expect((await loadCallPlans(db.prisma, source)).plans[first.flowId]?.versionId).toBe(second.versionId);

    // Named no more: the queue routes by default.
    await saveQueue(actor, queueId, queueInput(null), db.prisma);
    expect((await loadCallPlans(db.prisma, source)).routingFlows).toEqual({});
  });
});
