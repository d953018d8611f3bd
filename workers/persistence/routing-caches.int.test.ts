import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapEntryPoint } from "@/app/_server/flows/map-entry-point";
import { publishFlow } from "@/app/_server/flows/publish-flow";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { ivrGraph, tts } from "@/tests/support/graph-builder";
import { startTcpProxy, type TcpProxy } from "@/tests/support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createEntryPointCache } from "../ari-bridge/entry-point-cache";
import { createEntryResolver } from "../ari-bridge/resolve-entry-point";
import { loadCallPlans } from "./call-plans";
import { createPlanCache } from "./plan-cache";
import { listenForRoutingChanges } from "./routing-notifications";

const sayFlow = (text: string) =>
  ivrGraph({ name: text, nodes: [{ id: "start", type: "start" }, { id: "say", type: "play", data: { media: [tts(text)] } }], edges: [["start", "next", "say"]] });
const callingFlow = (subflowId: string) =>
  ivrGraph({ name: "caller", nodes: [{ id: "start", type: "start" }, { id: "sub", type: "subflow", data: { flowId: subflowId } }], edges: [["start", "next", "sub"]] });

async function published(result: Awaited<ReturnType<typeof publishFlow>>) {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result;
}

async function until(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("routing caches: what the bridge and the worker know when the database does not answer", () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  /** The services' view of the database, through a link the tests cut. */
  let remote: PrismaClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(db.url);
    url.hostname = proxy.host;
    url.port = String(proxy.port);
    remote = createPrismaClient(url.toString());
  });
  afterAll(async () => {
    await remote?.$disconnect();
    await proxy?.close();
    await db?.drop();
  });

  it("notifies publishes and entry point changes, not draft saves, and reports a reconnect", async () => {
    const changes: string[] = [];
    const url = new URL(db.url);
    url.hostname = proxy.host;
    url.port = String(proxy.port);
    const listener = listenForRoutingChanges({ databaseUrl: url.toString(), onChange: (reason) => changes.push(reason), maxDelayMs: 200 });
    try {
      await until("the listener to connect", () => changes.includes("connected"));
      const flow = await published(await publishFlow({ graph: sayFlow("notified") }, db.prisma));
      await until("the publish", () => changes.includes("Flow"));
      changes.length = 0;
      await db.prisma.flow.update({ where: { id: flow.flowId }, data: { draftGraph: JSON.parse(JSON.stringify(sayFlow("draft edit"))), draftRevision: { increment: 1 } } });
      await mapEntryPoint(flow.flowId, { kind: "did", value: "4100" }, db.prisma);
      await until("the entry point", () => changes.includes("EntryPoint"));
      expect(changes).toEqual(["EntryPoint"]);

      changes.length = 0;
      proxy.cut();
      await new Promise((r) => setTimeout(r, 300));
      proxy.restore();
      // Notifications sent while disconnected are lost: a reconnect counts as a change.
      await until("the reconnect", () => changes.includes("connected"));
    } finally {
      proxy.restore();
      await listener.close();
    }
  });

  it("routes a call from the bridge's cache while the database is unreachable, and from the database when it answers", async () => {
    const v1 = await published(await publishFlow({ graph: sayFlow("cached v1") }, db.prisma));
    await mapEntryPoint(v1.flowId, { kind: "did", value: "4101" }, db.prisma);
    const cache = createEntryPointCache(db.prisma);
    try {
      await cache.refresh();
      const resolve = createEntryResolver(remote, { cache, databaseTimeoutMs: 1_000 });
      const uncached = createEntryResolver(remote);

      const v2 = await published(await publishFlow({ graph: sayFlow("cached v2"), flowId: v1.flowId }, db.prisma));
      // The database is the truth while it answers, even before the cache heard of the publish.
      expect(await resolve({ args: [], dialed: "4101" })).toEqual({ flowId: v1.flowId, flowVersionId: v2.versionId });

      proxy.cut();
      expect(await resolve({ args: [], dialed: "4101" })).toEqual({ flowId: v1.flowId, flowVersionId: v1.versionId });
      expect(await resolve({ args: [], dialed: "9999" })).toBeNull();
      await expect(uncached({ args: [], dialed: "4101" })).rejects.toThrow();
      proxy.restore();

      await cache.refresh();
      proxy.cut();
      expect(await resolve({ args: [], dialed: "4101" })).toEqual({ flowId: v1.flowId, flowVersionId: v2.versionId });
    } finally {
      proxy.restore();
      cache.close();
    }
  });

  it("loads a call's plans and its subflow's live version from the worker's cache while the database is unreachable", async () => {
    const sub = await published(await publishFlow({ graph: sayFlow("cached sub") }, db.prisma));
    const main = await published(await publishFlow({ graph: callingFlow(sub.flowId) }, db.prisma));
    const cache = createPlanCache(db.prisma);
    try {
      await cache.refresh();
      expect(cache.plan(main.versionId)?.flowId).toBe(main.flowId);
      proxy.cut();
      const source = { flowVersionId: main.versionId, testPlanId: null };
      const plans = await loadCallPlans(remote, source, {}, cache);
      expect(plans.mainFlowId).toBe(main.flowId);
      expect(plans.plans[sub.flowId]?.versionId).toBe(sub.versionId);
      await expect(loadCallPlans(remote, source)).rejects.toThrow();
    } finally {
      proxy.restore();
      cache.close();
    }
  });
});
