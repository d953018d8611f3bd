import { describe, expect, it } from "vitest";
import { GRAPH_SCHEMA_VERSION } from "../schema";
import { graphMigrations, migrateGraph, type GraphMigration } from "./index";

describe("migrateGraph", () => {
  it("has no steps while version 1 is current and leaves current graphs untouched", () => {
    expect(GRAPH_SCHEMA_VERSION).toBe(1);
    expect(Object.keys(graphMigrations)).toEqual([]);
    const graph = { schemaVersion: 1, kind: "ivr", nodes: [], edges: [] };
    expect(migrateGraph(graph)).toBe(graph);
  });

  it("applies steps in order from the stored version to the target", () => {
    const fake: Record<number, GraphMigration> = {
      1: (graph) => ({ ...graph, renamed: graph.old, old: undefined }),
      2: (graph) => ({ ...graph, steps: ["v2->v3"] }),
    };
    const input = { schemaVersion: 1, old: "x", nodes: [] };
    expect(migrateGraph(input, fake, 3)).toEqual({ schemaVersion: 3, renamed: "x", old: undefined, nodes: [], steps: ["v2->v3"] });
    expect(input).toEqual({ schemaVersion: 1, old: "x", nodes: [] });
    expect(migrateGraph({ schemaVersion: 2, nodes: [] }, fake, 3)).toEqual({ schemaVersion: 3, nodes: [], steps: ["v2->v3"] });
  });

  it("returns what it cannot upgrade unchanged for the validator to report", () => {
    const fake: Record<number, GraphMigration> = { 2: (graph) => graph };
    for (const raw of [null, "text", [1], { schemaVersion: "1" }, { schemaVersion: 9 }, { schemaVersion: 1.5 }]) {
      expect(migrateGraph(raw, fake, 3)).toBe(raw);
    }
    const gap = { schemaVersion: 1 };
    expect(migrateGraph(gap, fake, 3)).toBe(gap);
  });
});
