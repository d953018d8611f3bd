import { z } from "zod";

export const entryPointKinds = ["did", "stasis-arg"] as const;
export const entryPointKindSchema = z.enum(entryPointKinds, { error: "must be a phone number or a line name" });

/**
 * A DID is stored exactly as Asterisk reports the dialed number (digits, optional leading +), so the
 * bridge can match it by equality; a Stasis argument is the application argument from the dialplan.
 */
export const entryPointInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("did"),
      value: z.string().trim().regex(/^\+?[0-9]{2,32}$/, "must be a phone number: 2 to 32 digits with an optional leading +"),
    }),
    z.object({
      kind: z.literal("stasis-arg"),
      value: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "must be 1 to 64 letters, digits, '_', '.', ':' or '-'"),
    }),
  ],
  { error: "must be a phone number or a line name" },
);
export type EntryPointInput = z.infer<typeof entryPointInputSchema>;

/** `id`: a live entry point's id, or a proposed one's `kind:value` (as the list names them). */
export const removeEntryPointQuerySchema = z.object({ id: z.string().min(1, "is required").max(100) });
export type RemoveEntryPointQuery = z.infer<typeof removeEntryPointQuerySchema>;
