import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideOffers } from "./decide-offers";
import { agentOf, callOf } from "./match-fixtures";
import { speaksLanguage, spokenLanguage } from "./spoken-language";

const primary = fc.constantFrom("zh", "en", "ja", "yue", "de");
const region = fc.constantFrom("CN", "TW", "HK", "US", "GB", "419", "cn");
const script = fc.constantFrom("Hans", "Hant", "Latn");
/** A tag of one language: primary, optionally a script and a region, in any case. */
const tagOf = (language: string) =>
  fc
    .tuple(fc.option(script, { nil: null }), fc.option(region, { nil: null }), fc.boolean())
    .map(([s, r, upper]) => {
      const tag = [language, s, r].filter((part) => part !== null).join("-");
      return upper ? tag.toUpperCase() : tag;
    });

describe("spokenLanguage", () => {
  it("is the primary subtag, or the extlang, case folded", () => {
    expect(spokenLanguage("zh-CN")).toBe("zh");
    expect(spokenLanguage("ZH")).toBe("zh");
    expect(spokenLanguage("zh-Hant-TW")).toBe("zh");
    expect(spokenLanguage("en-419")).toBe("en");
    expect(spokenLanguage("zh-yue-HK")).toBe("yue");
    expect(spokenLanguage("yue")).toBe("yue");
  });

  it("a zh agent serves zh-CN, a zh-CN agent serves zh and zh-TW, an en agent does not serve zh-CN, Cantonese is not Mandarin", () => {
    expect(speaksLanguage(["zh"], "zh-CN")).toBe(true);
    expect(speaksLanguage(["zh-CN"], "zh")).toBe(true);
    expect(speaksLanguage(["zh-CN"], "zh-TW")).toBe(true);
    expect(speaksLanguage(["en"], "zh-CN")).toBe(false);
    expect(speaksLanguage(["en-US", "ja"], "zh-CN")).toBe(false);
    expect(speaksLanguage(["zh"], "zh-yue")).toBe(false);
    expect(speaksLanguage(["yue"], "zh-yue-HK")).toBe(true);
    expect(speaksLanguage([], null)).toBe(true);
    expect(speaksLanguage([], "zh")).toBe(false);
  });

  it("matches two random tags exactly when their languages are the same, whatever the script, region and case", () => {
    fc.assert(
      fc.property(primary.chain((a) => primary.chain((b) => fc.tuple(fc.constant(a), fc.constant(b), tagOf(a), tagOf(b)))), ([a, b, agentTag, callTag]) => {
        expect(speaksLanguage([agentTag], callTag)).toBe(a === b);
      }),
    );
  });
});

describe("language in matching", () => {
  it("offers a zh-CN call (any region, script or case) to the zh agent and never to the en-only agent", () => {
    fc.assert(
      fc.property(tagOf("zh"), tagOf("zh"), fc.boolean(), fc.integer({ min: 0, max: 3 }), (callTag, agentTag, enFirst, enIdle) => {
        const zh = agentOf("zh-agent", { languages: [agentTag], lastCallEndedAt: 10 });
        // The en-only agent would win every other tie: idle longer (or never had a call).
        const en = agentOf("en-agent", { languages: ["en", "en-US"], lastCallEndedAt: enIdle === 0 ? null : enIdle });
        const call = callOf("c", { language: callTag });
        expect(decideOffers([call], enFirst ? [en, zh] : [zh, en])).toEqual([{ callId: "c", agentId: "zh-agent" }]);
        expect(decideOffers([call], [en])).toEqual([]);
      }),
    );
  });

  it("the README's case: a zh-CN call with only an en agent free waits; the zh agent takes it", () => {
    const call = callOf("zh-cn-call", { language: "zh-CN" });
    expect(decideOffers([call], [agentOf("en", { languages: ["en"] })])).toEqual([]);
    expect(decideOffers([call], [agentOf("en", { languages: ["en"] }), agentOf("zh", { languages: ["zh"] })])).toEqual([{ callId: "zh-cn-call", agentId: "zh" }]);
  });
});
