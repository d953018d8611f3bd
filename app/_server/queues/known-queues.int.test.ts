import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { publishFlow } from "@/app/_server/flows/publish-flow";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { writeHttpPolicy } from "@/workers/http-allow-list/write-http-policy";
import { afterSalesHttpPolicy } from "@/tests/support/fixtures";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await writeHttpPolicy(db.prisma, afterSalesHttpPolicy);
});
afterAll(async () => {
  await db?.drop();
});

const queue = (name: string) => ({ name, displayNameZh: name, displayNameEn: name, whenFull: { kind: "voicemail" }, whenClosed: { kind: "voicemail" } });

describe("transfers to queues, once queues are defined", () => {
  it("publishes while no queue exists, then refuses a transfer to a queue that does not exist, naming the node and field", async () => {
    // The after-sales IVR transfers to "after-sales" and "agents".
    expect((await publishFlow({ graph: fixture }, db.prisma)).ok).toBe(true);
    await db.prisma.queue.create({ data: queue("after-sales") });
    const refused = await publishFlow({ graph: fixture }, db.prisma);
    const unknown = refused.ok ? [] : refused.issues.filter((i) => i.code === "unknown-queue").map((i) => [i.nodeId, i.path.join("."), i.message]);
    expect(unknown.sort()).toEqual([
      ["to_agents", "target.queue", expect.stringContaining('queue "agents" does not exist')],
      ["to_agents_vip", "target.queue", expect.stringContaining('queue "agents" does not exist')],
    ]);
    await db.prisma.queue.create({ data: queue("agents") });
    expect((await publishFlow({ graph: fixture }, db.prisma)).ok).toBe(true);
  });
});
