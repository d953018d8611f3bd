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
    runner.validate(graph);
    runner.validate(graph, policy);
    runner.dispose();
    expect(results[0]?.byNode.lookup ?? []).toEqual([]);
    expect(results[1]?.byNode.lookup?.map((issue) => [issue.code, issue.path])).toEqual([["http-host-not-allowed", ["url"]]]);
    expect(results[1]?.publishable).toBe(false);
  });

  it("passes the policy to the worker in its request", () => {
    expect(validationRequestSchema.parse({ id: 1, graph, httpPolicy: policy }).httpPolicy).toEqual(policy);
    expect(validationRequestSchema.safeParse({ id: 1, graph, httpPolicy: { allowed: [{ destination: "http://x/" }] } }).success).toBe(false);
  });
});
