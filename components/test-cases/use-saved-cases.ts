"use client";

import { useCallback, useEffect, useState } from "react";
import { apiRequest } from "@/components/api-request";
import { listResponseSchema, type SavedTestCase } from "./test-case-schemas";

/** The flow's saved test cases, read on mount and again by `reload` after a change. */
export function useSavedCases(flowId: string): { cases: SavedTestCase[]; reload: () => Promise<void> } {
  const [cases, setCases] = useState<SavedTestCase[]>([]);
  const reload = useCallback(async () => {
    const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}/test-cases`);
    const parsed = result.ok ? listResponseSchema.safeParse(result.data) : null;
    if (parsed?.success) setCases(parsed.data.testCases);
  }, [flowId]);
  useEffect(() => void reload(), [reload]);
  return { cases, reload };
}
