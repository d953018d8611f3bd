import { httpPolicySchema, type HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import type { PrismaClient } from "../../prisma/client";

/**
 * Adds allow-list entries and secret bindings directly, for developer tools and tests (the dev
 * stack, the CLI runner). The web app's admin page goes through app/_server/http-allow-list, which
 * also writes the audit log.
 */
export async function writeHttpPolicy(prisma: PrismaClient, policy: HttpPolicy, actorId = "dev-stack"): Promise<void> {
  const parsed = httpPolicySchema.parse(policy);
  for (const entry of parsed.allowed) {
    await prisma.httpAllowedHost.upsert({
      where: { destination: entry.destination },
      create: { destination: entry.destination, allowInternal: entry.allowInternal, createdById: actorId },
      update: { allowInternal: entry.allowInternal },
    });
  }
  for (const binding of parsed.secrets) {
    await prisma.httpSecretBinding.upsert({
      where: { secret: binding.secret },
      create: { secret: binding.secret, destinations: binding.destinations, updatedById: actorId },
      update: { destinations: binding.destinations, updatedById: actorId },
    });
  }
}
