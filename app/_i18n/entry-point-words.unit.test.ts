import { describe, expect, it } from "vitest";
import { entryPointInputSchema } from "@/app/_server/flows/entry-point-input";
import { fieldMessage } from "./field-message";
import { loadMessages } from "./load-messages";
import { locales } from "./locales";

/** Phone-system jargon a business admin does not use; it may only appear as a hint. */
const JARGON = /\bDID\b|Stasis|stasis-arg|[Dd]ialplan|拨号方案/;
/** The technical terms themselves, shown only as a tooltip ("technical term: …"). */
const HINT_KEYS = new Set(["entryPoints.terms.did", "entryPoints.terms.stasis-arg"]);
/** A hint appended to a sentence in words: "（技术术语：…）", "(technical term: …)". */
const HINT_SUFFIX = /（技术术语：[^）]*）|\(technical term: [^)]*\)/g;

function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => strings(child, path === "" ? key : `${path}.${key}`));
}

describe("entry points in a business admin's words", () => {
  it.each(locales)("%s: no DID or Stasis outside a technical-term hint", (locale) => {
    const jargon = strings(loadMessages(locale), "")
      .filter(([path]) => !HINT_KEYS.has(path))
      .filter(([, text]) => JARGON.test(text.replace(HINT_SUFFIX, "")));
    expect(jargon).toEqual([]);
  });

  it("names a wrong entry point kind as a phone number or a line name, in both languages", () => {
    const message = entryPointInputSchema.safeParse({ kind: "sip", value: "1" }).error?.issues[0]?.message ?? "";
    const zh = loadMessages("zh-CN").fieldMessages;
    expect(fieldMessage(message, "en", (key) => zh[key])).toBe("must be a phone number or a line name");
    expect(fieldMessage(message, "zh-CN", (key) => zh[key])).toBe("必须是电话号码或线路名称");
  });
});
