import { httpPolicySchema, type HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { prisma, type PrismaClient } from "@/prisma/client";

/** The allow-list and secret bindings as the validator takes them (no secret values: there are none stored). */
export async function readHttpPolicy(db: PrismaClient = prisma()): Promise<HttpPolicy> {
  const [hosts, bindings] = await Promise.all([
    db.httpAllowedHost.findMany({ orderBy: { destination: "asc" } }),
    db.httpSecretBinding.findMany({ orderBy: { secret: "asc" } }),
  ]);
  return httpPolicySchema.parse({
    allowed: hosts.map((host) => ({ destination: host.destination, allowInternal: host.allowInternal })),
    secrets: bindings.map((binding) => ({ secret: binding.secret, destinations: binding.destinations })),
  });
}
