import { z } from "zod";

export const apiErrorSchema = z.looseObject({ code: z.string(), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult = { ok: true; status: number; data: unknown } | { ok: false; status: number; error: ApiError };

const errorBodySchema = z.object({ error: apiErrorSchema });

/** Calls one of our route handlers; every failure (HTTP or network) comes back as `{ ok: false, error }`. */
export async function apiRequest(url: string, init: { method?: string; body?: unknown; rawBody?: string } = {}): Promise<ApiResult> {
  const hasBody = init.body !== undefined || init.rawBody !== undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: hasBody ? { "content-type": "application/json" } : undefined,
      body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      cache: "no-store",
    });
  } catch (error) {
    return { ok: false, status: 0, error: { code: "network_error", message: error instanceof Error ? error.message : String(error) } };
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data };
  const parsed = errorBodySchema.safeParse(data);
  return {
    ok: false,
    status: response.status,
    error: parsed.success ? parsed.data.error : { code: `http_${response.status}`, message: response.statusText },
  };
}
