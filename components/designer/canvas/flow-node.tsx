"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { useLocale, useTranslations } from "next-intl";
import { memo, useMemo } from "react";
import { formatIssue } from "@/flows-runtime/i18n/format-issue";
import { pick } from "@/flows-runtime/i18n/locales";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { INPUT_HANDLE, type CanvasNode } from "../model/canvas-types";
import { portsOf } from "../model/node-ports";
import { settingName } from "../forms/field-suggestions";
import { nodeSummary } from "../model/node-summary";
import { useDesignerUi } from "../store/designer-ui-context";
import { NodeIcon } from "./node-icon";

const NO_ISSUES: never[] = [];

/** One node on the canvas. Memoised: dragging one node re-renders that node only. */
export const FlowNode = memo(function FlowNode({ id, data, selected }: NodeProps<CanvasNode>) {
  const locale = useLocale();
  const t = useTranslations("designer.node");
  const definition = getNodeDefinition(data.nodeType);
  const issues = useDesignerUi((state) => state.validation?.byNode[id] ?? NO_ISSUES);
  const active = useDesignerUi((state) => state.highlight.activeNodeId === id);
  const visited = useDesignerUi((state) => state.highlight.visitedNodeIds.has(id));
  const ports = useMemo(() => (definition ? portsOf(definition, data.config) : []), [definition, data.config]);
  // A language code or time zone (language select, business hours) reads as its name.
  const summary = useMemo(() => (definition ? settingName(nodeSummary(definition, data.config), locale) : ""), [definition, data.config, locale]);

  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  const firstIssue = issues[0];
  const classes = ["flow-node", selected ? "is-selected" : "", active ? "is-active" : "", visited ? "is-visited" : "", errors > 0 ? "has-errors" : warnings > 0 ? "has-warnings" : ""];

  return (
    <div className={classes.join(" ")} data-category={definition?.category ?? "unknown"} data-testid="flow-node" data-node-id={id} data-node-type={data.nodeType} data-errors={errors}>
      {definition?.entry !== true && <Handle type="target" position={Position.Left} id={INPUT_HANDLE} className="flow-handle flow-handle-in" />}
      <div className="flow-node-header">
        <span className="flow-node-icon">
          <NodeIcon name={definition?.icon ?? ""} />
        </span>
        <span className="flow-node-type">{definition ? pick(definition.label, locale) : t("unknownType", { type: data.nodeType })}</span>
        {issues.length > 0 && (
          <span
            className={`flow-node-badge ${errors > 0 ? "error" : "warning"}`}
            title={firstIssue ? formatIssue(firstIssue, locale) : undefined}
            data-testid="node-issue-badge"
          >
            {errors > 0 ? errors : warnings}
          </span>
        )}
      </div>
      {(data.label !== "" || summary !== "") && (
        <div className="flow-node-body">
          {data.label !== "" && <div className="flow-node-label">{data.label}</div>}
          {summary !== "" && <div className="flow-node-summary">{summary}</div>}
        </div>
      )}
      {ports.length > 0 && (
        <div className="flow-node-ports">
          {ports.map((port) => (
            <div className={`flow-port${port.required ? " is-required" : ""}`} key={port.id} data-port={port.id}>
              <span className="flow-port-label">{pick(port.label, locale)}</span>
              <Handle type="source" position={Position.Right} id={port.id} className="flow-handle flow-handle-out" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
