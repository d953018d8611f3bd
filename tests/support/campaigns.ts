import type { DevStack } from "@/workers/dev-stack";
import { createCampaign } from "@/app/_server/campaigns/manage-campaigns";
import { addContacts } from "@/app/_server/campaigns/add-contacts";
import type { z } from "zod";
import { campaignInputSchema, contactRowsSchema } from "@/app/_server/campaigns/campaign-inputs";
import { temporalCampaignRuntime } from "@/app/_server/campaigns/campaign-temporal";
import { tts } from "./graph-builder";

/** Press 1: confirmed; 2: cancelled; 9: opt out (then outcome opted-out); silence: no-response. */
export function reminderFlow() {
  const nodes = [
    { id: "answered", type: "campaign-start", data: { defaultLanguage: "en-US" } },
    {
      id: "offer",
      type: "menu",
      data: { prompt: [tts("Hello {{contact.name}}. Your car is due for its service. Press 1 to book, 2 to cancel, 9 to never be called again.")], options: [{ key: "1" }, { key: "2" }, { key: "9" }], timeoutSeconds: 10, maxRetries: 0 },
    },
    { id: "confirmed", type: "set-outcome", data: { outcome: "confirmed" } },
    { id: "cancelled", type: "set-outcome", data: { outcome: "cancelled" } },
    { id: "optout", type: "opt-out", data: { scope: "all" } },
    { id: "opted", type: "set-outcome", data: { outcome: "opted-out" } },
    { id: "silent", type: "set-outcome", data: { outcome: "no-response" } },
    { id: "bye", type: "hangup" },
  ];
  const edges: [string, string, string][] = [
    ["answered", "answered", "offer"],
    ["offer", "option:1", "confirmed"],
    ["offer", "option:2", "cancelled"],
    ["offer", "option:9", "optout"],
    ["offer", "timeout", "silent"],
    ["offer", "invalid", "silent"],
    ["optout", "next", "opted"],
    ["confirmed", "next", "bye"],
    ["cancelled", "next", "bye"],
    ["opted", "next", "bye"],
    ["silent", "next", "bye"],
  ];
  return {
    schemaVersion: 1,
    kind: "campaign",
    name: "service reminder",
    variables: [],
    nodes: nodes.map((node, index) => ({ ...node, position: { x: index * 250, y: 0 }, data: node.data ?? {} })),
    edges: edges.map(([source, sourcePort, target]) => ({ id: `${source}:${sourcePort}->${target}`, source, sourcePort, target })),
  };
}

/** A draft campaign over `contacts`, running the published reminder flow. */
export async function draftCampaign(stack: DevStack, settings: Record<string, unknown>, contacts: z.input<typeof contactRowsSchema>["contacts"]) {
  const flow = await stack.publishFlow(reminderFlow());
  const campaign = await createCampaign(stack.prisma, campaignInputSchema.parse({ name: "service reminder", flowId: flow.flowId, callerId: "4008001234", ...settings }), null);
  const added = await addContacts(stack.prisma, campaign.id, contactRowsSchema.parse({ contacts }).contacts);
  if (added.bad.length > 0) throw new Error(`bad contacts: ${JSON.stringify(added.bad)}`);
  return { campaign, flow };
}

export function stackCampaignRuntime(stack: DevStack) {
  return temporalCampaignRuntime(async () => stack.temporal.client, stack.taskQueue);
}

/**
 * The contacts' phones: every campaign channel that plays a prompt gets the keys of its number (none:
 * stays silent). Returns a stop function.
 */
export function answerPrompts(stack: DevStack, keysByPhone: Record<string, string>): () => Promise<void> {
  const sim = stack.simulator;
  if (!sim) throw new Error("needs the in-process simulator");
  const pressed = new Set<string>();
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const entry of sim.sw.log.entries) {
        const channelId = entry.channelId;
        if (entry.kind !== "playRequest" || channelId === undefined || !channelId.startsWith("cmp~") || pressed.has(channelId)) continue;
        pressed.add(channelId);
        const keys = keysByPhone[phoneOfChannel(stack, channelId) ?? ""];
        if (keys) await sim.control.press(channelId, keys).catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/** Number an originate dialed, from its endpoint `PJSIP/<number>@<trunk>`. */
export function dialedNumber(endpoint: unknown): string | null {
  const match = typeof endpoint === "string" ? /^PJSIP\/([^@]+)@/.exec(endpoint) : null;
  return match?.[1] ?? null;
}

export function phoneOfChannel(stack: DevStack, channelId: string): string | null {
  const originate = stack.simulator?.sw.log.entries.find((entry) => entry.kind === "originate" && entry.channelId === channelId);
  return originate ? dialedNumber(originate.endpoint) : null;
}

/** Every originate of campaign channels: channel id and number, in order. */
export function campaignOriginates(stack: DevStack): { channelId: string; phone: string | null; t: number }[] {
  return (stack.simulator?.sw.log.entries ?? [])
    .filter((entry) => entry.kind === "originate" && typeof entry.channelId === "string" && entry.channelId.startsWith("cmp~"))
    .map((entry) => ({ channelId: String(entry.channelId), phone: dialedNumber(entry.endpoint), t: entry.t }));
}
