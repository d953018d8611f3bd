import { nodeIssues } from "./flows-runtime/testing/node-harness";
const cases: [string, Record<string, unknown>][] = [
  ["start", { defaultLanguage: "fr-FR" }],
  ["play", { media: [] }],
  ["play", { media: [{ kind: "video" }, { kind: "tts", text: "" }, { kind: "sound", name: "../x" }, { kind: "number", value: "'abc'" }, { kind: "tts", text: "Hi {{ a + }}" }, { kind: "tts", text: "Hi {{ nobody }} {{secret.X}}" }], bargeIn: "yes" }],
  ["menu", { prompt: [{ kind: "tts", text: "x" }], options: [{ key: "1" }, { key: "1" }, { key: "A" }], timeoutSeconds: 0, maxRetries: 11, storeAs: "9x" }],
  ["collect", { minLength: 10, maxLength: 5, pattern: "[", variable: "constructor" }],
  ["collect", { pattern: "(\\d+)+" }],
  ["branch", { conditions: [] }],
  ["branch", { conditions: [{ expression: "call.foo == 1" }, { expression: "process.env" }, { expression: "x.constructor" }, { expression: "1 + true" }] }],
  ["set-variables", { assignments: [{ name: "a.__proto__", value: "1" }, { name: "call.caller", value: "1" }, { name: "cust.tier", value: "1" }, { name: "count", value: "'x'" }] }],
  ["business-hours", { timezone: "Mars/Base", weekly: [{ day: 8, open: "9:00", close: "18:00" }, { day: 1, open: "18:00", close: "09:00" }], holidays: [{ date: "2025-02-30" }, { date: "2025-10-01" }], extraOpenDays: [{ date: "2025-10-01", open: "09:00", close: "12:00" }] }],
  ["business-hours", { holidays: [{ date: "2025-10-01" }], extraOpenDays: [{ date: "2025-10-01", open: "09:00", close: "12:00" }] }],
  ["http-request", { method: "FETCH", url: "ftp://x", headers: [{ name: "Authorization", value: "Bearer abc" }, { name: "authorization", value: "x" }, { name: "bad name", value: "" }], responseMapping: [{ variable: "v", path: "a.__proto__" }] }],
  ["http-request", { url: "https://api.x.com/{{card}}", headers: [{ name: "Authorization", value: "Bearer abc" }] }],
  ["transfer", { target: { kind: "queue", queue: "", priority: 11 } }],
  ["transfer", { target: { kind: "sip" } }],
  ["transfer", { target: { kind: "endpoint", endpoint: "foo" } }],
  ["record", { maxDurationSeconds: 0, variable: "" }],
  ["language-select", { language: "fr" }],
  ["subflow", { flowId: "", inputs: [{ name: "a", value: "1" }, { name: "a", value: "2" }] }],
  ["subflow", { flowId: "other" }],
  ["hangup", { anything: 1 }],
];
for (const [type, data] of cases) {
  console.log(`--- ${type} ${JSON.stringify(data).slice(0, 80)}`);
  for (const i of nodeIssues(type, data, { variables: [{ name: "count", type: "number" }] })) console.log(`  ${i.severity} ${i.code} ${JSON.stringify(i.path)} | ${i.message}`);
}
