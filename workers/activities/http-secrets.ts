import type { HttpRequest } from "@/flows-runtime/interpreter/effects";
import type { SecretStore } from "../secrets/secret-store";

// The form renderTemplate emits; spaces tolerated for hand-written requests.
const PLACEHOLDER = /\{\{\s*secret\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type SecretResolution =
  | { ok: true; request: HttpRequest; values: string[]; urlHasSecrets: boolean }
  | { ok: false; error: string; values: string[] };

/**
 * Replaces {{secret.NAME}} in the URL, header values and body with the store's values, in one pass
 * (a value that itself looks like a placeholder is not expanded again). Only names the request
 * declares in secretRefs are resolved. In a JSON body the value is JSON-escaped, since a secret
 * sits inside a string literal there and a quote in it would break the document. Returns every
 * resolved value so callers can scrub them.
 */
export async function resolveSecrets(request: HttpRequest, store: SecretStore, options: { jsonBody: boolean }): Promise<SecretResolution> {
  const texts = [request.url, ...Object.values(request.headers), request.body ?? ""];
  const used = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(PLACEHOLDER)) if (m[1] !== undefined) used.add(m[1]);
  const declared = new Set(request.secretRefs);
  for (const name of used) {
    if (!declared.has(name)) return { ok: false, error: `secret ${name} is used but not declared in secretRefs`, values: [] };
  }

  const resolved = new Map<string, string>();
  for (const name of [...declared].sort()) {
    let value: string | undefined;
    try {
      value = await store.get(name);
    } catch (err) {
      return { ok: false, error: `secret ${name} could not be read: ${err instanceof Error ? err.message : String(err)}`, values: [...resolved.values()] };
    }
    if (value === undefined) return { ok: false, error: `secret ${name} is not configured`, values: [...resolved.values()] };
    resolved.set(name, value);
  }

  const substitute = (text: string, escape: (value: string) => string = (v) => v) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = resolved.get(name);
      return value === undefined ? whole : escape(value);
    });
  const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = substitute(value);
  const body = request.body === null ? null : substitute(request.body, options.jsonBody ? jsonEscape : undefined);
  return {
    ok: true,
    request: { ...request, url: substitute(request.url), headers, body },
    values: [...resolved.values()],
    urlHasSecrets: [...request.url.matchAll(PLACEHOLDER)].length > 0,
  };
}
