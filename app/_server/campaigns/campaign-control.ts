import { z } from "zod";

export const campaignControlSchema = z.object({ action: z.enum(["pause", "resume", "stop"]) });
