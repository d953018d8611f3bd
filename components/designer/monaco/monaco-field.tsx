"use client";

import type * as Monaco from "monaco-editor/editor/editor.api";
import { useEffect, useRef, useState } from "react";
import { codeDiagnostics, type CodeMode } from "./code-diagnostics";
import { monaco } from "./monaco-bundle";
import { whenPointerReleased } from "./pointer-release";
import { EXPRESSION_LANGUAGE, PATTERN_LANGUAGE, TEMPLATE_LANGUAGE, THEME } from "./register-languages";

export interface MonacoFieldProps {
  value: string;
  mode: CodeMode;
  readOnly: boolean;
  fieldPath: string;
  label: string;
  onChange(value: string): void;
}

const LANGUAGES: Record<CodeMode, string> = { expression: EXPRESSION_LANGUAGE, template: TEMPLATE_LANGUAGE, pattern: PATTERN_LANGUAGE };
const LINE_HEIGHT = 20;
const MAX_HEIGHT = LINE_HEIGHT * 10 + 8;

function showDiagnostics(model: Monaco.editor.ITextModel, mode: CodeMode): void {
  const markers = codeDiagnostics(model.getValue(), mode).map((diagnostic) => {
    const start = model.getPositionAt(diagnostic.start);
    const end = model.getPositionAt(diagnostic.end);
    return {
      severity: monaco.MarkerSeverity.Error,
      message: diagnostic.message,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: Math.max(end.column, start.column + 1),
    };
  });
  monaco.editor.setModelMarkers(model, "cc-flows", markers);
}

/** A small Monaco editor for one expression, template or pattern, with the parser's errors as markers. */
export default function MonacoField({ value, mode, readOnly, fieldPath, label, onChange }: MonacoFieldProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  // The props when the editor is created, which may be a while after this component mounted.
  const latest = useRef({ value, mode, readOnly, label });
  const [ready, setReady] = useState(false);

  useEffect(() => {
    onChangeRef.current = onChange;
    latest.current = { value, mode, readOnly, label };
  });

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    let disposed = false;
    let cleanup: () => void = () => undefined;
    // Created once the press that selected the node has ended, when the browser is idle: pressing a node
    // to drag it opens its form, and creating editors then would stall the drag's first frames.
    const create = () => {
      if (disposed) return;
      cleanup = mount(element);
      setReady(true);
    };
    let idle: number | null = null;
    const cancelWait = whenPointerReleased(() => {
      idle = typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(create, { timeout: 150 }) : window.setTimeout(create, 0);
    });
    return () => {
      disposed = true;
      cancelWait();
      if (idle !== null) {
        if (typeof window.cancelIdleCallback === "function") window.cancelIdleCallback(idle);
        else window.clearTimeout(idle);
      }
      cleanup();
    };
  }, []);

  function mount(element: HTMLDivElement): () => void {
    const start = latest.current;
    const editor = monaco.editor.create(element, {
      value: start.value,
      language: LANGUAGES[start.mode],
      theme: THEME,
      readOnly: start.readOnly,
      ariaLabel: start.label,
      minimap: { enabled: false },
      lineNumbers: "off",
      glyphMargin: false,
      folding: false,
      lineDecorationsWidth: 6,
      lineNumbersMinChars: 0,
      renderLineHighlight: "none",
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      scrollBeyondLastLine: false,
      wordWrap: "on",
      wrappingIndent: "none",
      fontSize: 13,
      lineHeight: LINE_HEIGHT,
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
      scrollbar: { vertical: "auto", horizontal: "hidden", verticalScrollbarSize: 8, alwaysConsumeMouseWheel: false },
      automaticLayout: true,
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, strings: false, comments: false },
      suggestOnTriggerCharacters: true,
      wordBasedSuggestions: "off",
      padding: { top: 4, bottom: 4 },
      contextmenu: true,
      tabFocusMode: true,
    });
    editorRef.current = editor;
    const model = editor.getModel();
    if (model !== null) showDiagnostics(model, start.mode);
    const changes = editor.onDidChangeModelContent(() => {
      const current = editor.getModel();
      if (current !== null) showDiagnostics(current, start.mode);
      onChangeRef.current(editor.getValue());
    });
    const sizes = editor.onDidContentSizeChange((event) => {
      element.style.height = `${Math.min(MAX_HEIGHT, Math.max(LINE_HEIGHT + 8, event.contentHeight))}px`;
    });
    // A problem's "go to field" may have focused the placeholder before the editor existed.
    if (document.activeElement === element) editor.focus();
    return () => {
      changes.dispose();
      sizes.dispose();
      editor.getModel()?.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }

  useEffect(() => {
    const editor = editorRef.current;
    // Undo on the canvas, or another field, changed the value: show it without losing focus otherwise.
    if (editor !== null && editor.getValue() !== value) editor.setValue(value);
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  return (
    <div
      ref={host}
      className={`code-field code-${mode}`}
      data-field-path={fieldPath}
      data-testid="code-field"
      tabIndex={-1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) editorRef.current?.focus();
      }}
      style={{ height: LINE_HEIGHT + 8 }}
    >
      {/* The text, read-only, until the editor exists. */}
      {!ready && (
        <div className="code-field-preview" aria-hidden="true">
          {value}
        </div>
      )}
    </div>
  );
}
