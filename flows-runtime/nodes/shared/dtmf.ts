import { z } from "zod";

export const DTMF_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"] as const;

export const dtmfKeySchema = z.enum(DTMF_KEYS);
export type DtmfKey = z.infer<typeof dtmfKeySchema>;
