import { z } from "zod";
import { renderTemplate } from "@/flows-runtime/expressions";
import type { TemplateAst } from "@/flows-runtime/expressions";
import type { Plan } from "@/flows-runtime/plan/schema";
import { compiledMediaListSchema, type CompiledMediaList } from "@/flows-runtime/nodes/shared/media-compiled";
import { subflowCompiledSchema } from "@/flows-runtime/nodes/subflow/compiled";
import { nextNodeId, planStepOf, type CallPlanSet } from "@/app/_server/calls/plan-step-of";

export interface TimelineStep {
  seq: number;
  nodeId: string;
  enteredAt: Date;
  durationMs: number;
  port: string | null;
  input: string | null;
  varsChanged: unknown;
}

export interface TimelineLogEntry {
  t: number;
  kind: string;
  [key: string]: unknown;
}

export interface PromptItem {
  kind: "tts" | "digits" | "number" | "sound" | "other";
  text: string;
  language?: string;
}

export interface PlayedPrompt {
  at: string;
  nodeId: string | null;
  items: PromptItem[];
}

export interface CallTimeline {
  /** The node the call is in now (null once it ended). */
  activeNodeId: string | null;
  visitedNodeIds: string[];
  takenPorts: { nodeId: string; port: string }[];
  variables: Record<string, unknown>;
  prompts: PlayedPrompt[];
}

const varsChangedSchema = z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).catch({});
const playRequestSchema = z.object({ t: z.number(), media: z.array(z.string()) });
const dtmfSchema = z.object({ t: z.number() });

/** Workflow time and the simulator's clock differ by a few ms: a prompt may be logged just before its step's start. */
const TOLERANCE_MS = 50;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let current = target;
  parts.slice(0, -1).forEach((part) => {
    const next = current[part];
    const child: Record<string, unknown> = typeof next === "object" && next !== null && !Array.isArray(next) ? { ...next } : {};
    current[part] = child;
    current = child;
  });
  const last = parts.at(-1);
  if (last !== undefined) current[last] = value;
}

function variablesAfter(initial: Record<string, unknown>, steps: readonly TimelineStep[]): Record<string, unknown> {
  const vars = structuredClone(initial);
  for (const step of steps) {
    for (const [name, change] of Object.entries(varsChangedSchema.parse(step.varsChanged))) setPath(vars, name, change.after);
  }
  return vars;
}

const isTtsUri = (uri: string): boolean => /^(sound:)?https?:\/\//i.test(uri);

function itemMatches(item: CompiledMediaList[number], uri: string): boolean {
  switch (item.kind) {
    case "tts":
      return isTtsUri(uri);
    case "sound":
      return uri === `sound:${item.name}`;
    case "digits":
      return uri.startsWith("digits:");
    case "number":
      return uri.startsWith("number:");
  }
}

function mediaListsOf(config: unknown): { name: string; list: CompiledMediaList }[] {
  if (typeof config !== "object" || config === null) return [];
  return Object.entries(config).flatMap(([name, value]) => {
    const parsed = compiledMediaListSchema.safeParse(value);
    return parsed.success && parsed.data.length > 0 ? [{ name, list: parsed.data }] : [];
  });
}

const MAIN_LISTS = new Set(["prompt", "media"]);

/**
 * The step whose prompt plays at a traced node id. A subflow node speaks through its subflow: before
 * the subflow's first steps are written, that is its entry (past steps that only pass through).
 */
function speakingStep(plans: CallPlanSet, nodeId: string) {
  let ref = planStepOf(plans, nodeId);
  for (let hops = 0; hops < 20 && ref.step !== null; hops += 1) {
    const step = ref.step;
    const sub = step.type === "subflow" ? subflowCompiledSchema.safeParse(step.config).data : undefined;
    const target = sub === undefined ? undefined : plans.subflows[sub.flowId];
    if (sub !== undefined && target !== undefined) {
      ref = planStepOf(plans, `${sub.flowId}:${target.entry}`);
      continue;
    }
    const exits = Object.entries(step.next);
    const [only] = exits;
    if (mediaListsOf(step.config).length > 0 || exits.length !== 1 || only === undefined || only[1] === null || ref.flowId === null) return step;
    ref = planStepOf(plans, `${ref.flowId}:${only[1]}`);
  }
  return ref.step;
}

function render(ast: TemplateAst, vars: Record<string, unknown>): string {
  try {
    return renderTemplate(ast, vars);
  } catch {
    return "";
  }
}

function uriText(uri: string): PromptItem {
  const colon = uri.indexOf(":");
  const scheme = colon > 0 ? uri.slice(0, colon) : "";
  const rest = uri.slice(colon + 1);
  if (scheme === "digits" || scheme === "number" || scheme === "sound") return { kind: scheme, text: rest };
  return { kind: "other", text: uri };
}

/**
 * What a test call did so far, for the designer: where it is, which paths it took, its variables,
 * and the prompts it played as text. Prompts come from the simulator's log (what was played and
 * when); their text is the playing node's prompt rendered with the variables of that moment.
 */
export function callTimeline(input: {
  plan: Plan;
  /** Plans of the subflows the call runs, by flow id: their steps are traced as "<flowId>:<stepId>". */
  subflows?: Readonly<Record<string, Plan>>;
  steps: readonly TimelineStep[];
  log: readonly TimelineLogEntry[];
  callVars: Record<string, unknown>;
  ended: boolean;
}): CallTimeline {
  const { plan, log } = input;
  const steps = [...input.steps].sort((a, b) => a.seq - b.seq);
  const initial: Record<string, unknown> = { call: input.callVars };
  for (const variable of plan.variables) initial[variable.name] = variable.initial ?? null;

  const plans: CallPlanSet = { main: plan, subflows: input.subflows ?? {} };
  const nextAfter = (step: TimelineStep): string | null => (step.port === null ? null : nextNodeId(plans, step.nodeId, step.port));
  const last = steps.at(-1);
  const activeNodeId = input.ended ? null : last === undefined ? plan.entry : nextAfter(last);

  const dtmfTimes = log.filter((entry) => entry.kind === "dtmf").flatMap((entry) => {
    const parsed = dtmfSchema.safeParse(entry);
    return parsed.success ? [parsed.data.t] : [];
  });
  const plays = log.filter((entry) => entry.kind === "playRequest").flatMap((entry) => {
    const parsed = playRequestSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  plays.sort((a, b) => a.t - b.t);

  const visits = new Map<string, { count: number; lastList: string | null; lastAt: number }>();
  const prompts = plays.map((play): PlayedPrompt => {
    const before = steps.filter((step) => step.enteredAt.getTime() <= play.t + TOLERANCE_MS);
    const candidate = before.at(-1);
    let nodeId: string | null;
    let visitKey: string;
    if (candidate !== undefined && play.t <= candidate.enteredAt.getTime() + candidate.durationMs) {
      nodeId = candidate.nodeId;
      visitKey = `step-${candidate.seq}`;
    } else {
      nodeId = candidate === undefined ? plan.entry : nextAfter(candidate);
      visitKey = `after-${candidate?.seq ?? -1}`;
    }
    const vars = variablesAfter(
      initial,
      steps.filter((step) => step.enteredAt.getTime() + step.durationMs <= play.t),
    );
    const visit = visits.get(visitKey) ?? { count: 0, lastList: null, lastAt: 0 };
    const lists = mediaListsOf(nodeId === null ? undefined : speakingStep(plans, nodeId)?.config).filter(
      ({ list }) => list.length === play.media.length && list.every((item, index) => itemMatches(item, play.media[index] ?? "")),
    );
    const main = lists.filter(({ name }) => MAIN_LISTS.has(name));
    const failures = lists.filter(({ name }) => !MAIN_LISTS.has(name));
    const pressed = dtmfTimes.some((t) => t > visit.lastAt && t < play.t);
    const failure = failures.find(({ name }) => name === (pressed ? "invalidPrompt" : "timeoutPrompt")) ?? failures[0];
    const wantsFailure = visit.count > 0 && visit.lastList !== null && MAIN_LISTS.has(visit.lastList);
    const chosen = (wantsFailure ? (failure ?? main[0]) : (main[0] ?? failure)) ?? lists[0];
    visits.set(visitKey, { count: visit.count + 1, lastList: chosen?.name ?? null, lastAt: play.t });

    const language = typeof vars.call === "object" && vars.call !== null && "language" in vars.call ? String(vars.call.language) : undefined;
    const items = play.media.map((uri, index): PromptItem => {
      const item = chosen?.list[index];
      if (item?.kind === "tts" && isTtsUri(uri)) return { kind: "tts", text: render(item.text, vars), language: item.language ?? language };
      return uriText(uri);
    });
    return { at: new Date(play.t).toISOString(), nodeId, items };
  });

  const visited = new Set<string>();
  const taken: { nodeId: string; port: string }[] = [];
  for (const step of steps) {
    visited.add(step.nodeId);
    if (step.port !== null) taken.push({ nodeId: step.nodeId, port: step.port });
  }
  if (activeNodeId !== null) visited.add(activeNodeId);
  return { activeNodeId, visitedNodeIds: [...visited], takenPorts: taken, variables: variablesAfter(initial, steps), prompts };
}
