import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { defaultPort, matchingEntries, parseDestination, type HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { canonicalAddress, isInternalAddress } from "./http-internal-address";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Host name → every address it resolves to. Injected in tests (a name that resolves to loopback). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));

/** host (name or address) and port of a service of this product: Temporal, ARI, PostgreSQL, the TTS media server. */
export interface OwnService {
  host: string;
  port: number;
}

export interface DestinationRules {
  policy: HttpPolicy;
  resolve: Resolver;
  ownServices: readonly OwnService[];
}

export type CheckedDestination =
  | { ok: true; address: ResolvedAddress }
  /** network: the name did not resolve; reported like any other network failure. */
  | { ok: false; error: string; network: boolean };

const refuse = (error: string): CheckedDestination => ({ ok: false, error, network: false });

/**
 * Decides whether a request may go to `url` and to which address: the host (and port) must be on
 * the allow-list, every address the name resolves to must be public unless the matching entry
 * allows internal addresses (or names the IP itself), and this product's own services need an
 * entry naming exactly their host and port. The caller connects to the returned address, so a
 * second DNS answer (rebinding) can never slip in between the check and the connection.
 */
export async function checkDestination(url: URL, rules: DestinationRules): Promise<CheckedDestination> {
  const scheme = url.protocol === "https:" ? "https" : "http";
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = url.port === "" ? defaultPort(scheme) : Number(url.port);
  const where = url.host;
  const entries = matchingEntries(rules.policy, hostname, port, scheme);
  if (entries.length === 0) return refuse(`${where} is not on the HTTP allow-list`);
  const literal = isIP(hostname);
  let addresses: ResolvedAddress[];
  if (literal !== 0) addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await rules.resolve(hostname);
    } catch {
      return { ok: false, error: "", network: true };
    }
  }
  if (addresses.length === 0) return { ok: false, error: "", network: true };
  const internalAllowed = literal !== 0 || entries.some((entry) => entry.allowInternal);
  const exact = entries.some((entry) => {
    const parsed = parseDestination(entry.destination);
    return parsed !== null && !parsed.wildcard && parsed.port !== null;
  });
  const checked = addresses.map((entry): ResolvedAddress => {
    const address = canonicalAddress(entry.address);
    return { address, family: isIP(address) === 6 ? 6 : 4 };
  });
  for (const { address } of checked) {
    if (isInternalAddress(address) && !internalAllowed) {
      return refuse(`${where} resolves to an internal address, which needs an allow-list entry marked as internal`);
    }
    const own = rules.ownServices.some((service) => service.port === port && [hostname, address].includes(service.host.toLowerCase()));
    if (own && !exact) return refuse(`${where} is a service of this product; only an allow-list entry naming exactly this host and port may reach it`);
  }
  const first = checked[0];
  return first === undefined ? { ok: false, error: "", network: true } : { ok: true, address: first };
}
