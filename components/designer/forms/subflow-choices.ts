import { z } from "zod";

/** The part of GET /api/flows the subflow picker reads. */
export const flowChoicesResponseSchema = z.object({
  flows: z.array(z.looseObject({ id: z.string(), name: z.string(), live: z.looseObject({}).nullable() })),
});
export type FlowChoice = z.infer<typeof flowChoicesResponseSchema>["flows"][number];

export interface SubflowChoices {
  /** Other flows with a live (published) version, by name. */
  options: { id: string; name: string }[];
  /** The current value when it is not among the options (unpublished, deleted, not visible): still shown. */
  unlisted: { id: string; name: string | null } | null;
}

/** What the subflow's flow picker offers: every other published flow, and the current choice whatever it is. */
export function subflowChoices(flows: readonly FlowChoice[], currentFlowId: string | null, value: string, locale: string): SubflowChoices {
  const options = flows
    .filter((flow) => flow.live !== null && flow.id !== currentFlowId)
    .map((flow) => ({ id: flow.id, name: flow.name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale) || a.id.localeCompare(b.id));
  if (value === "" || options.some((option) => option.id === value)) return { options, unlisted: null };
  return { options, unlisted: { id: value, name: flows.find((flow) => flow.id === value)?.name ?? null } };
}
