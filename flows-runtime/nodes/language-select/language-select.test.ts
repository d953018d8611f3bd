import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { SUPPORTED_LANGUAGES } from "../shared/languages";
import { languageSelectDefinition } from "./definition";
import { languageSelectSchema } from "./schema";

describe("language-select node", () => {
  it("offers the supported languages with labels and writes call.language", () => {
    expect(SUPPORTED_LANGUAGES.map((language) => language.code)).toEqual(["zh-CN", "en-US"]);
    expect(SUPPORTED_LANGUAGES[0]?.label.zh).toBe("中文（普通话）");
    expect(languageSelectSchema.safeParse({}).success).toBe(false);
    expect(languageSelectDefinition.defaults()).toEqual({ language: "en-US" });
    expect(languageSelectDefinition.writes({ language: "en-US" })).toEqual([{ name: "call.language", type: "string", path: ["language"] }]);
  });

  it("rejects an unsupported language", () => {
    expect(nodeIssues("language-select", { language: "fr-FR" }).map((issue) => issue.message)).toEqual([
      'Set language "Test node": "Language" must be one of zh-CN, en-US',
    ]);
    expect(nodeIssues("language-select", { language: "zh-CN" })).toEqual([]);
  });

  it("switches the language of later prompts", async () => {
    expect(compileNode("language-select", { language: "zh-CN" }).compiled).toEqual({ language: "zh-CN" });
    const { result, vars } = await executeNode("language-select", { language: "zh-CN" }, { vars: { call: { language: "en-US", caller: "1" } } });
    expect(result).toEqual({ port: "next" });
    expect(vars.get("call")).toEqual({ language: "zh-CN", caller: "1" });
  });
});
