/** Node's network error codes, in words a flow designer understands. */
const CODES: Record<string, string> = {
  ENOTFOUND: "could not resolve host",
  EAI_AGAIN: "could not resolve host (DNS temporarily unavailable)",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  EPIPE: "connection closed by the server",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_HEADERS_OVERFLOW: "response headers too large",
  CERT_HAS_EXPIRED: "TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "TLS certificate chain contains a self-signed certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate could not be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host name",
};

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value ? Reflect.get(value, key) : undefined;
}

export function isTimeout(err: unknown): boolean {
  const name = field(err, "name");
  return name === "TimeoutError" || (name === "AbortError" && field(field(err, "cause"), "name") === "TimeoutError");
}

/**
 * fetch rejects with TypeError("fetch failed") and hides the reason in `cause` (sometimes nested);
 * `where` names the target ("api.example.com:443") or says nothing when it came from a secret.
 */
export function describeFetchError(err: unknown, where: string): string {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current !== undefined; depth++) {
    const code = field(current, "code");
    if (typeof code === "string" && CODES[code]) return `${CODES[code]}${where ? ` (${where})` : ""}`;
    current = field(current, "cause");
  }
  const cause = field(err, "cause");
  const message = field(cause, "message") ?? field(err, "message");
  return `request failed${where ? ` (${where})` : ""}: ${typeof message === "string" ? message : String(err)}`;
}
