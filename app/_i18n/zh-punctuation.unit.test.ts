import { describe, expect, it } from "vitest";
import { zhCN as diffMessages } from "@/flows-runtime/diff/messages/zh-CN";
import { zhCNMessages as issueMessages } from "@/flows-runtime/i18n/zh-CN";
import { TERMS } from "@/flows-runtime/i18n/terms";
import { nodeDefinitions } from "@/flows-runtime/nodes/registry.definitions";
import { SUPPORTED_LANGUAGES } from "@/flows-runtime/nodes/shared/languages";
import { loadMessages } from "./load-messages";

/** A parameter stand-in that is at once a word, a list of words and an object whose every field is one too. */
function standIn(): unknown {
  return new Proxy(["«a»", "«b»"], {
    get: (target, name) => (name === Symbol.toPrimitive ? () => "«value»" : typeof name === "string" && !(name in target) ? standIn() : Reflect.get(target, name)),
  });
}

/** Every string leaf with its path (with onlyZh, the Chinese half of localized texts). */
function strings(value: unknown, path: string, onlyZh: boolean): [string, string][] {
  if (typeof value === "string") return onlyZh && !path.endsWith(".zh") ? [] : [[path, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => strings(inner, `${path}.${key}`, onlyZh));
}

/** The diff's messages are functions: each is called with a stand-in for its parameters. */
function diffTexts(): [string, string][] {
  return Object.entries(diffMessages).flatMap(([key, value]) => (typeof value === "function" ? [[`diff.${key}`, String(value(standIn()))]] : strings(value, `diff.${key}`, false)));
}

// ASCII punctuation next to a Chinese character or quote: Chinese text takes the full-width forms (，。：；？！（）).
const halfWidthInChinese = /[\p{Script=Han}“”][,.:;?!()]|[,.:;?!()][\p{Script=Han}“”]/u;

/** Code the user types ({{secret.名称}}) and a quoted punctuation mark (“.”) are not sentence punctuation. */
const withoutCode = (text: string): string => text.replace(/\{\{[^}]*\}\}/g, "{{code}}").replace(/“[^“”\p{Script=Han}]”/gu, "“x”");
const hasHalfWidth = (text: string): boolean => halfWidthInChinese.test(withoutCode(text));

describe("Chinese catalogue messages", () => {
  it("use full-width punctuation", () => {
    const texts = [
      ...strings(loadMessages("zh-CN"), "app", false),
      ...strings(issueMessages, "issues", false),
      ...diffTexts(),
      ...strings(TERMS, "terms", true),
      ...strings(SUPPORTED_LANGUAGES, "languages", true),
      ...strings(nodeDefinitions, "nodes", true),
    ];
    expect(texts.length).toBeGreaterThan(700);
    const offenders = texts.filter(([, text]) => hasHalfWidth(text)).map(([key, text]) => `${key}: ${text}`);
    expect(offenders).toEqual([]);
  });

  it("tells half-width from full-width punctuation", () => {
    for (const text of ["最短(秒)", "新建一个,或导入流程文件。", "{node}:“{field}”", "已发货.", "写成 {{secret.名称}},再保存"]) expect(hasHalfWidth(text), text).toBe(true);
    for (const text of ["最短（秒）", "例如 09:00", "customer.tier", "Ctrl+C 复制", "写成 {{secret.名称}}", "包含“.”和“-”"]) expect(hasHalfWidth(text), text).toBe(false);
  });
});
