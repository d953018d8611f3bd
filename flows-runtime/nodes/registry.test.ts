import { describe, expect, it } from "vitest";
import { getNodeDefinition, nodeDefinitions } from "./registry.definitions";
import { getCompilableNode, nodeCompilers } from "./registry.compiler";
import { nodeExecutors } from "./registry.workflow";

const TYPES = ["start", "play", "menu", "collect", "branch", "set-variables", "business-hours", "http-request", "lookup-customer", "transfer", "record", "language-select", "subflow", "hangup", "routing-start", "queue", "widen", "voicemail", "campaign-start", "opt-out", "set-outcome"];

describe("node registries", () => {
  it("list the same node types, once each", () => {
    const types = nodeDefinitions.map((definition) => definition.type);
    expect(types).toEqual(TYPES);
    expect([...nodeCompilers.keys()]).toEqual(TYPES);
    expect(Object.keys(nodeExecutors).sort()).toEqual([...TYPES].sort());
    for (const type of TYPES) {
      expect(getNodeDefinition(type)?.type).toBe(type);
      expect(getCompilableNode(type)?.definition).toBe(getNodeDefinition(type));
    }
    expect(getNodeDefinition("nope")).toBeUndefined();
    expect(getNodeDefinition("constructor")).toBeUndefined();
    expect(Object.hasOwn(nodeExecutors, "toString")).toBe(false);
  });

  it("describe every type for the palette in English and Chinese", () => {
    for (const definition of nodeDefinitions) {
      expect(definition.label.en.length, definition.type).toBeGreaterThan(2);
      expect(definition.label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(definition.description.en.length).toBeGreaterThan(10);
      expect(definition.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(definition.icon).toMatch(/^[a-z-]+$/);
      expect(definition.kinds.length, definition.type).toBeGreaterThan(0);
      for (const [field, hint] of Object.entries(definition.formHints ?? {})) {
        expect(hint.label?.zh ?? "", `${definition.type}.${field}`).toMatch(/[\u4e00-\u9fffA-Z]/);
      }
    }
    expect(nodeDefinitions.filter((definition) => definition.entry === true).map((definition) => definition.type)).toEqual(["start", "routing-start", "campaign-start"]);
    // One entry node per flow kind: a new flow's draft starts with it.
    expect(nodeDefinitions.filter((definition) => definition.entry === true && definition.kinds.includes("ivr")).map((d) => d.type)).toEqual(["start"]);
    expect(nodeDefinitions.filter((definition) => definition.entry === true && definition.kinds.includes("routing")).map((d) => d.type)).toEqual(["routing-start"]);
    expect(nodeDefinitions.filter((definition) => definition.entry === true && definition.kinds.includes("campaign")).map((d) => d.type)).toEqual(["campaign-start"]);
  });

  it("give palette defaults the schema accepts, apart from content the admin must type", () => {
    for (const definition of nodeDefinitions) {
      const parsed = definition.schema.safeParse(definition.defaults());
      const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.code);
      expect(problems.every((code) => code === "too_small" || code === "custom"), definition.type).toBe(true);
    }
  });
});
