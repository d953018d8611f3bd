import { isIP } from "node:net";

/** Special-purpose IPv4 ranges (RFC 6890 and friends): nothing a flow should reach without an explicit entry. */
const INTERNAL_V4: [number, number][] = [
  ["0.0.0.0", 8], // "this network", includes the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
].map(([base, bits]) => [v4ToNumber(String(base)), Number(bits)]);

function v4ToNumber(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function v4Internal(address: string): boolean {
  const n = v4ToNumber(address);
  return INTERNAL_V4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail is read as two groups). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail !== undefined) {
    const n = v4ToNumber(tail);
    text = `${text.slice(0, -tail.length)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = rest === undefined || rest === "" ? [] : rest.split(":");
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: rest === undefined ? 0 : missing }, () => "0"), ...right].map((g) => parseInt(g, 16));
}

const groupsToV4 = (high: number, low: number): string => [high >> 8, high & 255, low >> 8, low & 255].join(".");

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::).
 */
function embeddedV4(g: number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0)) return groupsToV4(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return groupsToV4(g6, g7);
  if (g0 === 0x2002) return groupsToV4(g1, g2);
  return null;
}

function v6Internal(address: string): boolean {
  const g = v6Groups(address);
  if (g.length !== 8 || g.some((n) => !Number.isFinite(n))) return true;
  const [g0 = 0, g1 = 0] = g;
  const v4 = embeddedV4(g);
  if (v4 !== null) return v4Internal(v4);
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique local
    (g0 & 0xffc0) === 0xfe80 || // link-local
    (g0 & 0xffc0) === 0xfec0 || // site-local (deprecated)
    (g0 & 0xff00) === 0xff00 || // multicast
    (g0 === 0x2001 && g1 === 0x0db8) || // documentation
    (g0 === 0x2001 && g1 === 0) || // Teredo: tunnels to anywhere
    (g0 === 0x100 && g.slice(1, 4).every((n) => n === 0)) // discard
  );
}

/**
 * Whether an address is loopback, private, link-local, unspecified, multicast or otherwise not a
 * public unicast address, in any notation Node may hand back (IPv4-mapped IPv6 included).
 * Anything that is not an IP address at all counts as internal.
 */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address.replace(/%.*$/, ""));
  if (family === 4) return v4Internal(address);
  if (family === 6) return v6Internal(address);
  return true;
}

/** The same address in one spelling: IPv4-mapped IPv6 becomes IPv4, IPv6 is lower case. */
export function canonicalAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const g = v6Groups(address);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) return groupsToV4(g6, g7);
  return g.map((n) => n.toString(16)).join(":");
}
