import type { HttpResponse } from "../interpreter/effects";
import type { CannedHttp } from "./pretend-schema";

/** The response an HTTP request node gets from a canned answer: no request is sent. */
export function cannedHttpResponse(canned: CannedHttp): HttpResponse {
  return { ok: true, status: canned.status, body: JSON.parse(JSON.stringify(canned.body)), error: null };
}
