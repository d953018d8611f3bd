"use client";

import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { apiRequest } from "@/components/api-request";

const reviewSchema = z.object({ id: z.string(), status: z.string(), versionId: z.string(), versionNumber: z.number(), draftRevision: z.number() });
const reviewsSchema = z.object({ reviews: z.array(reviewSchema) });
export type ReviewRef = z.infer<typeof reviewSchema>;

async function latest(flowId: string, status: "pending" | "approved"): Promise<ReviewRef | null> {
  const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}/reviews?status=${status}`);
  const parsed = result.ok ? reviewsSchema.safeParse(result.data) : null;
  if (!parsed?.success) return null;
  return [...parsed.data.reviews].sort((a, b) => b.versionNumber - a.versionNumber)[0] ?? null;
}

/** The flow's candidate version waiting for review, and the approved one ready to publish. */
export function useReviews(flowId: string) {
  const [state, setState] = useState<{ pending: ReviewRef | null; approved: ReviewRef | null }>({ pending: null, approved: null });
  const refresh = useCallback(async () => {
    const [pending, approved] = await Promise.all([latest(flowId, "pending"), latest(flowId, "approved")]);
    setState({ pending, approved });
  }, [flowId]);
  useEffect(() => {
    void refresh();
    // Someone else approves in another tab or on another machine: look again when the person comes back.
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refresh]);
  return { ...state, refresh };
}
