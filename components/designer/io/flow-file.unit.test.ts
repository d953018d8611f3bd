import { describe, expect, it } from "vitest";
import { graphSchema } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import { readFlowFile, toFlowFile } from "./flow-file";

describe("flow files", () => {
  it("round-trips the canvas graph through an exported file", () => {
    const graph = graphSchema.parse(fixture);
    const text = JSON.stringify(toFlowFile(graph, "After-sales"));
    expect(readFlowFile(text, "ivr")).toEqual({ ok: true, graph });
  });

  it("refuses what is not a flow of this kind", () => {
    expect(readFlowFile("{", "ivr")).toEqual({ ok: false, reason: "not-json" });
    expect(readFlowFile('{"hello":1}', "ivr")).toEqual({ ok: false, reason: "not-a-flow" });
    const graph = graphSchema.parse({ ...fixture, kind: "routing" });
    expect(readFlowFile(JSON.stringify(graph), "ivr")).toEqual({ ok: false, reason: "wrong-kind" });
  });
});
