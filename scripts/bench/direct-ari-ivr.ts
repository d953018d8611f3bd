/**
 * The benchmark IVR written straight against ARI (no Temporal, no database): one state machine per
 * channel driven by ARI events. Run as its own process so its memory can be measured:
 *   ARI_URL=… ARI_APP=direct-ivr FLOW_FILE=scripts/bench/ivr-3-level-menu.json TTS_CACHE_DIR=… \
 *     node --import tsx scripts/bench/direct-ari-ivr.ts
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { createAriClient, type AriClient } from "@/workers/ari";
import { createEspeakEngine, createMediaServer, createTtsService } from "@/workers/tts";
import { loadIvrTree, type IvrTree } from "./direct-ivr-tree";

export interface DirectIvrOptions {
  ari: { url: string; username: string; password: string; app: string };
  tree: IvrTree;
  /** Prompt text → media URI, prepared before calls arrive. */
  media: Map<string, string>;
  onError?: (message: string) => void;
}

interface CallState {
  node: string | null;
  playbackId: string | null;
  playing: boolean;
  timer: NodeJS.Timeout | null;
  /** Serialises the steps of one call: ARI requests of a channel must not overtake each other. */
  chain: Promise<void>;
  ended: boolean;
}

export async function startDirectAriIvr(options: DirectIvrOptions): Promise<{ stop(): Promise<void>; ari: AriClient }> {
  const { tree, media } = options;
  const ari = createAriClient(options.ari);
  const calls = new Map<string, CallState>();
  const report = options.onError ?? ((m: string) => console.error(`[direct-ivr] ${m}`));

  const uris = (texts: string[]) =>
    texts.map((text) => {
      const uri = media.get(text);
      if (uri === undefined) throw new Error(`no media for "${text}"`);
      return uri;
    });

  const step = (channelId: string, work: (call: CallState) => Promise<void>) => {
    const call = calls.get(channelId);
    if (!call) return;
    call.chain = call.chain
      .then(() => (call.ended ? undefined : work(call)))
      .catch(async (err: unknown) => {
        if (call.ended) return;
        report(`call ${channelId}: ${err instanceof Error ? err.message : String(err)}`);
        await ari.channels.hangup(channelId).catch(() => undefined);
      });
  };

  async function enter(channelId: string, call: CallState, nodeId: string | null): Promise<void> {
    if (call.timer) clearTimeout(call.timer);
    call.timer = null;
    call.node = nodeId;
    const node = nodeId === null ? undefined : tree.nodes.get(nodeId);
    if (!node || node.kind === "hangup") {
      call.ended = true;
      await ari.channels.hangup(channelId).catch(() => undefined);
      return;
    }
    call.playbackId = randomUUID();
    call.playing = true;
    await ari.channels.play(channelId, uris(node.prompt), { playbackId: call.playbackId });
  }

  ari.events.on("StasisStart", (event) => {
    const id = event.channel.id;
    calls.set(id, { node: null, playbackId: null, playing: false, timer: null, chain: Promise.resolve(), ended: false });
    step(id, async (call) => {
      await ari.channels.answer(id);
      await enter(id, call, tree.entry);
    });
  });

  ari.events.on("PlaybackFinished", (event) => {
    const channelId = event.playback.target_uri.replace(/^channel:/, "");
    step(channelId, async (call) => {
      if (event.playback.id !== call.playbackId) return;
      call.playing = false;
      const node = call.node === null ? undefined : tree.nodes.get(call.node);
      if (node?.kind === "play") await enter(channelId, call, node.next);
      else if (node?.kind === "menu") {
        call.timer = setTimeout(() => step(channelId, (c) => enter(channelId, c, node.onTimeout)), node.timeoutMs);
      }
    });
  });

  ari.events.on("ChannelDtmfReceived", (event) => {
    const channelId = event.channel.id;
    step(channelId, async (call) => {
      const node = call.node === null ? undefined : tree.nodes.get(call.node);
      if (node?.kind !== "menu") return;
      const next = node.options.has(event.digit) ? (node.options.get(event.digit) ?? null) : node.onInvalid;
      // Barge-in: Asterisk queues a new playback behind the current one, so stop it first.
      if (call.playing && call.playbackId) {
        call.playing = false;
        await ari.playbacks.stop(call.playbackId).catch(() => undefined);
      }
      await enter(channelId, call, next);
    });
  });

  const forget = (channelId: string) => {
    const call = calls.get(channelId);
    if (!call) return;
    call.ended = true;
    if (call.timer) clearTimeout(call.timer);
    calls.delete(channelId);
  };
  ari.events.on("StasisEnd", (event) => forget(event.channel.id));
  ari.events.on("ChannelDestroyed", (event) => forget(event.channel.id));

  await ari.events.connect();
  return {
    ari,
    async stop() {
      for (const id of [...calls.keys()]) forget(id);
      await ari.events.close();
    },
  };
}

const envSchema = z.object({
  ARI_URL: z.url(),
  ARI_USERNAME: z.string().default("asterisk"),
  ARI_PASSWORD: z.string().default("asterisk"),
  ARI_APP: z.string().default("direct-ivr"),
  FLOW_FILE: z.string().min(1),
  TTS_CACHE_DIR: z.string().min(1),
});

async function main(): Promise<void> {
  const env = envSchema.parse(process.env);
  const tree = loadIvrTree(JSON.parse(await readFile(env.FLOW_FILE, "utf8")));
  const server = await createMediaServer({ cacheDir: env.TTS_CACHE_DIR, host: "127.0.0.1", port: 0 });
  const tts = createTtsService({ engine: createEspeakEngine(), cacheDir: env.TTS_CACHE_DIR, publicBaseUrl: server.url });
  const texts = new Set([...tree.nodes.values()].flatMap((n) => (n.kind === "hangup" ? [] : n.prompt)));
  const media = new Map<string, string>();
  for (const text of texts) media.set(text, `sound:${await tts.urlFor(text, tree.language)}`);
  const ivr = await startDirectAriIvr({
    ari: { url: env.ARI_URL, username: env.ARI_USERNAME, password: env.ARI_PASSWORD, app: env.ARI_APP },
    tree,
    media,
  });
  console.log(`[direct-ivr] ready: app ${env.ARI_APP} on ${env.ARI_URL}, ${media.size} prompts`);
  const shutdown = () => void Promise.allSettled([ivr.stop(), server.close()]).then(() => process.exit(0));
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error("[direct-ivr] fatal:", err);
    process.exit(1);
  });
}
