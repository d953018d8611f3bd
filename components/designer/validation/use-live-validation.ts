"use client";

import { useEffect } from "react";
import { useEditorStoreApi } from "../store/editor-context";
import { useDesignerUiApi } from "../store/designer-ui-context";
import { fetchQueueNames } from "@/components/queues/fetch-queue-names";
import { fetchHttpPolicy } from "./fetch-http-policy";
import type { ValidationContext } from "./validation-messages";
import { createValidationRunner } from "./validation-runner";

const DEBOUNCE_MS = 250;

/** Re-validates shortly after each content change (moving nodes does not count), off the main thread. */
export function useLiveValidation(): void {
  const editor = useEditorStoreApi();
  const ui = useDesignerUiApi();
  useEffect(() => {
    const runner = createValidationRunner((validation) => ui.getState().setValidation(validation));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const context: ValidationContext = {};
    let disposed = false;
    const validateNow = () => runner.validate(editor.getState().actions.graph(), context);
    const schedule = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        validateNow();
      }, DEBOUNCE_MS);
    };
    validateNow();
    // Until the allow-list arrives (or when it cannot be read) HTTP destinations are simply not checked here; the server checks on submit.
    void fetchHttpPolicy().then((policy) => {
      if (disposed || policy === null) return;
      context.httpPolicy = policy;
      validateNow();
    });
    // Likewise queue names: with no queue defined yet any name passes, as on the server.
    void fetchQueueNames().then((queues) => {
      if (disposed || queues === null || queues.length === 0) return;
      context.knownQueues = queues.map((queue) => queue.name);
      validateNow();
    });
    const unsubscribe = editor.subscribe((state, previous) => {
      if (state.contentVersion !== previous.contentVersion) schedule();
    });
    return () => {
      disposed = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      runner.dispose();
    };
  }, [editor, ui]);
}
