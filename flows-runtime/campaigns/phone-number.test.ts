import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contactZone } from "./contact-zone";
import { countryOfPhone, E164_PATTERN, normalizePhone } from "./phone-number";

describe("normalizePhone", () => {
  it.each([
    ["13812345678", "+8613812345678"],
    ["138 1234 5678", "+8613812345678"],
    ["138-1234-5678", "+8613812345678"],
    ["+86 138 1234 5678", "+8613812345678"],
    ["008613812345678", "+8613812345678"],
    ["8613812345678", "+8613812345678"],
    ["010-62345678", "+861062345678"],
    ["(010) 6234 5678", "+861062345678"],
    ["021-62345678", "+862162345678"],
    ["0755-2345678", "+867552345678"],
    ["0755-23456789", "+8675523456789"],
    ["+86 10 62345678", "+861062345678"],
    ["+86 (0)10 62345678", "+861062345678"],
    ["+1 212 555 0100", "+12125550100"],
    ["+49 30 1234567", "+49301234567"],
  ])("%s → %s", (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "not-a-number"],
    ["138x1234", "not-a-number"],
    ["1+3812345678", "not-a-number"],
    ["1381234567", "bad-length"],
    ["12812345678", "bad-length"],
    ["010-123", "bad-length"],
    ["+0123456789", "bad-length"],
    ["+1234567890123456", "bad-length"],
  ])("refuses %j (%s)", (raw, reason) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, reason });
  });

  it("gives the same E.164 for every way a Chinese mobile is written, and that is valid E.164", () => {
    const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`);
    const prefix = fc.constantFrom("", "+86", "0086", "86", "+86 ");
    const separator = fc.constantFrom("", " ", "-");
    fc.assert(
      fc.property(mobile, prefix, separator, (number, before, sep) => {
        const written = `${before}${number.slice(0, 3)}${sep}${number.slice(3, 7)}${sep}${number.slice(7)}`;
        const result = normalizePhone(written);
        expect(result).toEqual({ ok: true, e164: `+86${number}` });
        if (result.ok) expect(E164_PATTERN.test(result.e164)).toBe(true);
      }),
    );
  });
});

describe("a contact's time zone", () => {
  it("comes from the contact, else from the number's country", () => {
    expect(contactZone({ phone: "+8613812345678", timeZone: null })).toEqual({ ok: true, zone: "Asia/Shanghai", country: "CN" });
    expect(contactZone({ phone: "+8613812345678", timeZone: "Europe/Berlin" })).toEqual({ ok: true, zone: "Europe/Berlin", country: "CN" });
    expect(contactZone({ phone: "+12125550100", timeZone: "America/New_York" })).toEqual({ ok: true, zone: "America/New_York", country: "US" });
    expect(contactZone({ phone: "+12125550100", timeZone: null })).toEqual({ ok: false, reason: "unknown-zone" });
    expect(contactZone({ phone: "+8613812345678", timeZone: "Mars/Olympus" })).toEqual({ ok: false, reason: "invalid-zone" });
  });

  it("reads +852 as Hong Kong, not as China's +86", () => {
    expect(countryOfPhone("+85291234567")).toEqual({ country: "HK", zone: "Asia/Hong_Kong" });
  });
});
