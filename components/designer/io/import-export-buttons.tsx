"use client";

import { useReactFlow } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useEditorStoreApi } from "../store/editor-context";
import { downloadJson } from "./download-json";
import { readFlowFile, toFlowFile } from "./flow-file";

/** Export what is on the canvas as a flow file; import one to replace it (one undo step). */
export function ImportExportButtons({ flowName, readOnly }: { flowName: string; readOnly: boolean }) {
  const t = useTranslations("designer.io");
  const editor = useEditorStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { fitView } = useReactFlow();

  const exportFile = () => {
    const graph = editor.getState().actions.graph();
    const safeName = flowName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").trim() || "flow";
    downloadJson(`${safeName}.flow.json`, JSON.stringify(toFlowFile(graph, flowName), null, 2));
  };

  const importFile = async (file: File) => {
    const result = readFlowFile(await file.text(), editor.getState().meta.kind);
    if (!result.ok) {
      setProblem(t(`errors.${result.reason}`));
      return;
    }
    setProblem(null);
    editor.getState().actions.replaceGraph(result.graph);
    requestAnimationFrame(() => void fitView({ padding: 0.15 }));
  };

  return (
    <>
      <button type="button" onClick={exportFile} data-testid="export-flow" title={t("exportHelp")}>
        {t("export")}
      </button>
      {!readOnly && (
        <>
          <button type="button" onClick={() => input.current?.click()} data-testid="import-flow" title={t("importHelp")}>
            {t("import")}
          </button>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void importFile(file);
            }}
          />
        </>
      )}
      {problem !== null && (
        <span className="toolbar-error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
