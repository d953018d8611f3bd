import type { DevStack } from "@/workers/dev-stack";
import { ivrGraph, tts } from "./graph-builder";
import { until } from "./until";

/** A welcome long enough to end while the bridge is away, a menu, a goodbye: the shape of the measured IVR. */
export function welcomeMenuFlow(welcome: string) {
  return ivrGraph({
    name: "welcome, menu, goodbye",
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "welcome", type: "play", data: { media: [tts(welcome)] } },
      { id: "menu", type: "menu", data: { prompt: [tts("For billing, press 1.")], options: [{ key: "1" }], timeoutSeconds: 10, maxRetries: 1 } },
      { id: "goodbye", type: "play", data: { media: [tts("Billing is closed today. Goodbye.")] } },
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "welcome"],
      ["welcome", "next", "menu"],
      ["menu", "option:1", "goodbye"],
      ["menu", "timeout", "bye"],
      ["menu", "invalid", "bye"],
      ["goodbye", "next", "bye"],
    ],
  });
}

/** The caller hears the welcome, presses 1 when the menu starts, hears the goodbye and is hung up by the flow. */
export const WELCOME_MENU_SCRIPT = "wait prompt 2; press 1; wait prompt 3; expect hangup; timeout 120s";

export const WELCOME_MENU_STEPS = [
  ["start", "next", null],
  ["welcome", "next", null],
  ["menu", "option:1", "1"],
  ["goodbye", "next", null],
  ["bye", null, null],
];

export interface Silence {
  callId: string;
  /** When the simulator finished the prompt whose PlaybackFinished nobody received. */
  lostAt: number;
  /** Milliseconds from max(lostAt, bridge back) to the call's next play request. */
  resumedAfterMs: number;
}

/**
 * For each PlaybackFinished the simulator emitted while no bridge listened: how long after the
 * bridge was back (its WebSocket connected again, at `backAt`) the call's next prompt was requested.
 */
export async function silencesAfterLoss(stack: DevStack, callIds: string[], backAt: number): Promise<Silence[]> {
  const sim = stack.simulator;
  if (!sim) throw new Error("needs the simulator");
  const silences: Silence[] = [];
  for (const callId of callIds) {
    const log = await sim.control.log({ channelId: callId });
    for (const lost of log.filter((e) => e.kind === "playbackFinished" && e.sent === null)) {
      const next = log.find((e) => e.kind === "playRequest" && e.t > lost.t);
      if (!next) continue;
      silences.push({ callId, lostAt: lost.t, resumedAfterMs: Math.round(next.t - Math.max(lost.t, backAt)) });
    }
  }
  return silences;
}

/** Places `count` welcome-menu calls 300 ms apart and resolves once every welcome is playing. */
export async function placeWelcomeCalls(stack: DevStack, options: { count: number; to: string; fromPrefix: string }): Promise<string[]> {
  const sim = stack.simulator;
  if (!sim) throw new Error("needs the simulator");
  const callIds: string[] = [];
  for (let i = 0; i < options.count; i += 1) {
    callIds.push(await stack.placeCall({ to: options.to, from: `${options.fromPrefix}${i}`, script: WELCOME_MENU_SCRIPT }));
    await new Promise((r) => setTimeout(r, 300));
  }
  await until("every welcome to start", async () => {
    const started = await Promise.all(callIds.map((id) => sim.control.log({ channelId: id, kind: "playbackStarted" })));
    return started.every((s) => s.length >= 1) ? true : undefined;
  });
  return callIds;
}
