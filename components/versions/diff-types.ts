import type { DiffLabels } from "@/app/_server/versions/diff-labels";
import type { FlowDiff } from "@/app/_server/versions/diff-flow";
import type { ReviewComment } from "@/app/_server/reviews/review-comments";

/** What the diff view receives from its page (plain JSON). */
export interface DiffViewData {
  flowDiff: FlowDiff;
  labels: DiffLabels;
}

export type { ReviewComment };
