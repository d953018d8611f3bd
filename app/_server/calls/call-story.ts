import { z } from "zod";
import { evaluateExpression, renderTemplate } from "@/flows-runtime/expressions";
import type { Plan } from "@/flows-runtime/plan/schema";
import { httpRequestCompiledSchema } from "@/flows-runtime/nodes/http-request/compiled";
import { menuCompiledSchema } from "@/flows-runtime/nodes/menu/compiled";
import { compiledMediaListSchema, type CompiledMediaList } from "@/flows-runtime/nodes/shared/media-compiled";
import { subflowCompiledSchema } from "@/flows-runtime/nodes/subflow/compiled";
import { planStepOf, type CallPlanSet } from "./plan-step-of";

export interface StoryStep {
  seq: number;
  nodeId: string;
  nodeType: string;
  label: string | null;
  enteredAt: Date;
  durationMs: number;
  port: string | null;
  input: string | null;
  varsChanged: unknown;
  error: string | null;
  /** What the step did outside the flow; `{cannedHttp: {status}}` for a test case's canned HTTP answer. */
  detail?: unknown;
}

export interface HeardItem {
  kind: "tts" | "digits" | "number" | "sound";
  text: string;
  language?: string;
}

/** One prompt played in a step; `list` is the config field it came from ("prompt", "invalidPrompt", …). */
export interface HeardPrompt {
  list: string;
  items: HeardItem[];
}

export interface HttpCall {
  method: string;
  /** Rendered with the call's variables; secrets stay `{{secret.NAME}}` (the server never has their values). */
  url: string;
  status: number | null;
  ok: boolean;
  durationMs: number;
  error: string | null;
  /** Answered by a test call's canned answer: no request was sent (status is the canned one). */
  canned: boolean;
}

export interface StoryEntry {
  seq: number;
  /** Null for the call's own flow; the subflow's flow id for its steps. */
  flowId: string | null;
  stepId: string;
  heard: HeardPrompt[];
  http: HttpCall | null;
}

const cannedDetailSchema = z.object({ cannedHttp: z.object({ status: z.number().int() }) });
const varsChangedSchema = z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).catch({});
const MAIN_LISTS = ["media", "prompt"];

export function changesOf(step: Pick<StoryStep, "varsChanged">): Record<string, { before: unknown; after: unknown }> {
  return varsChangedSchema.parse(step.varsChanged);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let current = target;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    const child: Record<string, unknown> = typeof next === "object" && next !== null && !Array.isArray(next) ? { ...next } : {};
    current[part] = child;
    current = child;
  }
  const last = parts.at(-1);
  if (last !== undefined) current[last] = value;
}

function initialVars(plan: Plan, given: Record<string, unknown>): Record<string, unknown> {
  const vars: Record<string, unknown> = structuredClone(given);
  for (const variable of plan.variables) if (!Object.hasOwn(vars, variable.name)) vars[variable.name] = variable.initial ?? null;
  return vars;
}

function languageOf(vars: Record<string, unknown>): string | undefined {
  const call = vars.call;
  if (typeof call !== "object" || call === null) return undefined;
  const language: unknown = Reflect.get(call, "language");
  return typeof language === "string" && language !== "" ? language : undefined;
}

function safely(work: () => string): string {
  try {
    return work();
  } catch {
    return "";
  }
}

function heardItems(list: CompiledMediaList, vars: Record<string, unknown>): HeardItem[] {
  return list.map((item): HeardItem => {
    switch (item.kind) {
      case "tts": {
        const language = item.language ?? languageOf(vars);
        const text = safely(() => renderTemplate(item.text, vars));
        return language === undefined ? { kind: "tts", text } : { kind: "tts", text, language };
      }
      case "sound":
        return { kind: "sound", text: item.name };
      case "digits":
        return { kind: "digits", text: safely(() => renderTemplate(item.value, vars)) };
      case "number":
        return { kind: "number", text: safely(() => String(evaluateExpression(item.value, vars))) };
    }
  });
}

function mediaList(config: unknown, name: string): CompiledMediaList {
  if (typeof config !== "object" || config === null) return [];
  const parsed = compiledMediaListSchema.safeParse(Reflect.get(config, name));
  return parsed.success ? parsed.data : [];
}

/**
 * Which prompt lists a menu played: the prompt per attempt, the invalid-key prompt after a wrong
 * key, the timeout prompt after silence. The trace keeps the keys pressed, not the silences, so
 * timeouts are placed after the keys (exact for calls that pressed a key at once or never).
 */
function menuLists(config: unknown, input: string, port: string | null): string[] {
  const parsed = menuCompiledSchema.safeParse(config);
  if (!parsed.success) return ["prompt"];
  const { keys, maxRetries } = parsed.data;
  const digits = [...input];
  const failures: ("invalidPrompt" | "timeoutPrompt")[] = digits.filter((digit) => !keys.includes(digit)).map(() => "invalidPrompt");
  if (port === "timeout" || port === "invalid") {
    const timeouts = Math.max(0, maxRetries + 1 - digits.length);
    for (let index = 0; index < timeouts; index += 1) failures.push("timeoutPrompt");
    // The last failure ended the menu: no failure prompt follows it.
    failures.pop();
  }
  return ["prompt", ...failures.flatMap((failure) => [failure, "prompt"])];
}

function promptLists(nodeType: string, config: unknown, step: StoryStep): string[] {
  if (nodeType === "menu") return menuLists(config, step.input ?? "", step.port);
  if (nodeType === "collect" && step.port === "invalid") return ["prompt", "invalidPrompt", "prompt"];
  return MAIN_LISTS;
}

function httpCall(config: unknown, vars: Record<string, unknown>, step: StoryStep): HttpCall | null {
  const parsed = httpRequestCompiledSchema.safeParse(config);
  if (!parsed.success) return null;
  const { method, url, statusVariable } = parsed.data;
  const changes = changesOf(step);
  const statusValue = statusVariable === null ? undefined : (changes[statusVariable]?.after ?? undefined);
  const fromError = /HTTP status (\d{3})/.exec(step.error ?? "")?.[1];
  const canned = cannedDetailSchema.safeParse(step.detail).data?.cannedHttp;
  const measured = typeof statusValue === "number" ? statusValue : fromError === undefined ? null : Number(fromError);
  const status = canned?.status ?? measured;
  return {
    method,
    url: safely(() => renderTemplate(url, vars)),
    status,
    ok: step.port === "success",
    durationMs: step.durationMs,
    error: step.error,
    canned: canned !== undefined,
  };
}

/**
 * Retells a call from its step trace and the plans it ran: what the caller heard in each step (the
 * step's prompts rendered with the variables as they were when it started, also inside subflows)
 * and the HTTP requests made. The trace stores what a step did, not the audio, so the text is the
 * flow's own prompt text — for TTS prompts exactly what was synthesized.
 */
export function callStory(input: { plans: CallPlanSet; steps: readonly StoryStep[]; callVars: Record<string, unknown> }): StoryEntry[] {
  const { plans } = input;
  const steps = [...input.steps].sort((a, b) => a.seq - b.seq);
  const scopes = new Map<string | null, Record<string, unknown>>([[null, initialVars(plans.main, { call: input.callVars })]]);
  const ownerOf = new Map<string, string | null>();

  const scopeFor = (flowId: string | null): Record<string, unknown> => {
    const known = scopes.get(flowId);
    if (known !== undefined) return known;
    const plan = flowId === null ? plans.main : plans.subflows[flowId];
    const parentId = ownerOf.get(flowId ?? "") ?? null;
    const parent = scopes.get(parentId) ?? {};
    // A subflow starts with the inputs its subflow node hands it (evaluated in the parent's variables) and the call.
    const inputs: Record<string, unknown> = {};
    const runner = Object.values(parentId === null ? plans.main.steps : (plans.subflows[parentId]?.steps ?? {})).find(
      (candidate) => candidate.type === "subflow" && subflowCompiledSchema.safeParse(candidate.config).data?.flowId === flowId,
    );
    for (const mapping of subflowCompiledSchema.safeParse(runner?.config).data?.inputs ?? []) {
      try {
        inputs[mapping.name] = evaluateExpression(mapping.value, parent);
      } catch {
        inputs[mapping.name] = null;
      }
    }
    const created = plan === undefined ? { call: parent.call } : initialVars(plan, { ...inputs, call: parent.call });
    scopes.set(flowId, created);
    return created;
  };

  // Which flow runs each subflow (for its inputs): the flow of the subflow node that names it.
  const allPlans: [string | null, Plan][] = [[null, plans.main], ...Object.entries(plans.subflows)];
  for (const [flowId, plan] of allPlans) {
    for (const step of Object.values(plan.steps)) {
      const sub = step.type === "subflow" ? subflowCompiledSchema.safeParse(step.config).data : undefined;
      if (sub !== undefined && !ownerOf.has(sub.flowId)) ownerOf.set(sub.flowId, flowId);
    }
  }

  return steps.map((step): StoryEntry => {
    const ref = planStepOf(plans, step.nodeId);
    const vars = scopeFor(ref.flowId);
    const before = structuredClone(vars);
    const config = ref.step?.config;
    const heard = promptLists(step.nodeType, config, step)
      .map((list) => ({ list, items: heardItems(mediaList(config, list), before) }))
      .filter((prompt) => prompt.items.length > 0);
    const http = step.nodeType === "http-request" ? httpCall(config, before, step) : null;
    for (const [name, change] of Object.entries(changesOf(step))) setPath(vars, name, change.after);
    if (step.nodeType === "subflow") {
      // The next run of that subflow starts afresh; call.language may have changed inside it.
      const sub = subflowCompiledSchema.safeParse(config).data;
      if (sub !== undefined) scopes.delete(sub.flowId);
    }
    return { seq: step.seq, flowId: ref.flowId, stepId: ref.stepId, heard, http };
  });
}
