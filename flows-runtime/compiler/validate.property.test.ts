import fc from "fast-check";
import { describe, expect, it } from "vitest";
import afterSales from "../fixtures/after-sales-ivr.json";
import bank from "../fixtures/bank-ivr.json";
import menuRetries from "../fixtures/menu-retries-transfer.json";
import { enMessages, isIssueCode } from "../i18n/en";
import { nodeDefinitions } from "../nodes/registry.definitions";
import { runScripted } from "../testing/run-scripted";
import { canonicalJson } from "./canonical-json";
import { compileGraph } from "./compile";
import type { Issue } from "./issue";
import { validateGraph } from "./validate";

const TYPES = nodeDefinitions.map((definition) => definition.type);
const IDS = Array.from({ length: 8 }, (_, i) => `n${i}`);
const PORTS = ["next", "timeout", "invalid", "option:1", "option:2", "option:#", "condition:0", "condition:1", "else", "success", "error", "failed", "open", "closed"];
const fixtureData = [bank, afterSales, menuRetries].flatMap((fixture) => fixture.nodes.map((node) => ({ type: node.type, data: node.data })));

const dataFor = (type: string) =>
  fc.oneof(
    fc.constant(nodeDefinitions.find((definition) => definition.type === type)?.defaults() ?? {}),
    fc.constantFrom(...fixtureData.filter((entry) => entry.type === type).map((entry) => entry.data), {}),
    fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 3 }), { maxKeys: 4 }),
    fc
      .tuple(fc.constantFrom(...fixtureData.map((entry) => entry.data)), fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 2 }))
      .map(([data, key, value]) => ({ ...data, [key]: value })),
  );

const nodeArbitrary = (id: string) =>
  fc
    .tuple(
      fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...TYPES) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }),
      fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    )
    .chain(([type, label]) => dataFor(type).map((data) => ({ id, type, label, position: { x: 0, y: 0 }, data })));

/** A Start, then up to 7 more nodes with distinct ids (and now and then a duplicate). */
const nodesArbitrary = fc
  .tuple(
    fc.boolean(),
    fc.subarray(IDS.slice(1), { maxLength: 7 }).chain((ids) => fc.tuple(...ids.map((id) => nodeArbitrary(id)))),
    fc.option(nodeArbitrary("n1"), { freq: 8, nil: undefined }),
  )
  .map(([withStart, others, duplicate]) => [
    ...(withStart ? [{ id: "n0", type: "start", label: "Start", position: { x: 0, y: 0 }, data: {} }] : []),
    ...others,
    ...(duplicate === undefined ? [] : [duplicate]),
  ]);

const edgeArbitrary = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  source: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...IDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
  sourcePort: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...PORTS) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) }),
  target: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...IDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
});

const variableArbitrary = fc.record(
  {
    name: fc.oneof(fc.constantFrom("tier", "count", "card_status", "call", "constructor", "x"), fc.string({ maxLength: 8 })),
    type: fc.constantFrom("string", "number", "boolean", "object", "any", "date"),
    initial: fc.anything({ maxDepth: 2 }),
  },
  { requiredKeys: ["name"] },
);

const graphArbitrary = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      schemaVersion: fc.constant(1),
      kind: fc.constant("ivr"),
      variables: fc.array(variableArbitrary, { maxLength: 3 }),
      nodes: nodesArbitrary,
      edges: fc.uniqueArray(edgeArbitrary, { maxLength: 16, selector: (edge) => edge.id }),
    }),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) },
);

function checkIssue(issue: Issue, nodeIds: ReadonlySet<string>): void {
  expect(["error", "warning"]).toContain(issue.severity);
  expect(isIssueCode(issue.code)).toBe(true);
  expect(issue.code).not.toBe("internal-error");
  expect(issue.message.length).toBeGreaterThan(0);
  // Every placeholder of the message has its param (the text itself may quote user input such as "{A}").
  for (const [, name] of enMessages[issue.code].matchAll(/\{([A-Za-z]+)\}/g)) {
    if (name === "node") expect(typeof issue.params.nodeType).toBe("string");
    else if (name !== "field") expect(issue.params, `${issue.code} {${name}}`).toHaveProperty(name ?? "");
  }
  expect(Array.isArray(issue.path) && issue.path.every((segment) => typeof segment === "string" || typeof segment === "number")).toBe(true);
  expect(Object.values(issue.params).every((value) => typeof value === "string" || typeof value === "number")).toBe(true);
  if (issue.nodeId !== null) expect(nodeIds.has(issue.nodeId)).toBe(true);
}

const rawNodeIds = (input: unknown): Set<string> => {
  const ids = new Set<string>();
  if (typeof input === "object" && input !== null && "nodes" in input && Array.isArray(input.nodes)) {
    for (const node of input.nodes) if (typeof node === "object" && node !== null && "id" in node && typeof node.id === "string") ids.add(node.id);
  }
  return ids;
};

function reversed(input: unknown): unknown {
  if (typeof input !== "object" || input === null || !("nodes" in input) || !("edges" in input)) return input;
  const { nodes, edges } = input;
  return { ...input, nodes: Array.isArray(nodes) ? [...nodes].reverse() : nodes, edges: Array.isArray(edges) ? [...edges].reverse() : edges };
}

describe("validateGraph and compileGraph on random graphs", () => {
  it("never throw, and report every problem with a node, a path and a message", () => {
    fc.assert(
      fc.property(graphArbitrary, (input) => {
        const validated = validateGraph(input);
        const issues = validated.ok ? validated.warnings : validated.issues;
        if (!validated.ok) expect(issues.some((issue) => issue.severity === "error")).toBe(true);
        if (validated.ok) expect(issues.every((issue) => issue.severity === "warning")).toBe(true);
        const ids = rawNodeIds(input);
        for (const issue of issues) checkIssue(issue, ids);

        const compiled = compileGraph(input);
        expect(compiled.ok).toBe(validated.ok);
        if (compiled.ok) {
          const again = compileGraph(reversed(input));
          expect(again.ok && canonicalJson(again.plan)).toBe(canonicalJson(compiled.plan));
        }
      }),
      { numRuns: 400 },
    );
    // 400 random graphs take about 4 s on a quiet machine; a loaded one must not fail it on time.
  }, 30_000);
});

/** Small edits of the fixtures: mostly valid graphs, so compiling and running get exercised. */
const fixtureArbitrary = fc.constantFrom(bank, afterSales, menuRetries);
const editedFixture = fc
  .tuple(
    fixtureArbitrary,
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("drop-edge" as const), index: fc.nat() }),
        fc.record({ kind: fc.constant("retarget" as const), index: fc.nat(), target: fc.nat() }),
        fc.record({ kind: fc.constant("set-field" as const), index: fc.nat(), key: fc.string({ maxLength: 10 }), value: fc.anything({ maxDepth: 2 }) }),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([fixture, edits]) => {
    const nodes = fixture.nodes.map((node) => ({ ...node, data: { ...node.data } }));
    let edges = fixture.edges.map((edge) => ({ ...edge }));
    for (const edit of edits) {
      if (edit.kind === "drop-edge") edges = edges.filter((_, index) => index !== edit.index % edges.length);
      const edge = edges[edit.index % Math.max(1, edges.length)];
      const node = nodes[edit.index % nodes.length];
      if (edit.kind === "retarget" && edge !== undefined) edge.target = nodes[edit.target % nodes.length]?.id ?? edge.target;
      if (edit.kind === "set-field" && node !== undefined) node.data = { ...node.data, [edit.key]: edit.value };
    }
    return { ...fixture, nodes, edges };
  });

const scriptArbitrary = fc.record({
  input: fc.array(fc.oneof(fc.constantFrom("1", "2", "0", "9", "#", "4111111111111111#", "20250101#"), fc.constant({ timeout: true as const })), { maxLength: 6 }),
  status: fc.constantFrom(200, 404, 500),
  startAt: fc.constantFrom("2025-01-06T02:00:00Z", "2025-01-05T02:00:00Z", "2025-10-01T02:00:00Z"),
  transferOk: fc.boolean(),
});

describe("edited fixtures", () => {
  it("validate, compile deterministically and run without throwing", async () => {
    await fc.assert(
      fc.asyncProperty(editedFixture, scriptArbitrary, async (input, script) => {
        const validated = validateGraph(input);
        for (const issue of validated.ok ? validated.warnings : validated.issues) checkIssue(issue, rawNodeIds(input));
        const compiled = compileGraph(input);
        expect(compiled.ok).toBe(validated.ok);
        if (!compiled.ok) return;
        const again = compileGraph(reversed(input));
        expect(again.ok && canonicalJson(again.plan)).toBe(canonicalJson(compiled.plan));
        const run = await runScripted(
          compiled.plan,
          {
            input: script.input,
            startAt: script.startAt,
            http: { "*": { status: script.status, body: { data: { card: { status: "active", last4: "1111", balance: 5 }, statusText: "ok", tier: "vip" } } } },
            transfer: { ok: script.transferOk, reason: script.transferOk ? null : "busy" },
          },
          { maxSteps: 200 },
        );
        expect(run.result.status).toBe("ended");
        expect(run.traces.map((trace) => trace.seq)).toEqual(run.traces.map((_, index) => index + 1));
      }),
      { numRuns: 150 },
    );
  });
});
