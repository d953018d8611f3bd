import { describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import type { HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { validationRequestSchema, type LiveValidation } from "./validation-messages";
import { createValidationRunner } from "./validation-runner";

const graph = graphSchema.parse({
  schemaVersion: 1,
  kind: "ivr",
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 } },
    { id: "lookup", type: "http-request", position: { x: 0, y: 100 }, data: { url: "http://127.0.0.1:8233/api/v1/namespaces" } },
    { id: "bye", type: "hangup", position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: "e1", source: "start", sourcePort: "next", target: "lookup" },
    { id: "e2", source: "lookup", sourcePort: "success", target: "bye" },
    { id: "e3", source: "lookup", sourcePort: "error", target: "bye" },
  ],
});
const policy: HttpPolicy = { allowed: [{ destination: "crm.example.com", allowInternal: false }], secrets: [] };

describe("live validation with the HTTP allow-list", () => {
  it("shows a host that is not allowed once the policy is known, like the server would on submit", () => {
    const results: LiveValidation[] = [];
    // No Worker in this environment: the runner falls back to the main thread, with the same checks.
    const runner = createValidationRunner((validation) => results.push(validation));
    runner.validate(graph, {});
    runner.validate(graph, { httpPolicy: policy });
    runner.dispose();
    expect(results[0]?.byNode.lookup ?? []).toEqual([]);
    expect(results[1]?.byNode.lookup?.map((issue) => [issue.code, issue.path])).toEqual([["http-host-not-allowed", ["url"]]]);
    expect(results[1]?.publishable).toBe(false);
  });

  it("passes the policy to the worker in its request", () => {
    expect(validationRequestSchema.parse({ id: 1, graph, context: { httpPolicy: policy } }).context.httpPolicy).toEqual(policy);
    expect(validationRequestSchema.safeParse({ id: 1, graph, context: { httpPolicy: { allowed: [{ destination: "http://x/" }] } } }).success).toBe(false);
  });
});

describe("live validation with the queues that exist", () => {
  const transferTo = (queue: string) =>
    graphSchema.parse({
      schemaVersion: 1,
      kind: "ivr",
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 } },
        { id: "to_sales", type: "transfer", position: { x: 0, y: 100 }, data: { target: { kind: "queue", queue } } },
        { id: "bye", type: "hangup", position: { x: 0, y: 200 } },
      ],
      edges: [
        { id: "e1", source: "start", sourcePort: "next", target: "to_sales" },
        { id: "e2", source: "to_sales", sourcePort: "failed", target: "bye" },
      ],
    });

  it("names a queue that does not exist once the queues are known, and lets any name pass before", () => {
    const results: LiveValidation[] = [];
    const runner = createValidationRunner((validation) => results.push(validation));
    runner.validate(transferTo("salse"), {});
    runner.validate(transferTo("salse"), { knownQueues: ["sales", "after-sales"] });
    runner.validate(transferTo("sales"), { knownQueues: ["sales", "after-sales"] });
    runner.dispose();
    expect(results[0]?.byNode.to_sales ?? []).toEqual([]);
    expect(results[1]?.byNode.to_sales?.map((issue) => [issue.code, issue.path, issue.params.queue])).toEqual([["unknown-queue", ["target", "queue"], "salse"]]);
    expect(results[1]?.byNode.to_sales?.[0]?.message).toContain('"salse"');
    expect(results[2]?.byNode.to_sales ?? []).toEqual([]);
  });
});
