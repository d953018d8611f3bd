import { GRAPH_SCHEMA_VERSION, type Graph, type GraphEdge, type GraphNode } from "@/flows-runtime/graph/schema";

/**
 * A large, valid IVR for benchmarks: a start node, then `menus` menus in a grid; each menu's key 1
 * leads to the next menu, key 2 to a prompt that hangs up, timeout/invalid to a shared hang-up.
 * With menus = 500 that is 2,002 nodes.
 */
export function generateLargeFlow(menus: number): Graph {
  const nodes: GraphNode[] = [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: { defaultLanguage: "zh-CN" } }];
  const edges: GraphEdge[] = [];
  const columns = 20;
  nodes.push({ id: "bye", type: "hangup", position: { x: -400, y: 0 }, data: {} });
  for (let i = 0; i < menus; i += 1) {
    const x = (i % columns) * 900 + 300;
    const y = Math.floor(i / columns) * 600;
    const menu = `menu_${i}`;
    const play = `play_${i}`;
    const transfer = `transfer_${i}`;
    const hangup = `hangup_${i}`;
    nodes.push({
      id: menu,
      type: "menu",
      label: `Menu ${i}`,
      position: { x, y },
      data: {
        prompt: [{ kind: "tts", text: `Menu ${i}: for the next menu press 1, to hear a message press 2, for an agent press 0. {{call.caller}}` }],
        options: [
          { key: "1", label: "Next" },
          { key: "2", label: "Message" },
          { key: "0", label: "Agent" },
        ],
        timeoutSeconds: 5,
        maxRetries: 2,
        timeoutPrompt: [],
        invalidPrompt: [],
        bargeIn: true,
      },
    });
    nodes.push({ id: play, type: "play", position: { x: x + 320, y: y + 200 }, data: { media: [{ kind: "tts", text: `Message ${i}` }], bargeIn: false } });
    nodes.push({ id: transfer, type: "transfer", position: { x: x + 320, y: y + 350 }, data: { target: { kind: "queue", queue: "agents", priority: 5, skills: [] } } });
    nodes.push({ id: hangup, type: "hangup", position: { x: x + 600, y: y + 200 }, data: {} });
    const next = i + 1 < menus ? `menu_${i + 1}` : "bye";
    edges.push({ id: `e_${i}_1`, source: menu, sourcePort: "option:1", target: next });
    edges.push({ id: `e_${i}_2`, source: menu, sourcePort: "option:2", target: play });
    edges.push({ id: `e_${i}_0`, source: menu, sourcePort: "option:0", target: transfer });
    edges.push({ id: `e_${i}_t`, source: menu, sourcePort: "timeout", target: "bye" });
    edges.push({ id: `e_${i}_i`, source: menu, sourcePort: "invalid", target: "bye" });
    edges.push({ id: `e_${i}_p`, source: play, sourcePort: "next", target: hangup });
    edges.push({ id: `e_${i}_f`, source: transfer, sourcePort: "failed", target: hangup });
  }
  edges.push({ id: "e_start", source: "start", sourcePort: "next", target: "menu_0" });
  return { schemaVersion: GRAPH_SCHEMA_VERSION, kind: "ivr", name: `Benchmark (${nodes.length} nodes)`, variables: [], nodes, edges };
}
