import { z } from "zod";
import type { LogEntry } from "@/workers/ari-simulator";
import type { DevStack, CallOutcome } from "@/workers/dev-stack";

type Execution = Awaited<ReturnType<DevStack["getExecution"]>>;

const varsChangedSchema = z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }));
const playRequestSchema = z.object({ t: z.number(), playbackId: z.string(), media: z.array(z.string()) });
const playbackIdSchema = z.object({ playbackId: z.string() });

export interface StepRow {
  seq: number;
  nodeId: string;
  node: string;
  type: string;
  port: string | null;
  input: string | null;
  varsChanged: string;
  ms: number;
  error: string | null;
}

export interface PromptRow {
  /** Since the call arrived. */
  atMs: number;
  media: string[];
  /** Stopped early (caller's key press with barge-in, or the call ended). */
  stopped: boolean;
}

export interface CallReport {
  callId: string;
  steps: StepRow[];
  /** null: not known (a real Asterisk; the simulator logs what it played). */
  prompts: PromptRow[] | null;
  outcome: string;
  error: string | null;
  lastNodeId: string | null;
  callMs: number | null;
  hungUpBy: string | null;
  continuedTo: string | null;
  script: string | null;
}

function showValue(value: unknown): string {
  if (value === undefined) return "undefined";
  return typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}

export function describeVarsChanged(json: unknown): string {
  const parsed = varsChangedSchema.safeParse(json);
  if (!parsed.success) return json === null || json === undefined ? "" : JSON.stringify(json);
  return Object.entries(parsed.data)
    .map(([name, change]) => `${name}: ${showValue(change.before)} -> ${showValue(change.after)}`)
    .join(", ");
}

/** "sound:http://…/tts/<hash>.wav" → the text the worker synthesized, when it is known. */
function describeMedia(uri: string, ttsText: DevStack["ttsText"]): string {
  const url = uri.startsWith("sound:http") ? uri.slice("sound:".length) : uri.startsWith("http") ? uri : null;
  if (url === null) return uri;
  const tts = ttsText(url);
  return tts ? `tts(${tts.language}) ${JSON.stringify(tts.text)}` : url;
}

export function promptRows(log: LogEntry[], ttsText: DevStack["ttsText"]): PromptRow[] {
  const start = log.find((e) => e.kind === "inbound")?.t ?? log[0]?.t ?? 0;
  const stopped = new Set(
    log.filter((e) => e.kind === "playbackStop").flatMap((e) => {
      const p = playbackIdSchema.safeParse(e);
      return p.success ? [p.data.playbackId] : [];
    }),
  );
  return log.flatMap((entry) => {
    if (entry.kind !== "playRequest") return [];
    const request = playRequestSchema.safeParse(entry);
    if (!request.success) return [];
    return [
      {
        atMs: Math.round(request.data.t - start),
        media: request.data.media.map((uri) => describeMedia(uri, ttsText)),
        stopped: stopped.has(request.data.playbackId),
      },
    ];
  });
}

function describeScript(script: NonNullable<CallOutcome["status"]["script"]>): string {
  if (script.status === "running") return "still running when the call ended";
  return `${script.status}${script.error ? `: ${script.error}` : ""}`;
}

/** The caller's side as the runner saw it: the simulator's call status, or null on a real Asterisk. */
export interface RunOutcome {
  status: CallOutcome["status"] | null;
  result: CallOutcome["result"];
}

export function buildCallReport(callId: string, execution: Execution, outcome: RunOutcome, ttsText: DevStack["ttsText"]): CallReport {
  const steps: StepRow[] = (execution?.steps ?? []).map((step) => ({
    seq: step.seq,
    nodeId: step.nodeId,
    node: step.label ?? step.nodeId,
    type: step.nodeType,
    port: step.port,
    input: step.input,
    varsChanged: describeVarsChanged(step.varsChanged),
    ms: step.durationMs,
    error: step.error,
  }));
  const { status, result } = outcome;
  const continued = status?.continuedTo ?? null;
  const handover = execution?.handover;
  const queueHandover = typeof handover === "object" && handover !== null && "context" in handover && "queue" in handover ? `${String(handover.context)},${String(handover.queue)},1` : null;
  return {
    callId,
    steps,
    prompts: status ? promptRows(status.log, ttsText) : null,
    outcome: result?.outcome ?? execution?.outcome ?? "no workflow ran",
    error: result?.error ?? execution?.error ?? null,
    lastNodeId: result?.lastStepId ?? execution?.lastNodeId ?? null,
    callMs: execution?.endedAt ? execution.endedAt.getTime() - execution.startedAt.getTime() : null,
    hungUpBy: status?.hungUpBy ?? null,
    continuedTo: continued ? `${continued.context},${continued.exten},${continued.priority}` : queueHandover,
    script: status?.script ? describeScript(status.script) : null,
  };
}
