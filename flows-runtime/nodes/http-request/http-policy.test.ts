import { describe, expect, it } from "vitest";
import { destinationCovers, destinationSchema, literalUrlTarget, parseDestination } from "./http-policy";

describe("HTTP destinations", () => {
  it("reads host names, wildcards and IPv4 addresses with optional ports, in normal form", () => {
    expect(parseDestination("API.Example.com.")).toEqual({ host: "api.example.com", wildcard: false, port: null });
    expect(parseDestination("*.example.com:8443")).toEqual({ host: "example.com", wildcard: true, port: 8443 });
    expect(parseDestination("10.0.0.5:8443")).toEqual({ host: "10.0.0.5", wildcard: false, port: 8443 });
    for (const bad of ["", "*.com", "*.10.0.0.5", "2130706433", "0x7f.1", "a b", "http://x", "x:0", "x:70000", "[::1]", "-a.com", "a..b"]) {
      expect(parseDestination(bad), bad).toBeNull();
    }
    expect(destinationSchema.parse(" CRM.example.com ")).toBe("crm.example.com");
    expect(destinationSchema.safeParse("127.0.0.1:8233:1").success).toBe(false);
  });

  it("covers only the named host (or subdomains for a wildcard) on the named or default port", () => {
    expect(destinationCovers("crm.example.com", "crm.example.com", 443, "https")).toBe(true);
    expect(destinationCovers("crm.example.com", "crm.example.com", 80, "http")).toBe(true);
    expect(destinationCovers("crm.example.com", "crm.example.com", 8443, "https")).toBe(false);
    expect(destinationCovers("crm.example.com", "crm.example.com.evil.net", 443, "https")).toBe(false);
    expect(destinationCovers("*.example.com", "a.example.com", 443, "https")).toBe(true);
    expect(destinationCovers("*.example.com", "example.com", 443, "https")).toBe(false);
    expect(destinationCovers("*.example.com", "badexample.com", 443, "https")).toBe(false);
    expect(destinationCovers("10.0.0.5:8443", "10.0.0.5", 8443, "https")).toBe(true);
  });

  it("reads the literal target of a URL template", () => {
    expect(literalUrlTarget("https://Crm.Example.com/v1/{{x}}")).toEqual({ scheme: "https", host: "crm.example.com", port: 443 });
    expect(literalUrlTarget("http://127.0.0.1:8088?x")).toEqual({ scheme: "http", host: "127.0.0.1", port: 8088 });
    expect(literalUrlTarget("http://2130706433/")).toBeNull();
    expect(literalUrlTarget("https://{{secret.X}}/")).toBeNull();
  });
});
