const JSON_MEDIA_TYPE = /^(application\/([\w.-]+\+)?json|text\/json)$/;

export function isJsonMediaType(contentType: string): boolean {
  return JSON_MEDIA_TYPE.test((contentType.split(";")[0] ?? "").trim().toLowerCase());
}

/**
 * Whether the request body is JSON: its Content-Type says so, or, without one, the body as written
 * in the flow (placeholders still in place) parses as a JSON object or array.
 */
export function requestBodyIsJson(headers: Record<string, string>, body: string | null): boolean {
  if (body === null) return false;
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];
  if (contentType !== undefined) return isJsonMediaType(contentType);
  const t = body.trim();
  if (!(t.startsWith("{") || t.startsWith("["))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}
