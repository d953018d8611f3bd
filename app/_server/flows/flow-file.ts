import { z } from "zod";
import { flowKindSchema } from "@/flows-runtime/graph/schema";

export const flowFileFormat = "cc-flows/flow";
export const flowFileFormatVersion = 1;

/** The exported file: the draft graph plus what the graph alone does not say. Entry points are per deployment and stay out. */
export const flowFileSchema = z.object({
  format: z.literal(flowFileFormat),
  formatVersion: z.literal(flowFileFormatVersion),
  exportedAt: z.string().optional(),
  flow: z.object({ name: z.string().max(200), kind: flowKindSchema }),
  graph: z.unknown(),
});
export type FlowFile = z.infer<typeof flowFileSchema>;
