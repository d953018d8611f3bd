"use client";

import { useEffect, useState } from "react";
import { apiRequest } from "@/components/api-request";
import { runResponseSchema, type CaseRun } from "./test-case-schemas";

const POLL_MS = 1000;

/** Follows a run until it is decided (the server decides it once its call has ended). */
export function useCaseRun(flowId: string, initial: CaseRun | null): CaseRun | null {
  const [run, setRun] = useState<CaseRun | null>(initial);
  useEffect(() => setRun(initial), [initial]);
  const runId = run?.status === "running" ? run.id : null;
  useEffect(() => {
    if (runId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      const result = await apiRequest(`/api/flows/${encodeURIComponent(flowId)}/test-cases/runs/${encodeURIComponent(runId)}`);
      if (stopped) return;
      const parsed = result.ok ? runResponseSchema.safeParse(result.data) : null;
      if (parsed?.success) {
        setRun(parsed.data.run);
        if (parsed.data.run.status !== "running") return;
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    };
  }, [flowId, runId]);
  return run;
}
