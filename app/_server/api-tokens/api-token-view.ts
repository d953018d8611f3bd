import type { Prisma } from "@/prisma/generated/client";
import { z } from "zod";
import { canOnSomeKind, flowActions } from "@/app/_server/auth/permissions";
import type { AppRole } from "@/app/_server/auth/roles";

/** What a token may be scoped to: any action except managing users and tokens, which needs a person. */
export const apiTokenScopes = flowActions.filter((action) => action !== "user.manage" && action !== "apiToken.manage");
export const apiTokenScopeSchema = z.enum(apiTokenScopes);

/** The scopes a user of this role may put on their own token. */
export function scopesForRole(role: AppRole): string[] {
  return apiTokenScopes.filter((scope) => canOnSomeKind(role, scope));
}

export const apiTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  createdById: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, role: true } },
} satisfies Prisma.ApiTokenSelect;

type ApiTokenRow = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  user: { id: string; name: string; role: string };
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function toApiTokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    user: row.user,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
