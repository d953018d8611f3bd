"use client";

import { useEffect } from "react";
import { useEditorStoreApi } from "../store/editor-context";
import { useDesignerUiApi } from "../store/designer-ui-context";
import { createValidationRunner } from "./validation-runner";

const DEBOUNCE_MS = 250;

/** Re-validates shortly after each content change (moving nodes does not count), off the main thread. */
export function useLiveValidation(): void {
  const editor = useEditorStoreApi();
  const ui = useDesignerUiApi();
  useEffect(() => {
    const runner = createValidationRunner((validation) => ui.getState().setValidation(validation));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        runner.validate(editor.getState().actions.graph());
      }, DEBOUNCE_MS);
    };
    runner.validate(editor.getState().actions.graph());
    const unsubscribe = editor.subscribe((state, previous) => {
      if (state.contentVersion !== previous.contentVersion) schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      runner.dispose();
    };
  }, [editor, ui]);
}
