import { pick, type Locale } from "./locales";
import { TERMS } from "./terms";

/** A word in the reader's language, or the word itself when it is not a term. */
export const termOf = (word: string, locale: Locale): string => (Object.hasOwn(TERMS, word) ? pick(TERMS[word] ?? { en: word, zh: word }, locale) : word);
const term = termOf;

/** Zod's default English messages (v4) and the validator's own details, as patterns with their Chinese text. */
const patterns: { pattern: RegExp; zh: (match: RegExpMatchArray) => string }[] = [
  { pattern: /^Invalid option: expected one of (.+)$/, zh: (m) => `必须是以下之一：${(m[1] ?? "").replace(/"/g, "").split("|").join("、")}` },
  { pattern: /^Invalid input: expected (\w+), received undefined$/, zh: (m) => `缺少此项（应为${term(m[1] ?? "", "zh-CN")}）` },
  { pattern: /^Invalid input: expected (\w+), received (\w+)$/, zh: (m) => `应为${term(m[1] ?? "", "zh-CN")}，实际为${term(m[2] ?? "", "zh-CN")}` },
  { pattern: /^Invalid input: expected (\w+)$/, zh: (m) => `应为${term(m[1] ?? "", "zh-CN")}` },
  { pattern: /^Too small: expected (?:string|array|set|file) to have >=?(\d+) (?:characters?|items?)$/, zh: (m) => (m[0].includes("item") ? `至少需要 ${m[1]} 项` : `至少需要 ${m[1]} 个字符`) },
  { pattern: /^Too big: expected (?:string|array|set|file) to have <=?(\d+) (?:characters?|items?)$/, zh: (m) => (m[0].includes("item") ? `最多 ${m[1]} 项` : `最多 ${m[1]} 个字符`) },
  { pattern: /^Too small: expected number to be >=?(-?[\d.]+)$/, zh: (m) => `不能小于 ${m[1]}` },
  { pattern: /^Too big: expected number to be <=?(-?[\d.]+)$/, zh: (m) => `不能大于 ${m[1]}` },
  { pattern: /^Unrecognized keys?: (.+)$/, zh: (m) => `无法识别的字段：${(m[1] ?? "").replace(/"/g, "")}` },
  { pattern: /^Invalid string: must match pattern .+$/, zh: () => "格式不正确" },
  { pattern: /^Invalid input$/, zh: () => "无效" },
  { pattern: /^must be at most (\d+) characters$/, zh: (m) => `最多 ${m[1]} 个字符` },
  { pattern: /^expected a list$/, zh: () => "应为列表" },
  { pattern: /^expected text of at most (\d+) characters$/, zh: (m) => `应为不超过 ${m[1]} 个字符的文本` },
  { pattern: /^"__proto__" is not allowed as a key$/, zh: () => "不允许使用 “__proto__” 作为键名" },
];

/**
 * A detail from a schema check (zod's message) in the reader's language. Zod writes its messages in
 * English; they are matched here at the boundary to the UI rather than configuring zod per request.
 * An unknown message (a schema's own custom text) is returned as it is.
 */
export function localizeDetail(detail: string, locale: Locale): string {
  if (locale === "en") return detail;
  for (const { pattern, zh } of patterns) {
    const match = detail.match(pattern);
    if (match !== null) return zh(match);
  }
  return detail;
}
