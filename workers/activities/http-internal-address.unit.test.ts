import { describe, expect, it } from "vitest";
import { canonicalAddress, isInternalAddress } from "./http-internal-address";

describe("internal addresses", () => {
  it("knows loopback, private, link-local, unspecified, multicast and embedded IPv4 forms", () => {
    const internal = [
      "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
      "0.0.0.0", "224.0.0.1", "255.255.255.255", "::", "::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::127.0.0.1",
      "64:ff9b::7f00:1", "2002:7f00:1::", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0", "ff02::1", "2001:db8::1", "not-an-ip",
    ];
    for (const address of internal) expect(isInternalAddress(address), address).toBe(true);
    for (const address of ["8.8.8.8", "93.184.216.34", "172.32.0.1", "192.169.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]) {
      expect(isInternalAddress(address), address).toBe(false);
    }
  });

  it("spells IPv4-mapped IPv6 as IPv4", () => {
    expect(canonicalAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(canonicalAddress("::FFFF:7f00:1")).toBe("127.0.0.1");
    expect(canonicalAddress("10.0.0.5")).toBe("10.0.0.5");
  });
});
