import { describe, expect, it } from "vitest";
import { portKey } from "../store/designer-ui-store";
import { canvasHighlight, stepOwners, subflowPrefix } from "./canvas-highlight";
import type { TestCallView } from "./test-call-schema";

const node = (id: string, nodeType: string, config: Record<string, unknown> = {}) => ({ id, data: { nodeType, config } });
const nodes = [node("start", "start"), node("pin", "subflow", { flowId: "flow-pin" }), node("pin2", "subflow", { flowId: "flow-pin" }), node("bye", "hangup")];
const edges = [
  { source: "start", sourceHandle: "next", target: "pin2" },
  { source: "pin2", sourceHandle: "next", target: "bye" },
];

let seq = 0;
const step = (nodeId: string, port: string | null = "next"): TestCallView["steps"][number] => ({
  seq: ++seq,
  nodeId,
  nodeType: "play",
  label: null,
  enteredAt: "2025-01-01T00:00:00.000Z",
  durationMs: 1,
  port,
  input: null,
  varsChanged: {},
  error: null,
});

const view = (steps: TestCallView["steps"], extra: Partial<TestCallView> = {}) => ({
  state: "running" as const,
  activeNodeId: null,
  visitedNodeIds: steps.map((s) => s.nodeId),
  takenPorts: steps.flatMap((s) => (s.port === null ? [] : [{ nodeId: s.nodeId, port: s.port }])),
  steps,
  ...extra,
});

describe("subflow steps on the canvas", () => {
  it("reads the flow of a subflow step", () => {
    expect(subflowPrefix("flow-pin:ask")).toBe("flow-pin");
    expect(subflowPrefix("ask")).toBeNull();
  });

  it("maps a subflow's steps to the subflow node the call went to", () => {
    const steps = [step("start"), step("flow-pin:ask"), step("flow-pin:check")];
    expect(stepOwners(steps, nodes, edges)).toEqual(["start", "pin2", "pin2"]);
  });

  it("maps steps of a nested subflow to the subflow node the call is in", () => {
    const steps = [step("start"), step("flow-pin:ask"), step("flow-otp:send"), step("flow-pin:done", null)];
    expect(stepOwners(steps, nodes, edges)).toEqual(["start", "pin2", "pin2", "pin2"]);
  });

  it("lights up the subflow node while its steps run", () => {
    const highlight = canvasHighlight(view([step("start"), step("flow-pin:ask")]), nodes, edges);
    expect(highlight.activeNodeId).toBe("pin2");
    expect([...highlight.visitedNodeIds].sort()).toEqual(["pin2", "start"]);
    expect([...highlight.takenPorts]).toEqual([portKey("start", "next")]);
  });

  it("keeps the server's active node when it is on the canvas, and none once the call ended", () => {
    const steps = [step("start"), step("flow-pin:ask"), step("pin2")];
    expect(canvasHighlight(view(steps, { activeNodeId: "bye" }), nodes, edges).activeNodeId).toBe("bye");
    const ended = canvasHighlight(view(steps, { state: "ended" }), nodes, edges);
    expect(ended.activeNodeId).toBeNull();
    expect(ended.visitedNodeIds.has("pin2")).toBe(true);
    expect(ended.visitedNodeIds.has("flow-pin:ask")).toBe(false);
  });

  it("falls back to any node running that flow when the path is unknown", () => {
    expect(stepOwners([step("flow-pin:ask")], nodes, [])).toEqual(["pin"]);
    expect(stepOwners([step("flow-unknown:ask")], nodes, [])).toEqual([null]);
  });
});
