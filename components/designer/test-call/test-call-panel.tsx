"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { callOutcomeSchema } from "@/app/_server/calls/call-outcomes";
import { dateTimeFormat } from "@/components/date-format";
import { ErrorAlert } from "@/components/error-alert";
import { languageName } from "../forms/field-suggestions";
import { pick } from "@/flows-runtime/i18n/locales";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { portLabel } from "@/flows-runtime/nodes/shared/port-label";
import type { Autosave } from "../autosave/autosave";
import { useEditor } from "../store/editor-context";
import { stepOwners } from "./canvas-highlight";
import { Keypad } from "./keypad";
import type { TestCallView } from "./test-call-schema";
import { useSpeech } from "./use-speech";
import { useTestCall } from "./use-test-call";
import { PretendForm } from "@/components/test-cases/pretend-form";
import { TestCasesPanel } from "@/components/test-cases/test-cases-panel";
import { CannedAnswerNote } from "@/components/test-cases/canned-answer-note";
import { useCaseRecorder } from "@/components/test-cases/use-case-recorder";

const show = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value) ?? "null");

function Variables({ variables }: { variables: Record<string, unknown> }) {
  const t = useTranslations("designer.testCall");
  const format = useFormatter();
  const locale = useLocale();
  // The call's start and language are the engine's values (UTC ISO time, a language code): shown as a person reads them.
  const shown = (name: string, value: unknown): string => {
    if (name === "call.startedAt" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return format.dateTime(new Date(value), dateTimeFormat);
    if (name === "call.language" && typeof value === "string") return languageName(value, locale);
    return show(value);
  };
  const entries = Object.entries(variables).flatMap(([name, value]) =>
    name === "call" && typeof value === "object" && value !== null ? Object.entries(value).map(([field, inner]) => [`call.${field}`, inner] as const) : [[name, value] as const],
  );
  return (
    <section>
      <h3>{t("variables")}</h3>
      <table className="vars" data-testid="test-call-variables">
        <tbody>
          {entries.map(([name, value]) => (
            <tr key={name}>
              <th>{name}</th>
              <td>{shown(name, value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Trace({ view }: { view: TestCallView }) {
  const t = useTranslations("designer.testCall");
  const locale = useLocale();
  const labels = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const owners = useMemo(() => stepOwners(view.steps, labels, edges), [view.steps, labels, edges]);
  const nameOf = (nodeId: string, nodeType: string) => {
    const node = labels.find((candidate) => candidate.id === nodeId);
    const definition = getNodeDefinition(nodeType);
    const typeLabel = definition ? pick(definition.label, locale) : nodeType;
    return node && node.data.label !== "" ? `${typeLabel} · ${node.data.label}` : typeLabel;
  };
  return (
    <section>
      <h3>{t("trace")}</h3>
      <ol className="trace" data-testid="test-call-trace">
        {view.steps.map((step, index) => {
          const owner = owners[index] ?? null;
          const inSubflow = owner !== null && owner !== step.nodeId;
          return (
            <li key={step.seq} data-node-id={owner ?? ""} className={inSubflow ? "in-subflow" : undefined}>
              <span className="trace-node">{nameOf(step.nodeId, step.nodeType)}</span>
              {inSubflow && (
                <span className="trace-subflow">
                  {t("inSubflow")}: {nameOf(owner, "subflow")}
                </span>
              )}
              {step.input !== null && step.input !== "" && <span className="trace-input">⌨ {step.input}</span>}
              {step.port !== null && <span className="trace-port">→ {pick(portLabel(step.port), locale)}</span>}
              <CannedAnswerNote detail={step.detail} />
              <span className="trace-ms">{step.durationMs} ms</span>
              {step.error !== null && <div className="trace-error">{step.error}</div>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Try the draft as a caller would: dial, hear (read) the prompts, press keys, watch the path on the canvas. */
export function TestCallPanel({ flowId, autosave }: { flowId: string; autosave: Autosave }) {
  const t = useTranslations("designer.testCall");
  const tOutcome = useTranslations("calls.outcomes");
  const { state, start, press, hangUp, reset } = useTestCall(flowId, autosave);
  const [sound, setSound] = useState(false);
  const view = state.phase === "live" ? state.view : null;
  const nodes = useEditor((editor) => editor.nodes);
  const httpNodes = useMemo(() => nodes.filter((node) => node.data.nodeType === "http-request").map((node) => ({ id: node.id, label: node.data.label || node.id })), [nodes]);
  const hoursZone = nodes.map((node) => node.data.config.timezone).find((zone) => typeof zone === "string");
  const recorder = useCaseRecorder(typeof hoursZone === "string" ? hoursZone : "Asia/Shanghai");
  const call = () => {
    if (!recorder.pretend.ok) return;
    recorder.begin();
    void start(recorder.pretend.pretend);
  };
  const pressKey = (digits: string) => {
    recorder.record(digits, view?.prompts.length ?? 0);
    press(digits);
  };
  const outcomeName = (outcome: string | null) => {
    const known = callOutcomeSchema.safeParse(outcome);
    return known.success ? tOutcome(known.data) : (outcome ?? "");
  };
  const live = state.phase === "live" && view?.state !== "ended";
  useSpeech(view?.prompts ?? [], sound);
  const transcript = useRef<HTMLOListElement>(null);
  const promptCount = view?.prompts.length ?? 0;
  useEffect(() => {
    transcript.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [promptCount]);

  return (
    <div className="test-call" data-testid="test-call-panel">
      <p className="field-help">{t("intro")}</p>
      {!live && <PretendForm value={recorder.form} onChange={recorder.setForm} httpNodes={httpNodes} />}
      <div className="row">
        {live ? (
          <button type="button" className="danger" onClick={hangUp} data-testid="test-call-hangup">
            {t("hangUp")}
          </button>
        ) : (
          <button type="button" className="primary" disabled={state.phase === "starting" || !recorder.pretend.ok} onClick={call} data-testid="test-call-start">
            {state.phase === "starting" ? t("starting") : view?.state === "ended" ? t("callAgain") : t("call")}
          </button>
        )}
        <label className="inline-check">
          <input type="checkbox" checked={sound} onChange={(event) => setSound(event.target.checked)} /> {t("sound")}
        </label>
        {view?.state === "ended" && (
          <button type="button" className="link" onClick={reset}>
            {t("clear")}
          </button>
        )}
      </div>
      {state.phase === "failed" && <ErrorAlert error={state.error} />}
      {state.phase === "live" && (
        <>
          <div className="call-status" data-testid="test-call-status" data-state={view?.state ?? "starting"}>
            {view === null || view.state === "starting" ? t("connecting") : view.state === "running" ? t("inCall") : t("ended", { outcome: outcomeName(view.outcome) })}
          </div>
          {view?.error && <div className="alert error">{view.error}</div>}
          <Keypad onPress={pressKey} disabled={!live} label={t("keypad")} />
          <section>
            <h3>{t("prompts")}</h3>
            <ol className="transcript" ref={transcript} data-testid="test-call-prompts">
              {(view?.prompts ?? []).map((prompt, index) => (
                <li key={`${prompt.at}:${index}`} data-node-id={prompt.nodeId ?? ""}>
                  {prompt.items.map((item) => item.text).join(" ")}
                </li>
              ))}
            </ol>
          </section>
          {view !== null && <Variables variables={view.variables} />}
          {view?.state === "ended" && <Trace view={view} />}
        </>
      )}
      <TestCasesPanel
        flowId={flowId}
        pretend={recorder.pretend}
        inputs={recorder.inputs}
        lastCall={view?.state === "ended" ? { path: view.steps.map((step) => step.label ?? step.nodeId), outcome: view.outcome } : null}
        onUse={recorder.use}
        httpNodes={httpNodes}
        defaultTimeZone={typeof hoursZone === "string" ? hoursZone : "Asia/Shanghai"}
      />
    </div>
  );
}
