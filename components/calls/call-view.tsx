"use client";

import "@/components/versions/versions.css";
import "./calls.css";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { CallDetail } from "@/app/_server/calls/get-call";
import { canvasHighlight } from "@/components/designer/test-call/canvas-highlight";
import { DiffCanvas } from "@/components/versions/diff-canvas";
import type { DiffViewData } from "@/components/versions/diff-types";
import { CallHandover } from "./call-handover";
import { CallHttp } from "./call-http";
import { CallRecordings } from "./call-recordings";
import { CallTrace } from "./call-trace";
import { callTimeFormat } from "./date-format";

/**
 * One call for the business user: the version it ran with its path drawn, what the caller heard,
 * recordings to play, HTTP requests and the step trace. Clicking a node shows only its steps.
 */
export function CallView({ call, canvas }: { call: CallDetail; canvas: DiffViewData | null }) {
  const t = useTranslations("calls.detail");
  const format = useFormatter();
  const locale = useLocale();
  const [selected, setSelected] = useState<string | null>(null);

  const { path, owners } = useMemo(() => {
    const graph = call.graph;
    if (graph === null) return { path: undefined, owners: new Map<number, string | null>() };
    const nodes = graph.nodes.map((node) => ({ id: node.id, data: { nodeType: node.type, config: node.data } }));
    const edges = graph.edges.map((edge) => ({ source: edge.source, sourceHandle: edge.sourcePort, target: edge.target }));
    const steps = call.steps.map((step) => ({ ...step, varsChanged: step.varsChanged }));
    const highlight = canvasHighlight(
      {
        state: call.endedAt === null ? "running" : "ended",
        activeNodeId: null,
        visitedNodeIds: call.steps.map((step) => step.nodeId),
        takenPorts: call.steps.flatMap((step) => (step.port === null ? [] : [{ nodeId: step.nodeId, port: step.port }])),
        steps,
      },
      nodes,
      edges,
    );
    const ids = new Set(nodes.map((node) => node.id));
    // A subflow's steps belong to the subflow node that ran them.
    let inside: string | null = null;
    const byStep = new Map<number, string | null>();
    for (const step of call.steps) {
      if (ids.has(step.nodeId)) {
        byStep.set(step.seq, step.nodeId);
        inside = step.nodeType === "subflow" ? null : inside;
        continue;
      }
      inside ??= nodes.find((node) => node.data.nodeType === "subflow" && Reflect.get(node.data.config, "flowId") === step.subflowId)?.id ?? null;
      byStep.set(step.seq, inside);
    }
    return { path: { visitedNodeIds: highlight.visitedNodeIds, takenPorts: highlight.takenPorts }, owners: byStep };
  }, [call]);

  const shownSteps = selected === null ? call.steps : call.steps.filter((step) => owners.get(step.seq) === selected || step.nodeId === selected);
  const selectedName = selected === null ? null : (call.graph?.nodes.find((node) => node.id === selected)?.label || selected);

  return (
    <div className="stack" data-testid="call-view" data-locale={locale}>
      <dl className="card call-facts" data-testid="call-facts">
        <dt>{t("started")}</dt>
        <dd>{format.dateTime(new Date(call.startedAt), callTimeFormat)}</dd>
        <dt>{t("ended")}</dt>
        <dd>{call.endedAt === null ? t("stillRunning") : format.dateTime(new Date(call.endedAt), callTimeFormat)}</dd>
        {call.error !== null && (
          <>
            <dt>{t("error")}</dt>
            <dd className="step-error">{call.error}</dd>
          </>
        )}
        {call.handover !== null && call.handover !== undefined && (
          <>
            <dt>{t("handover")}</dt>
            <dd>
              <CallHandover handover={call.handover} />
            </dd>
          </>
        )}
        <dt>{t("channel")}</dt>
        <dd>
          <code>{call.channelId}</code>
        </dd>
      </dl>
      <div className="call-layout">
        <section className="stack">
          <h2 style={{ fontSize: 15, margin: 0 }}>{t("path")}</h2>
          <div className="muted small">{t("pathHelp")}</div>
          {canvas === null || path === undefined ? (
            <div className="card call-section muted">{t("noGraph")}</div>
          ) : (
            <DiffCanvas data={canvas} selectedId={selected} onSelect={setSelected} commentCounts={{}} path={path} />
          )}
        </section>
        <div className="stack">
          <CallRecordings call={call} />
          <section className="card call-section" data-testid="call-heard">
            <h2>{t("heard")}</h2>
            <div className="muted small">{t("heardHelp")}</div>
            {call.steps.every((step) => step.heard.length === 0) ? (
              <div className="muted">{t("nothingHeard")}</div>
            ) : (
              <ol className="call-heard">
                {call.steps.flatMap((step) =>
                  step.heard.map((prompt, index) => (
                    <li key={`${step.seq}:${index}`} data-node-id={step.nodeId}>
                      {prompt.items.map((item) => item.text).join(" ")}
                    </li>
                  )),
                )}
              </ol>
            )}
          </section>
          <CallHttp steps={call.steps} />
        </div>
      </div>
      <section className="card call-section">
        <div className="row">
          <h2>{selectedName === null ? t("trace") : t("filteredBy", { node: selectedName })}</h2>
          <span className="spacer" />
          {selected !== null && (
            <button type="button" className="link" onClick={() => setSelected(null)}>
              {t("showAll")}
            </button>
          )}
        </div>
        <CallTrace steps={shownSteps} startedAt={call.startedAt} />
      </section>
    </div>
  );
}
