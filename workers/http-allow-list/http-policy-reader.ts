import { httpPolicySchema, type HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import type { PrismaClient } from "../../prisma/client";

/** How long a read policy is reused; an administrator's change reaches every worker within this. */
const REFRESH_MS = 2_000;

/**
 * Reads the HTTP allow-list and secret bindings from PostgreSQL for the HTTP activity, at most once
 * per REFRESH_MS. A failed read is not cached: the next request tries again (and until then
 * requests are refused, not sent unchecked).
 */
export function createHttpPolicyReader(prisma: PrismaClient, now: () => number = Date.now): () => Promise<HttpPolicy> {
  let cached: { at: number; policy: HttpPolicy } | null = null;
  return async () => {
    if (cached !== null && now() - cached.at < REFRESH_MS) return cached.policy;
    const [hosts, bindings] = await Promise.all([
      prisma.httpAllowedHost.findMany({ orderBy: { destination: "asc" } }),
      prisma.httpSecretBinding.findMany({ orderBy: { secret: "asc" } }),
    ]);
    const policy = httpPolicySchema.parse({
      allowed: hosts.map((host) => ({ destination: host.destination, allowInternal: host.allowInternal })),
      secrets: bindings.map((binding) => ({ secret: binding.secret, destinations: binding.destinations })),
    });
    cached = { at: now(), policy };
    return policy;
  };
}
