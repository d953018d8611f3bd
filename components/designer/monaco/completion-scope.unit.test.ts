import { describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { flowScope } from "./completion-scope";

describe("flowScope", () => {
  it("offers call fields, declared variables and variables written by nodes", () => {
    const graph = graphSchema.parse(fixture);
    const names = flowScope(graph).map((variable) => variable.name);
    expect(names).toContain("call.caller");
    expect(names).toContain("customer_tier");
    const written = graph.nodes.flatMap((node) => (node.type === "collect" && typeof node.data.variable === "string" ? [node.data.variable] : []));
    for (const name of written) expect(names).toContain(name);
    expect(new Set(names).size).toBe(names.length);
  });
});
