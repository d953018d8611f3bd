import { AppError } from "@/app/_server/http/app-error";

export const versionNotFound = (versionId: string) => new AppError(404, "version_not_found", `Version ${versionId} does not exist in this flow.`, { versionId });
export const reviewNotFound = (reviewId: string) => new AppError(404, "review_not_found", `Review ${reviewId} does not exist in this flow.`, { reviewId });
