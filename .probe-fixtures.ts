import { readFileSync } from "node:fs";
import { compileGraph } from "./flows-runtime/compiler/compile";
import { canonicalJson } from "./flows-runtime/compiler/canonical-json";
const graph = JSON.parse(readFileSync(`flows-runtime/fixtures/bank-ivr.json`, "utf8"));
const r = compileGraph(graph);
if (r.ok) { console.log(JSON.stringify(r.plan.steps.lookup_card, null, 1).slice(0, 1500)); console.log(canonicalJson(r.plan).length); }
const bad = structuredClone(graph);
bad.nodes[2].data.minLength = 30; bad.nodes[2].data.pattern = "(\\d+)+"; bad.nodes[3].data.url = "ftp://x/{{nope}}"; bad.nodes[4].data.conditions[0].expression = "card_status = 1";
bad.nodes[3].data.headers[0].value = "Bearer abc";
bad.edges.pop(); bad.edges.push({ id: "x", source: "welcome", sourcePort: "next", target: "ghost" });
const b = compileGraph(bad);
if (!b.ok) for (const i of b.issues) console.log(i.severity, i.code, i.nodeId, JSON.stringify(i.path), JSON.stringify(i.params), "\n   ", i.message);
