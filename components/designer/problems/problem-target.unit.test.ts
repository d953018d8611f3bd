import { describe, expect, it } from "vitest";
import { problemTarget } from "./problem-target";

const nodes = new Set(["start", "menu", "bye"]);
const edges = [
  { id: "e1", source: "start", target: "menu" },
  { id: "e2", source: "ghost", target: "bye" },
  { id: "e3", source: "ghost", target: "gone" },
];
const issue = (init: { nodeId?: string | null; edgeId?: string | null; path?: (string | number)[] }) => ({ nodeId: null, edgeId: null, path: [], ...init });

describe("problemTarget", () => {
  it("leads to the node of a node problem, with its setting", () => {
    expect(problemTarget(issue({ nodeId: "menu", path: ["options", 0, "key"] }), nodes, edges)).toEqual({ nodeId: "menu", path: ["options", 0, "key"] });
  });

  it("leads a missing required port to the node that owns the port", () => {
    expect(problemTarget(issue({ nodeId: "menu" }), nodes, edges)).toEqual({ nodeId: "menu", path: [] });
  });

  it("leads a connection problem to the connection's source node", () => {
    expect(problemTarget(issue({ edgeId: "e1" }), nodes, edges)).toEqual({ nodeId: "start", path: [] });
  });

  it("prefers the node over the connection when both are named", () => {
    expect(problemTarget(issue({ nodeId: "bye", edgeId: "e1" }), nodes, edges)).toEqual({ nodeId: "bye", path: [] });
  });

  it("falls back to the target when the source node is gone", () => {
    expect(problemTarget(issue({ edgeId: "e2" }), nodes, edges)).toEqual({ nodeId: "bye", path: [] });
  });

  it("finds an unnamed connection by its position in the graph", () => {
    expect(problemTarget(issue({ path: ["edges", 0, "sourcePort"] }), nodes, edges)).toEqual({ nodeId: "start", path: [] });
  });

  it("is null for problems with nothing on the canvas", () => {
    expect(problemTarget(issue({}), nodes, edges)).toBeNull();
    expect(problemTarget(issue({ edgeId: "e3" }), nodes, edges)).toBeNull();
    expect(problemTarget(issue({ edgeId: "missing" }), nodes, edges)).toBeNull();
    expect(problemTarget(issue({ nodeId: "deleted" }), nodes, edges)).toBeNull();
  });
});
