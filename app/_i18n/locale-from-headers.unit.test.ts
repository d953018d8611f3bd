import { describe, expect, it } from "vitest";
import { acceptLanguage } from "./accept-language";
import { localeFromHeaders } from "./locale-from-headers";

describe("the UI language of a request", () => {
  it("follows Accept-Language on a first visit", () => {
    expect(localeFromHeaders(new Headers({ "accept-language": "en-US,en;q=0.9,zh-CN;q=0.8" }))).toBe("en");
    expect(localeFromHeaders(new Headers({ "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" }))).toBe("zh-CN");
    expect(localeFromHeaders(new Headers({ "accept-language": "fr-FR,fr;q=0.9" }))).toBe("zh-CN");
    expect(localeFromHeaders(new Headers())).toBe("zh-CN");
  });

  it("puts the switcher's cookie and the user's preference before the browser's header", () => {
    expect(localeFromHeaders(new Headers({ "accept-language": "en", cookie: "NEXT_LOCALE=zh-CN" }))).toBe("zh-CN");
    expect(localeFromHeaders(new Headers({ "accept-language": "en" }), "zh-CN")).toBe("zh-CN");
    expect(localeFromHeaders(new Headers({ "accept-language": "zh-CN" }), "en")).toBe("en");
  });

  it("ranks by q-value, then order, and skips languages it has no catalogue for", () => {
    expect(acceptLanguage("fr, en;q=0.5, zh-TW;q=0.7")).toBe("zh-CN");
    expect(acceptLanguage("de;q=1, en-GB;q=0.3")).toBe("en");
    expect(acceptLanguage("zh;q=0, en;q=0.1")).toBe("en");
    expect(acceptLanguage("*")).toBeUndefined();
    expect(acceptLanguage("")).toBeUndefined();
    expect(acceptLanguage(null)).toBeUndefined();
  });
});
