import type { ReviewStatus } from "@/prisma/generated/enums";

export type VersionStatus = ReviewStatus;

/** A version's place in review: its review's status; versions published by developer tools had none. */
export function versionStatus(review: { status: ReviewStatus } | null): VersionStatus {
  return review?.status ?? "published";
}
