"use client";

import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useMemo, useRef } from "react";
import { formatIssue } from "@/flows-runtime/i18n/format-issue";
import { pick } from "@/flows-runtime/i18n/locales";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { NodeIcon } from "../canvas/node-icon";
import type { FlowNodeData } from "../model/canvas-types";
import { useEditor } from "../store/editor-context";
import { useDesignerUi } from "../store/designer-ui-context";
import type { LiveIssue } from "../validation/validation-messages";
import { expressionRefsOf } from "./expression-refs";
import { fieldSpecOf } from "./field-spec";
import { focusField } from "./focus-field";
import { FormContext, pathKey, type FormContextValue } from "./form-context";
import { SchemaField } from "./schema-field";

const NO_ISSUES: LiveIssue[] = [];

function NodeSettings({ nodeId }: { nodeId: string }) {
  const data = useEditor((state) => state.nodes.find((candidate) => candidate.id === nodeId)?.data);
  if (data === undefined) return null;
  return <NodeSettingsForm nodeId={nodeId} data={data} />;
}

function NodeSettingsForm({ nodeId, data }: { nodeId: string; data: FlowNodeData }) {
  const node = { id: nodeId, data };
  const locale = useLocale();
  const t = useTranslations("designer.settings");
  const actions = useEditor((state) => state.actions);
  const readOnly = useEditor((state) => state.readOnly);
  const issues = useDesignerUi((state) => state.validation?.byNode[node.id] ?? NO_ISSUES);
  const focus = useDesignerUi((state) => state.focus);
  const root = useRef<HTMLDivElement>(null);
  const definition = getNodeDefinition(node.data.nodeType);
  const config = node.data.config;

  const context = useMemo<FormContextValue | null>(() => {
    if (!definition) return null;
    const issuesByPath = new Map<string, LiveIssue[]>();
    for (const issue of issues) {
      const key = pathKey(issue.path);
      issuesByPath.set(key, [...(issuesByPath.get(key) ?? []), issue]);
    }
    return {
      nodeId: node.id,
      nodeType: node.data.nodeType,
      locale,
      hints: definition.formHints ?? {},
      issuesByPath,
      expressionRefs: expressionRefsOf(definition, config),
      readOnly,
    };
  }, [definition, issues, node.id, node.data.nodeType, locale, config, readOnly]);

  useEffect(() => {
    if (focus === null || focus.nodeId !== node.id || root.current === null) return;
    const element = root.current;
    const frame = requestAnimationFrame(() => {
      if (!focusField(element, focus.path)) element.querySelector<HTMLElement>("[data-field-path]")?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, node.id]);

  if (!definition || context === null) {
    return <p className="panel-empty">{t("unknownType", { type: node.data.nodeType })}</p>;
  }
  const spec = fieldSpecOf(definition.schema);
  return (
    <FormContext.Provider value={context}>
      <div className="node-settings" ref={root} data-testid="node-settings" data-node-id={node.id}>
        <header className="node-settings-header" data-category={definition.category}>
          <span className="flow-node-icon">
            <NodeIcon name={definition.icon} />
          </span>
          <div>
            <h2>{pick(definition.label, locale)}</h2>
            <p className="field-help">{pick(definition.description, locale)}</p>
          </div>
        </header>
        <div className="field">
          <label className="field-label" htmlFor="node-label">
            {t("label")}
          </label>
          <input
            id="node-label"
            type="text"
            data-field-path="label"
            value={node.data.label}
            placeholder={pick(definition.label, locale)}
            readOnly={readOnly}
            maxLength={200}
            onChange={(event) => actions.updateNodeData(node.id, { label: event.target.value }, "label")}
          />
        </div>
        {issues.length > 0 && (
          <ul className="node-issues" data-testid="node-issues">
            {issues.map((issue, index) => (
              <li key={`${issue.code}:${index}`} className={issue.severity}>
                <button type="button" className="link" onClick={() => root.current && focusField(root.current, issue.path)}>
                  {formatIssue(issue, locale)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <SchemaField spec={spec} value={config} path={[]} onChange={(next, key) => actions.updateNodeData(node.id, { config: isRecord(next) ? next : {} }, key)} />
      </div>
    </FormContext.Provider>
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The selected node's settings; a hint when nothing or several nodes are selected. */
export function SettingsPanel() {
  const t = useTranslations("designer.settings");
  // The id (or the count) only: dragging the selected node must not re-render its form.
  const selected = useEditor((state) => {
    let found = "";
    let count = 0;
    for (const node of state.nodes) {
      if (!node.selected) continue;
      count += 1;
      found = node.id;
    }
    return count === 1 ? found : count;
  });
  // Selecting a node to drag it must not wait for its form: the form renders at lower priority.
  const shown = useDeferredValue(selected);
  if (typeof shown === "number") {
    return <p className="panel-empty">{shown === 0 ? t("nothingSelected") : t("manySelected", { count: shown })}</p>;
  }
  return <NodeSettings key={shown} nodeId={shown} />;
}
