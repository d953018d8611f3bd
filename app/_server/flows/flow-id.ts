import { z } from "zod";
import { parseInput } from "@/app/_server/http/parse-input";

export const flowIdParamsSchema = z.object({ flowId: z.string().min(1).max(100) });

/** The [flowId] route segment, checked like any other input. */
export function flowIdFrom(params: Record<string, string | string[] | undefined>): string {
  return parseInput(flowIdParamsSchema, params, "params").flowId;
}
