const REDACTED = "[redacted]";

export interface Scrubber {
  text(text: string): string;
  /** Strings anywhere in a parsed JSON value, keys included. */
  value(value: unknown): unknown;
}

/**
 * Removes secret values from anything that leaves the activity (response bodies that echo the
 * request, error texts that quote a URL). Also catches the percent-encoded and JSON-escaped forms
 * a server or library may print.
 */
export function createScrubber(secrets: string[]): Scrubber {
  const needles = [...new Set(secrets.flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]))]
    .filter((s) => s !== "")
    // Longest first, so a secret that contains another is removed whole.
    .sort((a, b) => b.length - a.length);
  const text = (input: string): string => needles.reduce((out, needle) => out.split(needle).join(REDACTED), input);
  const value = (input: unknown): unknown => {
    if (needles.length === 0) return input;
    if (typeof input === "string") return text(input);
    if (Array.isArray(input)) return input.map(value);
    if (typeof input === "object" && input !== null) {
      const out: Record<string, unknown> = {};
      // defineProperty: a "__proto__" key from JSON.parse must stay a plain property.
      for (const [k, v] of Object.entries(input)) {
        Object.defineProperty(out, text(k), { value: value(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return input;
  };
  return { text, value };
}
