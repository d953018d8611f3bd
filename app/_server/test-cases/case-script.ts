import type { CaseInput } from "./test-case-input";

/** A case's caller gives up after this long (real time), so a flow that waits forever still ends. */
export const CASE_CALL_LIMIT_S = 180;

/**
 * The simulated caller of a case: for each input, wait until the n-th prompt has started and then
 * finished, then press the keys (listening to the whole prompt, as a caller who does not barge in).
 */
export function caseScript(inputs: readonly CaseInput[]): string {
  const steps = [...inputs]
    .sort((a, b) => a.afterPrompt - b.afterPrompt)
    .flatMap((input) => [`wait prompt ${input.afterPrompt}`, "wait prompt end", `press ${input.keys}`]);
  return [`timeout ${CASE_CALL_LIMIT_S}s`, ...steps].join("; ");
}
