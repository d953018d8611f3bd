import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./load-messages";
import { locales } from "./locales";

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: unknown, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof catalog !== "object" || catalog === null) return entries;
  for (const [key, value] of Object.entries(catalog)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(name, value);
    else for (const [inner, text] of flatten(value, name)) entries.set(inner, text);
  }
  return entries;
}

/** ICU argument names ({name}, {count, plural, …}); quoted literals and nested text are ignored. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((match) => match[1] ?? ""))].sort();
}

const catalogs = Object.fromEntries(locales.map((locale) => [locale, flatten(loadMessages(locale))]));
const english = catalogs.en ?? new Map<string, string>();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !name.includes(".test.") ? [file] : [];
  });
}

describe("message catalogs", () => {
  it("has every key in every language, with the same placeholders and no empty text", () => {
    expect(english.size).toBeGreaterThan(100);
    for (const locale of locales) {
      const catalog = catalogs[locale] ?? new Map<string, string>();
      expect([...catalog.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [key, text] of catalog) {
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(argumentsOf(text), `${locale} ${key}`).toEqual(argumentsOf(english.get(key) ?? ""));
      }
    }
  });

  it("translates every error code the server can send, and only those", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const thrown = new Set<string>(["internal_error", "network_error"]);
    for (const file of sourceFiles(path.join(root, "_server"))) {
      for (const match of readFileSync(file, "utf8").matchAll(/AppError\(\s*\d{3},\s*"([a-z_]+)"/g)) thrown.add(match[1] ?? "");
    }
    expect(thrown.has("draft_conflict")).toBe(true);
    const translated = [...english.keys()].filter((key) => key.startsWith("errors.")).map((key) => key.slice("errors.".length));
    expect(translated.sort()).toEqual([...thrown].sort());
  });
});
