import { z } from "zod";

export const routingStartCompiledSchema = z.object({});
export type RoutingStartCompiled = z.infer<typeof routingStartCompiledSchema>;
