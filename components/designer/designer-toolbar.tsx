"use client";

import { useReactFlow } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { ImportExportButtons } from "./io/import-export-buttons";
import { useEditor } from "./store/editor-context";
import { useDesignerUi } from "./store/designer-ui-context";

/** Undo/redo, layout and view buttons: the same actions as the keyboard shortcuts. */
export function DesignerToolbar({ flowName }: { flowName: string }) {
  const t = useTranslations("designer.toolbar");
  const actions = useEditor((state) => state.actions);
  const readOnly = useEditor((state) => state.readOnly);
  const canUndo = useEditor((state) => state.history.past.length > 0);
  const canRedo = useEditor((state) => state.history.future.length > 0);
  const helpOpen = useDesignerUi((state) => state.helpOpen);
  const setHelpOpen = useDesignerUi((state) => state.setHelpOpen);
  const { fitView } = useReactFlow();
  return (
    <div className="toolbar" role="toolbar" aria-label={t("label")}>
      <button type="button" onClick={actions.undo} disabled={readOnly || !canUndo} title={`${t("undo")} (Ctrl+Z)`} data-testid="undo">
        ↶ {t("undo")}
      </button>
      <button type="button" onClick={actions.redo} disabled={readOnly || !canRedo} title={`${t("redo")} (Ctrl+Y)`} data-testid="redo">
        ↷ {t("redo")}
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        disabled={readOnly}
        title={`${t("layout")} (L)`}
        data-testid="auto-layout"
        onClick={() => {
          actions.autoLayout();
          requestAnimationFrame(() => void fitView({ padding: 0.15, duration: 200 }));
        }}
      >
        {t("layout")}
      </button>
      <button type="button" title={`${t("fit")} (F)`} onClick={() => void fitView({ padding: 0.15, duration: 200 })} data-testid="fit-view">
        {t("fit")}
      </button>
      <span className="toolbar-sep" />
      <ImportExportButtons flowName={flowName} readOnly={readOnly} />
      <span className="toolbar-sep" />
      <button type="button" title={`${t("help")} (?)`} aria-pressed={helpOpen} onClick={() => setHelpOpen(!helpOpen)} data-testid="help">
        ? {t("help")}
      </button>
    </div>
  );
}
