export interface NodeSpec {
  id: string;
  type: string;
  data?: Record<string, unknown>;
}

/** A small IVR graph for a test: nodes laid out in a row, edges as [source, port, target]. */
export function ivrGraph(spec: {
  name: string;
  variables?: { name: string; type?: string; initial?: unknown }[];
  nodes: NodeSpec[];
  edges: [string, string, string][];
}) {
  return {
    schemaVersion: 1,
    kind: "ivr",
    name: spec.name,
    variables: spec.variables ?? [],
    nodes: spec.nodes.map((node, index) => ({ id: node.id, type: node.type, position: { x: index * 250, y: 0 }, data: node.data ?? {} })),
    edges: spec.edges.map(([source, sourcePort, target]) => ({ id: `${source}:${sourcePort}->${target}`, source, sourcePort, target })),
  };
}

export const tts = (text: string) => ({ kind: "tts", text });
export const sound = (name: string) => ({ kind: "sound", name });

/**
 * Menu loop: 1 adds one to `counter`, 2 reads it out and hangs up (continue-as-new tests, recorded histories).
 * Without options it is the flow the recorded histories were made with; `menu` and `done` replace its prompts.
 */
export function counterLoopFlow(options: { name?: string; menu?: unknown[]; done?: unknown[]; timeoutSeconds?: number } = {}) {
  return ivrGraph({
    name: options.name ?? "counter loop",
    variables: [{ name: "counter", type: "number", initial: 0 }],
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      {
        id: "menu",
        type: "menu",
        data: { prompt: options.menu ?? [tts("Press 1 to count, 2 to finish.")], options: [{ key: "1" }, { key: "2" }], timeoutSeconds: options.timeoutSeconds ?? 10, maxRetries: 0 },
      },
      { id: "count", type: "set-variables", data: { assignments: [{ name: "counter", value: "counter + 1" }] } },
      { id: "done", type: "play", data: { media: options.done ?? [tts("You counted {{counter}}.")] } },
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "menu"],
      ["menu", "option:1", "count"],
      ["count", "next", "menu"],
      ["menu", "option:2", "done"],
      ["menu", "timeout", "bye"],
      ["menu", "invalid", "bye"],
      ["done", "next", "bye"],
    ],
  });
}
