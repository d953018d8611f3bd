import { validateGraph } from "@/flows-runtime/compiler/validate";
import { menuSchema } from "@/flows-runtime/nodes/menu/schema";
import { playSchema } from "@/flows-runtime/nodes/play/schema";
import { startSchema } from "@/flows-runtime/nodes/start/schema";

export type IvrNode =
  | { kind: "menu"; prompt: string[]; options: Map<string, string | null>; timeoutMs: number; onTimeout: string | null; onInvalid: string | null }
  | { kind: "play"; prompt: string[]; next: string | null }
  | { kind: "hangup" };

export interface IvrTree {
  entry: string | null;
  language: string;
  nodes: Map<string, IvrNode>;
}

function ttsTexts(media: { kind: string; text?: string }[], nodeId: string): string[] {
  return media.map((item) => {
    if (item.kind !== "tts" || item.text === undefined || item.text.includes("{{")) {
      throw new Error(`node ${nodeId}: the direct IVR plays fixed TTS text only`);
    }
    return item.text;
  });
}

/**
 * The benchmark's IVR read from the same flow file the Temporal run publishes, so both sides play
 * the same prompts and offer the same keys. Supports start, menu (no retries), play and hangup.
 */
export function loadIvrTree(json: unknown): IvrTree {
  const validated = validateGraph(json);
  if (!validated.ok) throw new Error(`invalid flow: ${validated.issues.map((i) => i.message).join("; ")}`);
  const { graph } = validated;
  const target = (source: string, port: string) => graph.edges.find((e) => e.source === source && e.sourcePort === port)?.target ?? null;
  const nodes = new Map<string, IvrNode>();
  let entry: string | null = null;
  let language = "en-US";
  for (const node of graph.nodes) {
    if (node.type === "start") {
      language = startSchema.parse(node.data).defaultLanguage;
      entry = target(node.id, "next");
    } else if (node.type === "menu") {
      const menu = menuSchema.parse(node.data);
      nodes.set(node.id, {
        kind: "menu",
        prompt: ttsTexts(menu.prompt, node.id),
        options: new Map(menu.options.map((o) => [o.key, target(node.id, `option:${o.key}`)])),
        timeoutMs: menu.timeoutSeconds * 1000,
        onTimeout: target(node.id, "timeout"),
        onInvalid: target(node.id, "invalid"),
      });
    } else if (node.type === "play") {
      nodes.set(node.id, { kind: "play", prompt: ttsTexts(playSchema.parse(node.data).media, node.id), next: target(node.id, "next") });
    } else if (node.type === "hangup") {
      nodes.set(node.id, { kind: "hangup" });
    } else {
      throw new Error(`node ${node.id}: type ${node.type} is not supported by the direct IVR`);
    }
  }
  return { entry, language, nodes };
}
