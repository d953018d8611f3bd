import { pick } from "@/flows-runtime/i18n/locales";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { portLabel } from "@/flows-runtime/nodes/shared/port-label";
import type { CallDetailStep } from "@/app/_server/calls/get-call";

/** "Menu · Main menu": the node type in the user's language and the node's label (or id). */
export function stepName(step: Pick<CallDetailStep, "nodeType" | "label" | "stepId">, locale: string): string {
  const definition = getNodeDefinition(step.nodeType);
  const type = definition ? pick(definition.label, locale === "en" ? "en" : "zh-CN") : step.nodeType;
  return `${type} · ${step.label !== null && step.label !== "" ? step.label : step.stepId}`;
}

export function exitName(port: string, locale: string): string {
  return pick(portLabel(port), locale === "en" ? "en" : "zh-CN");
}

/** Seconds since the call started, "+12.3 s" style, for the trace's time column. */
export function offsetSeconds(at: string, startedAt: string): number {
  return Math.max(0, (Date.parse(at) - Date.parse(startedAt)) / 1000);
}
