"use client";

import "@xyflow/react/dist/style.css";
import "./designer.css";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiRequest } from "@/components/api-request";
import { LanguageSwitcher } from "@/components/language-switcher";
import type { Graph } from "@/flows-runtime/graph/schema";
import { createAutosave, type Autosave } from "./autosave/autosave";
import { ConflictBanner } from "./autosave/conflict-banner";
import { SaveIndicator } from "./autosave/save-indicator";
import { useFlushOnLeave } from "./autosave/use-flush-on-leave";
import { FlowCanvas } from "./canvas/flow-canvas";
import { Palette } from "./canvas/palette";
import { useShortcuts } from "./canvas/use-shortcuts";
import { DesignerToolbar } from "./designer-toolbar";
import { preloadCodeEditor } from "./forms/code-field";
import { ShortcutsHelp } from "./help/shortcuts-help";
import { flowScope, setScopeProvider } from "./monaco/completion-scope";
import { PublishButton } from "./publish/publish-button";
import { SidePanel } from "./side-panel";
import { CurrentFlowContext } from "./store/current-flow-context";
import { EditorStoreProvider, useEditorStoreApi } from "./store/editor-context";
import { createEditorStore } from "./store/editor-store";
import { DesignerUiProvider } from "./store/designer-ui-context";
import { createDesignerUiStore } from "./store/designer-ui-store";
import { useLiveValidation } from "./validation/use-live-validation";

export interface DesignerDraft {
  flowId: string;
  name: string;
  revision: number;
  graph: Graph;
  editable: boolean;
  /** May submit the draft for review (four eyes). */
  canSubmit: boolean;
  /** May publish an approved version. */
  canPublish: boolean;
}

function useAutosaveFor(flowId: string, revision: number, enabled: boolean): Autosave | null {
  const editor = useEditorStoreApi();
  const [autosave, setAutosave] = useState<Autosave | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const created = createAutosave({ flowId, revision, editor, request: apiRequest });
    setAutosave(created);
    const warn = (event: BeforeUnloadEvent) => {
      if (created.status.getState().state !== "saved") event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      created.dispose();
    };
  }, [editor, flowId, revision, enabled]);
  return autosave;
}

function useCompletionScope(): void {
  const editor = useEditorStoreApi();
  useEffect(() => {
    let cached: { version: number; scope: ReturnType<typeof flowScope> } | null = null;
    return setScopeProvider(() => {
      const state = editor.getState();
      if (cached === null || cached.version !== state.contentVersion) cached = { version: state.contentVersion, scope: flowScope(state.actions.graph()) };
      return cached.scope;
    });
  }, [editor]);
}

function DesignerLayout({ draft }: { draft: DesignerDraft }) {
  const t = useTranslations("designer");
  const locale = useLocale();
  const editor = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const canvasArea = useRef<HTMLDivElement>(null);
  const autosave = useAutosaveFor(draft.flowId, draft.revision, draft.editable);
  const tCanvas = useTranslations("canvas");
  const confirmLeave = useCallback(() => window.confirm(tCanvas("unsavedLeave")), [tCanvas]);
  useFlushOnLeave(autosave, confirmLeave);
  useLiveValidation();
  useShortcuts(pointer);
  useCompletionScope();

  // After the canvas is up: parsing Monaco's bundle must not delay the first paint of the flow.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => preloadCodeEditor());
      else preloadCodeEditor();
    }, 2500);
    return () => window.clearTimeout(timer);
  }, []);

  // Clicking a palette item drops the node in the middle of what is visible.
  const addAtCenter = (nodeType: string) => {
    const box = canvasArea.current?.getBoundingClientRect();
    const point = box ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
    const offset = (editor.getState().nodes.length % 5) * 24;
    editor.getState().actions.addNode(nodeType, { x: Math.round(point.x - 110 + offset), y: Math.round(point.y - 40 + offset) });
  };

  return (
    <div className="designer" data-testid="designer">
      <header className="designer-topbar">
        <Link href="/flows" className="back-link">
          ← {t("backToFlows")}
        </Link>
        <h1 title={draft.name}>{draft.name}</h1>
        {autosave !== null && <SaveIndicator autosave={autosave} readOnly={!draft.editable} />}
        {!draft.editable && <span className="badge">{t("readOnly")}</span>}
        <span className="spacer" />
        <DesignerToolbar flowName={draft.name} />
        <span className="spacer" />
        <LanguageSwitcher current={locale} signedIn />
        {(draft.canSubmit || draft.canPublish) && autosave !== null && <PublishButton flowId={draft.flowId} autosave={autosave} canSubmit={draft.canSubmit} canPublish={draft.canPublish} />}
      </header>
      {autosave !== null && <ConflictBanner autosave={autosave} flowName={draft.name} />}
      <div className="designer-main">
        {draft.editable && <Palette onAdd={addAtCenter} />}
        <div
          className="designer-canvas"
          ref={canvasArea}
          onMouseMove={(event) => {
            pointer.current = { x: event.clientX, y: event.clientY };
          }}
          onMouseLeave={() => {
            pointer.current = null;
          }}
        >
          <FlowCanvas />
          <ShortcutsHelp />
        </div>
        <SidePanel flowId={draft.flowId} autosave={autosave} canTest={draft.editable} testable={draft.graph.kind === "ivr"} />
      </div>
    </div>
  );
}

/** The flow designer: canvas, palette, settings, live validation, autosave, test calls and publishing. */
export function Designer({ draft }: { draft: DesignerDraft }) {
  const [editor] = useState(() => createEditorStore(draft.graph, { readOnly: !draft.editable }));
  const [ui] = useState(createDesignerUiStore);
  return (
    <EditorStoreProvider store={editor}>
      <DesignerUiProvider store={ui}>
        <CurrentFlowContext.Provider value={draft.flowId}>
          <ReactFlowProvider>
            <DesignerLayout draft={draft} />
          </ReactFlowProvider>
        </CurrentFlowContext.Provider>
      </DesignerUiProvider>
    </EditorStoreProvider>
  );
}

