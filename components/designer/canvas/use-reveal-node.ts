"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useEditorStoreApi } from "../store/editor-context";
import { useDesignerUiApi } from "../store/designer-ui-context";

/** Selects a node, centres it on the canvas and focuses the setting at `path` in its form. */
export function useRevealNode(): (nodeId: string, path?: (string | number)[]) => void {
  const editor = useEditorStoreApi();
  const ui = useDesignerUiApi();
  const { setCenter, getZoom } = useReactFlow();
  return useCallback(
    (nodeId, path = []) => {
      const node = editor.getState().nodes.find((candidate) => candidate.id === nodeId);
      if (node === undefined) return;
      editor.getState().actions.selectOnly(nodeId);
      const width = node.measured?.width ?? node.initialWidth ?? 220;
      const height = node.measured?.height ?? node.initialHeight ?? 90;
      void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
      ui.getState().requestFocus(nodeId, path);
    },
    [editor, ui, setCenter, getZoom],
  );
}
