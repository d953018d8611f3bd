import { z } from "zod";

/**
 * Where HTTP request nodes may send requests, and where each secret may go. Administrators keep it
 * in PostgreSQL; the validator checks flows against it, and the HTTP activity checks every request
 * (after DNS resolution and after every redirect) against it again.
 *
 * A destination is `host` or `host:port`: a host name (lower case), `*.example.com` for every
 * subdomain of example.com (not example.com itself), or an IPv4 address. Without a port only the
 * scheme's default port (80, 443) is allowed, so an entry never opens a whole host to port scans.
 */
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export interface Destination {
  /** Lower case; for a wildcard, the domain after "*.". */
  host: string;
  wildcard: boolean;
  port: number | null;
}

export const isIpv4Literal = (host: string): boolean => IPV4.test(host);

/** A host name in the form URLs normalise to: labels of letters, digits and -, the last one not all digits. */
function isCanonicalHostName(host: string): boolean {
  const labels = host.split(".");
  const last = labels[labels.length - 1] ?? "";
  return host.length <= 253 && labels.every((label) => HOST_LABEL.test(label)) && !/^\d+$/.test(last);
}

export function parseDestination(text: string): Destination | null {
  const match = /^(\*\.)?([^:]+)(?::(\d{1,5}))?$/.exec(text.trim().toLowerCase());
  if (match === null || match[2] === undefined) return null;
  const host = match[2].replace(/\.$/, "");
  const wildcard = match[1] !== undefined;
  const port = match[3] === undefined ? null : Number(match[3]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  if (isIpv4Literal(host)) return wildcard ? null : { host, wildcard, port };
  if (!isCanonicalHostName(host) || (wildcard && !host.includes("."))) return null;
  return { host, wildcard, port };
}

export const formatDestination = (d: Destination): string => `${d.wildcard ? "*." : ""}${d.host}${d.port === null ? "" : `:${d.port}`}`;

export const destinationSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(260, "must be at most 260 characters")
  .refine((text) => parseDestination(text) !== null, {
    message: "must be a host name, *.domain or an IPv4 address, optionally with :port (e.g. api.example.com, *.example.com, 10.0.0.5:8443)",
  })
  .transform((text) => {
    const parsed = parseDestination(text);
    return parsed === null ? text : formatDestination(parsed);
  });

export const httpAllowEntrySchema = z.object({
  destination: destinationSchema,
  /**
   * The host name may resolve to loopback, private, link-local or other internal addresses (an
   * intranet CRM). An IPv4 entry always allows exactly its own address.
   */
  allowInternal: z.boolean(),
});
export type HttpAllowEntry = z.infer<typeof httpAllowEntrySchema>;

export const secretBindingSchema = z.object({
  secret: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a secret name: letters, digits and _, not starting with a digit"),
  /** Destinations the secret's value may be sent to; each must also be on the allow-list to be reachable. */
  destinations: z.array(destinationSchema).max(50),
});
export type SecretBinding = z.infer<typeof secretBindingSchema>;

export const httpPolicySchema = z.object({
  allowed: z.array(httpAllowEntrySchema).max(1000),
  secrets: z.array(secretBindingSchema).max(1000),
});
export type HttpPolicy = z.infer<typeof httpPolicySchema>;

export const defaultPort = (scheme: "http" | "https"): number => (scheme === "https" ? 443 : 80);

/** Whether `destination` covers the URL's host and port (port null: the scheme's default port). */
export function destinationCovers(destination: string, host: string, port: number, scheme: "http" | "https"): boolean {
  const parsed = parseDestination(destination);
  if (parsed === null) return false;
  const name = host.toLowerCase().replace(/\.$/, "");
  const hostMatches = parsed.wildcard ? name.endsWith(`.${parsed.host}`) : name === parsed.host;
  return hostMatches && (parsed.port ?? defaultPort(scheme)) === port;
}

export function matchingEntries(policy: HttpPolicy, host: string, port: number, scheme: "http" | "https"): HttpAllowEntry[] {
  return policy.allowed.filter((entry) => destinationCovers(entry.destination, host, port, scheme));
}

export function secretMayGoTo(policy: HttpPolicy, secret: string, host: string, port: number, scheme: "http" | "https"): boolean {
  const binding = policy.secrets.find((candidate) => candidate.secret === secret);
  return binding !== undefined && binding.destinations.some((destination) => destinationCovers(destination, host, port, scheme));
}

export interface UrlTarget {
  scheme: "http" | "https";
  host: string;
  port: number;
}

/**
 * Scheme, host and port of a URL template whose start is literal (the node's schema requires it).
 * Null when the host is not in canonical form (2130706433, 0x7f.1, upper case is fine).
 */
export function literalUrlTarget(url: string): UrlTarget | null {
  const match = /^(https?):\/\/([A-Za-z0-9.-]+)(?::(\d{1,5}))?(?=[/?#]|$)/i.exec(url);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  const scheme = match[1].toLowerCase() === "https" ? "https" : "http";
  const host = match[2].toLowerCase().replace(/\.$/, "");
  if (!isIpv4Literal(host) && !isCanonicalHostName(host)) return null;
  const port = match[3] === undefined ? defaultPort(scheme) : Number(match[3]);
  return { scheme, host, port };
}
