import { describe, expect, it } from "vitest";
import { validateGraph } from "../../compiler/validate";
import { compileNode, executeNode } from "../../testing/node-harness";
import { startDefinition } from "./definition";
import { startSchema } from "./schema";

describe("start node", () => {
  it("defaults to Chinese and exposes the call's system variables", () => {
    expect(startSchema.parse({})).toEqual({ defaultLanguage: "zh-CN" });
    expect(startDefinition.defaults()).toEqual({ defaultLanguage: "zh-CN" });
    expect(startDefinition.entry).toBe(true);
    expect(startDefinition.writes({ defaultLanguage: "zh-CN" }).map((write) => [write.name, write.type])).toEqual([
      ["call.caller", "string"],
      ["call.dialed", "string"],
      ["call.id", "string"],
      ["call.language", "string"],
      ["call.startedAt", "string"],
    ]);
    expect(startDefinition.ports({ defaultLanguage: "zh-CN" })).toEqual([{ id: "next", label: { en: "next", zh: "下一步" }, required: true }]);
  });

  it("rejects an unsupported language with a readable message", () => {
    const result = validateGraph({
      schemaVersion: 1,
      kind: "ivr",
      nodes: [
        { id: "s", type: "start", label: "Entry", position: { x: 0, y: 0 }, data: { defaultLanguage: "fr-FR" } },
        { id: "h", type: "hangup", position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [{ id: "e", source: "s", sourcePort: "next", target: "h" }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual([
        expect.objectContaining({
          code: "setting-invalid-choice",
          nodeId: "s",
          path: ["defaultLanguage"],
          message: 'Start "Entry": "Default language" must be one of zh-CN, en-US',
        }),
      ]);
    }
  });

  it("compiles to its language", () => {
    expect(compileNode("start", { defaultLanguage: "en-US" }).compiled).toEqual({ defaultLanguage: "en-US" });
  });

  it("sets call.language only when the line did not", async () => {
    const unset = await executeNode("start", {}, { vars: { call: { caller: "1", language: "" } } });
    expect(unset.result).toEqual({ port: "next" });
    expect(unset.vars.get("call.language")).toBe("zh-CN");
    expect(unset.vars.get("call.caller")).toBe("1");
    const set = await executeNode("start", {}, { vars: { call: { language: "en-US" } } });
    expect(set.vars.get("call.language")).toBe("en-US");
    expect(set.effects.calls).toEqual([]);
  });
});
