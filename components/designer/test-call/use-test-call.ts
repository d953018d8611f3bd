"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import type { Pretend } from "@/flows-runtime/pretend/pretend-schema";
import type { Autosave } from "../autosave/autosave";
import { noHighlight } from "../store/designer-ui-store";
import { useDesignerUiApi } from "../store/designer-ui-context";
import { useEditorStoreApi } from "../store/editor-context";
import { canvasHighlight } from "./canvas-highlight";
import { startedResponseSchema, testCallResponseSchema, type TestCallView } from "./test-call-schema";

const POLL_MS = 500;

export type TestCallState =
  | { phase: "idle" }
  | { phase: "starting" }
  | { phase: "failed"; error: ApiError }
  | { phase: "live"; callId: string; view: TestCallView | null };

/** Places a test call on the current draft, polls its progress and mirrors it on the canvas. */
export function useTestCall(flowId: string, autosave: Autosave) {
  const ui = useDesignerUiApi();
  const editor = useEditorStoreApi();
  const [state, setState] = useState<TestCallState>({ phase: "idle" });
  const base = `/api/flows/${encodeURIComponent(flowId)}/test-calls`;
  const callId = state.phase === "live" ? state.callId : null;
  const ended = state.phase === "live" && state.view?.state === "ended";
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    if (callId === null || ended) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      const result = await apiRequest(`${base}/${encodeURIComponent(callId)}`);
      if (stopped) return;
      const parsed = result.ok ? testCallResponseSchema.safeParse(result.data) : null;
      if (parsed?.success) {
        const view = parsed.data.testCall;
        setState({ phase: "live", callId, view });
        const { nodes, edges } = editor.getState();
        ui.getState().setHighlight(canvasHighlight(view, nodes, edges));
        if (view.state === "ended") return;
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    };
  }, [base, callId, ended, ui, editor]);

  const start = useCallback(async (pretend: Pretend = {}) => {
    setState({ phase: "starting" });
    ui.getState().setHighlight(noHighlight);
    if (!(await autosave.flush())) {
      setState({ phase: "failed", error: autosave.status.getState().error ?? { code: "draft_conflict", message: "The draft is not saved." } });
      return;
    }
    const result = await apiRequest(base, { method: "POST", body: { pretend } });
    const started = result.ok ? startedResponseSchema.safeParse(result.data) : null;
    if (started?.success) setState({ phase: "live", callId: started.data.testCall.callId, view: null });
    else setState({ phase: "failed", error: result.ok ? { code: "internal_error", message: "Unexpected answer from the server." } : result.error });
  }, [autosave, base, ui]);

  const press = useCallback(
    (digits: string) => {
      const current = stateRef.current;
      if (current.phase !== "live") return;
      void apiRequest(`${base}/${encodeURIComponent(current.callId)}/dtmf`, { method: "POST", body: { digits } });
    },
    [base],
  );

  const hangUp = useCallback(() => {
    const current = stateRef.current;
    if (current.phase !== "live") return;
    void apiRequest(`${base}/${encodeURIComponent(current.callId)}`, { method: "DELETE" });
  }, [base]);

  const reset = useCallback(() => {
    setState({ phase: "idle" });
    ui.getState().setHighlight(noHighlight);
  }, [ui]);

  return { state, start, press, hangUp, reset };
}
