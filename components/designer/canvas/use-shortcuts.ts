"use client";

import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { useEditorStoreApi } from "../store/editor-context";
import { useDesignerUiApi } from "../store/designer-ui-context";
import { isEditableTarget } from "./is-editable-target";
import { readableFitOptions } from "./readable-fit";

export const SHORTCUTS = [
  { keys: "Delete", action: "delete" },
  { keys: "Ctrl+Z", action: "undo" },
  { keys: "Ctrl+Y / Ctrl+Shift+Z", action: "redo" },
  { keys: "Ctrl+C", action: "copy" },
  { keys: "Ctrl+X", action: "cut" },
  { keys: "Ctrl+V", action: "paste" },
  { keys: "Ctrl+A", action: "selectAll" },
  { keys: "F", action: "fit" },
  { keys: "L", action: "layout" },
  { keys: "?", action: "help" },
  { keys: "Shift + drag", action: "boxSelect" },
  { keys: "Ctrl + click", action: "multiSelect" },
] as const;

/**
 * The designer's keyboard shortcuts. Copy and paste use the browser's clipboard events, so they
 * work without clipboard permissions and across tabs and flows.
 */
const canvasWidth = (): number | undefined => document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect().width;

export function useShortcuts(pointer: { current: { x: number; y: number } | null }) {
  const editor = useEditorStoreApi();
  const ui = useDesignerUiApi();
  const { fitView, screenToFlowPosition } = useReactFlow();

  useEffect(() => {
    const actions = () => editor.getState().actions;

    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditableTarget(event.target) || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (mod && key === "z" && !event.shiftKey) actions().undo();
      else if (mod && (key === "y" || (key === "z" && event.shiftKey))) actions().redo();
      else if (mod && key === "a") actions().selectAll();
      else if (mod) handled = false;
      else if (event.key === "Delete" || event.key === "Backspace") actions().deleteSelection();
      else if (event.key === "?") ui.getState().setHelpOpen(!ui.getState().helpOpen);
      else if (event.key === "Escape" && ui.getState().helpOpen) ui.getState().setHelpOpen(false);
      else if (key === "f") void fitView({ ...readableFitOptions(editor.getState().nodes, canvasWidth()), duration: 200 });
      else if (key === "l") {
        actions().autoLayout();
        requestAnimationFrame(() => void fitView({ ...readableFitOptions(editor.getState().nodes, canvasWidth()), duration: 200 }));
      } else handled = false;
      if (handled) event.preventDefault();
    };

    const onCopy = (event: ClipboardEvent, cut: boolean) => {
      if (isEditableTarget(event.target)) return;
      const text = actions().copySelection();
      if (text === null || event.clipboardData === null) return;
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
      if (cut) actions().deleteSelection();
    };

    const onPaste = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target)) return;
      const text = event.clipboardData?.getData("text/plain") ?? "";
      const at = pointer.current ? screenToFlowPosition(pointer.current) : undefined;
      if (actions().paste(text, at)) event.preventDefault();
    };

    const copy = (event: ClipboardEvent) => onCopy(event, false);
    const cut = (event: ClipboardEvent) => onCopy(event, true);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("copy", copy);
    document.addEventListener("cut", cut);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("copy", copy);
      document.removeEventListener("cut", cut);
      document.removeEventListener("paste", onPaste);
    };
  }, [editor, ui, pointer, fitView, screenToFlowPosition]);
}
