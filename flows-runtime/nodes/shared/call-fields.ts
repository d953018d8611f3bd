/** System variables under `call`, set by the caller of runPlan before the first step; always strings. */
export const CALL_FIELDS = ["caller", "dialed", "id", "language", "startedAt"] as const;
export type CallField = (typeof CALL_FIELDS)[number];

export const isCallField = (name: string): boolean => CALL_FIELDS.some((field) => field === name);

/** The only system variable a flow may change (language-select, set-variables). */
export const WRITABLE_CALL_PATHS = ["call.language"] as const;

/** Roots that are never flow variables. */
export const RESERVED_ROOTS = ["call", "secret"] as const;
