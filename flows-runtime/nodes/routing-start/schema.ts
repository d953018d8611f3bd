import { z } from "zod";

export const routingStartSchema = z.object({});
export type RoutingStartConfig = z.infer<typeof routingStartSchema>;
