import { prisma, type PrismaClient } from "@/prisma/client";
import type { AuditEntryView } from "./list-audit";

/** Detail keys that hold a version id, a user id or a review id (alone or as a list). */
export const versionDetailKeys = ["versionId", "baseVersionId", "previousLiveVersionId"] as const;
export const userDetailKeys = ["userId", "authorIds"] as const;
export const reviewDetailKeys = ["reviewId", "superseded"] as const;

export interface AuditNames {
  flows: Record<string, string>;
  /** "Ada Lovelace (ada@example.com)". */
  users: Record<string, string>;
  versions: Record<string, number>;
  /** A review by the number of the version it reviewed. */
  reviews: Record<string, number>;
  apiTokens: Record<string, string>;
}

const idsIn = (value: unknown): string[] => (typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

function detailIds(entries: readonly AuditEntryView[], keys: readonly string[], targetType: string): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.targetType === targetType) ids.add(entry.targetId);
    const details = entry.details;
    if (typeof details !== "object" || details === null || Array.isArray(details)) continue;
    for (const key of keys) for (const id of idsIn(Object.getOwnPropertyDescriptor(details, key)?.value)) ids.add(id);
  }
  return [...ids];
}

/** Names for the ids a page of audit entries mentions: one query per kind, not per entry. */
export async function auditNames(entries: readonly AuditEntryView[], db: PrismaClient = prisma()): Promise<AuditNames> {
  const flowIds = [...new Set([...entries.flatMap((entry) => (entry.flowId === null ? [] : [entry.flowId])), ...detailIds(entries, [], "flow")])];
  const [flows, users, versions, reviews, tokens] = await Promise.all([
    db.flow.findMany({ where: { id: { in: flowIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: [...detailIds(entries, userDetailKeys, "user"), ...entries.flatMap((entry) => (entry.actorId === null ? [] : [entry.actorId]))] } }, select: { id: true, name: true, email: true } }),
    db.flowVersion.findMany({ where: { id: { in: detailIds(entries, versionDetailKeys, "version") } }, select: { id: true, number: true } }),
    db.flowReview.findMany({ where: { id: { in: detailIds(entries, reviewDetailKeys, "review") } }, select: { id: true, version: { select: { number: true } } } }),
    db.apiToken.findMany({ where: { id: { in: detailIds(entries, ["tokenId"], "apiToken") } }, select: { id: true, name: true } }),
  ]);
  return {
    flows: Object.fromEntries(flows.map((flow) => [flow.id, flow.name])),
    users: Object.fromEntries(users.map((user) => [user.id, `${user.name} (${user.email})`])),
    versions: Object.fromEntries(versions.map((version) => [version.id, version.number])),
    reviews: Object.fromEntries(reviews.map((review) => [review.id, review.version.number])),
    apiTokens: Object.fromEntries(tokens.map((token) => [token.id, token.name])),
  };
}
