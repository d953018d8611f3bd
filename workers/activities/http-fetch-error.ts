/**
 * What a flow learns when no answer came: the same sentence for a refused connection, a reset, an
 * unreachable network, a name that does not resolve or a timeout, so the error port cannot be used
 * to tell closed ports from open ones or internal names from missing ones.
 */
export function networkFailure(url: URL): string {
  return `no response from ${url.host}`;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value ? Reflect.get(value, key) : undefined;
}

/** The most specific code or message of a network error, for the worker's log. */
export function describeNetworkError(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current !== undefined; depth++) {
    const code = field(current, "code");
    if (typeof code === "string") return code;
    current = field(current, "cause");
  }
  const message = field(err, "message");
  return typeof message === "string" ? message : String(err);
}
