const REDACTED = "[redacted]";
/** Shorter fragments of an encoded form would redact ordinary text by chance. */
const MIN_FRAGMENT = 6;

export interface Scrubber {
  text(text: string): string;
  /** Strings anywhere in a parsed JSON value, keys included. */
  value(value: unknown): unknown;
}

/**
 * Base64 of the secret at each of the three byte alignments it can have inside a longer encoded
 * text ("Basic " + base64("user:" + secret)), keeping only the characters that depend on the
 * secret alone; plus the URL-safe alphabet.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const skip = offset === 0 ? 0 : offset === 1 ? 2 : 3;
    const stable = Math.floor(((offset + bytes.length) * 8) / 6);
    const fragment = encoded.slice(skip, stable);
    if (fragment.length >= MIN_FRAGMENT) forms.push(fragment, fragment.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}

/** Every spelling of a secret a server may echo back: as is, URL- and JSON-escaped, reversed, base64, hex. */
function formsOf(secret: string): string[] {
  const reversed = [...secret].reverse().join("");
  const hex = Buffer.from(secret, "utf8").toString("hex");
  return [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    reversed,
    encodeURIComponent(reversed),
    ...base64Forms(secret),
    hex,
    hex.toUpperCase(),
  ];
}

/**
 * Removes secret values from anything that leaves the activity (response bodies that echo the
 * request, error texts that quote a URL). A safety net only: a request that carried secrets hands
 * back nothing but the response fields the flow maps (see projectResponse).
 */
export function createScrubber(secrets: string[]): Scrubber {
  const needles = [...new Set(secrets.filter((s) => s !== "").flatMap(formsOf))]
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
