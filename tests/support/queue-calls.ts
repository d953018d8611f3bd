import { startDevStack, type DevStack, type DevStackOptions } from "@/workers/dev-stack";
import { createAriClient, type AriClient } from "@/workers/ari";
import { allowLocalServer, sendJson, startLocalHttpServer, type LocalHttpServer } from "./local-http";
import { createQueueActivities } from "@/workers/queues/queue-activities";
import { loadFixture, withNodeData, type FixtureGraph } from "./fixtures";
import { until } from "./until";

/** The seed's after-sales IVR, always open, its CRM lookup on a local server: "0" → queue "agents". */
export function afterSalesWithCrm(crmUrl: string): FixtureGraph {
  const alwaysOpen = { weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: "00:00", close: "24:00" })), holidays: [], extraOpenDays: [] };
  let graph = withNodeData(loadFixture("after-sales-ivr"), "hours", alwaysOpen);
  graph = withNodeData(graph, "lookup_customer", { url: `${crmUrl}/v1/customers?phone={{call.caller}}` });
  return withNodeData(graph, "order_lookup", { url: `${crmUrl}/v2/orders/{{order_number}}` });
}

export interface QueueAgents {
  queues: ReturnType<typeof createQueueActivities>;
  /** An agent with these skills (proficiency 3) who speaks these languages (default Chinese). */
  make(name: string, skills: string[], languages?: string[]): Promise<void>;
  agent(name: string): { id: string; extension: string };
  names(): string[];
  /** Sets the agent's phone (a simulator endpoint script) and state through the matcher. */
  set(name: string, state: "available" | "offline", endpointScript?: string): Promise<void>;
}

export function queueAgents(stack: DevStack): QueueAgents {
  const agents: Record<string, { id: string; extension: string }> = {};
  const queues = createQueueActivities(stack.prisma);
  const agent = (name: string) => {
    const found = agents[name];
    if (!found) throw new Error(`no agent ${name}`);
    return found;
  };
  return {
    queues,
    agent,
    names: () => Object.keys(agents),
    async make(name, skills, languages = ["zh"]) {
      const user = await stack.prisma.user.create({ data: { email: `${name}@example.test`, name, passwordHash: "-", role: "agent" } });
      const extension = `7${Object.keys(agents).length + 100}`;
      const skillRows = await stack.prisma.skill.findMany({ where: { name: { in: skills } } });
      await stack.prisma.agentProfile.create({
        data: { userId: user.id, extension, languages, wrapUpSeconds: 600, skills: { create: skillRows.map((s) => ({ skillId: s.id, proficiency: 3 })) } },
      });
      agents[name] = { id: user.id, extension };
    },
    async set(name, state, endpointScript) {
      if (endpointScript !== undefined) await stack.simulator?.control.setEndpoint(agent(name).extension, endpointScript);
      const applied = await queues.queueSetAgentState({ agentId: agent(name).id, state });
      if (applied.refused !== null) throw new Error(`${name} → ${state} refused: ${applied.refused}`);
    },
  };
}

/** Places a call that presses 0 and stays on the line; returns once its QueuedCall has `status`. */
export async function callerIn(stack: DevStack, status: string, from: string): Promise<string> {
  const callId = await stack.placeCall({ to: "4008001", from, script: "wait prompt; press 0" });
  await until(`${from} ${status}`, async () => ((await stack.prisma.queuedCall.findUnique({ where: { id: callId } }))?.status === status ? true : undefined), 60_000);
  return callId;
}

/** The caller's mixing bridge with the agent, once both are in it. */
export async function talkBridgeOf(stack: DevStack, ari: AriClient, callId: string) {
  const status = await stack.simulator?.control.getCall(callId);
  if (!status?.bridgeId) return undefined;
  const bridge = await ari.bridges.get(status.bridgeId);
  return bridge.bridge_type === "mixing" && bridge.channels.length === 2 ? bridge : undefined;
}

/** A CRM on a local server that calls every caller a standard customer (the after-sales IVR's lookup). */
export async function startStandardCrm(apiKey: string): Promise<LocalHttpServer> {
  return startLocalHttpServer((req, res) => {
    if (req.headers["x-api-key"] === apiKey) return sendJson(res, 200, { data: { tier: "standard" } });
    sendJson(res, 403, { error: "forbidden" });
  });
}

/**
 * The stack the queue's end-to-end tests share: the simulator with closed endpoints (agents' phones
 * are scripted), the CRM's key as the IVR's secret, the after-sales IVR published on 4008001.
 */
export async function startQueueStack(crm: LocalHttpServer, crmKey: string, options: Pick<DevStackOptions, "worker" | "queueHold" | "outboundTrunk">): Promise<{ stack: DevStack; ari: AriClient }> {
  const stack = await startDevStack({
    ...options,
    simulator: { timeScale: 1, openEndpoints: false, scriptTimeoutMs: 600_000 },
    secrets: { CRM_API_KEY: crmKey, SHOP_API_TOKEN: "unused" },
    httpPolicy: allowLocalServer(crm, ["CRM_API_KEY", "SHOP_API_TOKEN"]),
  });
  const simUrl = stack.simulator?.url;
  if (!simUrl) throw new Error("needs the simulator");
  await stack.publishFlow(afterSalesWithCrm(crm.url), { did: "4008001" });
  return { stack, ari: createAriClient({ url: simUrl, username: "asterisk", password: "asterisk", app: `queue-test-${crmKey}` }) };
}

/** Hangs the caller up unless the call is over already. */
export async function hangUpIfUp(stack: DevStack, callId: string): Promise<void> {
  const status = await stack.simulator?.control.getCall(callId);
  if (status && !status.done) await stack.simulator?.control.hangup(callId);
}

/**
 * The CRM the seed's after-sales IVR asks (tier "vip" for `vip`, else "standard"), the dev stack with
 * the simulator's agent endpoints that lets the IVR reach it, and an ARI client of the simulator.
 */
export async function startQueueStackWithVipCrm(options: { crmKey: string; vip: string; ariApp: string; announceEverySeconds: number }): Promise<{ stack: DevStack; crm: LocalHttpServer; ari: AriClient }> {
  const crm = await startLocalHttpServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/v1/customers" && req.headers["x-api-key"] === options.crmKey) return sendJson(res, 200, { data: { tier: url.searchParams.get("phone") === options.vip ? "vip" : "standard" } });
    sendJson(res, 403, { error: "forbidden" });
  });
  const stack = await startDevStack({
    simulator: { timeScale: 1, openEndpoints: false, scriptTimeoutMs: 600_000 },
    secrets: { CRM_API_KEY: options.crmKey, SHOP_API_TOKEN: "unused" },
    httpPolicy: allowLocalServer(crm, ["CRM_API_KEY", "SHOP_API_TOKEN"]),
    queueHold: { mohClass: "default", announceEverySeconds: options.announceEverySeconds },
  });
  const simUrl = stack.simulator?.url;
  if (!simUrl) throw new Error("needs the simulator");
  return { stack, crm, ari: createAriClient({ url: simUrl, username: "asterisk", password: "asterisk", app: options.ariApp }) };
}

/** Between tests: every channel hung up, no call left in a queue, every agent signed out. */
export async function clearQueues(stack: DevStack, ari: AriClient, agents: QueueAgents): Promise<void> {
  for (const channel of await ari.channels.list()) await ari.channels.hangup(channel.id).catch(() => undefined);
  await until("no call in a queue", async () => ((await stack.prisma.queuedCall.count({ where: { status: { in: ["waiting", "offered", "connected"] } } })) === 0 ? true : undefined));
  for (const name of agents.names()) await agents.queues.queueSetAgentState({ agentId: agents.agent(name).id, state: "offline" });
}
