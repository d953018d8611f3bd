import type { Expectations, OutcomeExpectation, PathExpectation } from "./test-case-input";

export interface VisitedStep {
  nodeId: string;
  label: string | null;
}

export interface CallEnd {
  /** CallExecution.outcome. */
  outcome: string | null;
  /** The queue, number or endpoint a transfer handed the call to. */
  transferredTo: string | null;
}

export type ExpectationResult =
  | { kind: "path"; ok: boolean; mode: PathExpectation["mode"]; expected: string[]; actual: string[]; /** First expected node not matched where it should be. */ mismatchAt: number | null }
  | { kind: "outcome"; ok: boolean; expected: OutcomeExpectation; actual: { kind: string | null; target: string | null } };

const matches = (ref: string, step: VisitedStep): boolean => ref === step.nodeId || (step.label !== null && ref === step.label.trim());

function checkPath(expectation: PathExpectation, steps: readonly VisitedStep[]): Extract<ExpectationResult, { kind: "path" }> {
  const actual = steps.map((step) => (step.label !== null && step.label.trim() !== "" ? step.label : step.nodeId));
  let mismatchAt: number | null = null;
  if (expectation.mode === "exact") {
    const length = Math.max(expectation.nodes.length, steps.length);
    for (let index = 0; index < length && mismatchAt === null; index += 1) {
      const ref = expectation.nodes[index];
      const step = steps[index];
      if (ref === undefined || step === undefined || !matches(ref, step)) mismatchAt = Math.min(index, expectation.nodes.length);
    }
  } else {
    let at = 0;
    expectation.nodes.forEach((ref, index) => {
      if (mismatchAt !== null) return;
      const found = steps.findIndex((step, position) => position >= at && matches(ref, step));
      if (found === -1) mismatchAt = index;
      else at = found + 1;
    });
  }
  return { kind: "path", ok: mismatchAt === null, mode: expectation.mode, expected: expectation.nodes, actual, mismatchAt };
}

function checkOutcome(expectation: OutcomeExpectation, end: CallEnd): Extract<ExpectationResult, { kind: "outcome" }> {
  const kindOk = end.outcome === expectation.kind;
  const targetOk = expectation.target === undefined || end.transferredTo === expectation.target;
  return { kind: "outcome", ok: kindOk && targetOk, expected: expectation, actual: { kind: end.outcome, target: end.transferredTo } };
}

/** Each expectation of a case against the call it ran: the steps it visited, in order, and how it ended. */
export function checkExpectations(expectations: Expectations, steps: readonly VisitedStep[], end: CallEnd): ExpectationResult[] {
  const results: ExpectationResult[] = [];
  if (expectations.path !== null) results.push(checkPath(expectations.path, steps));
  if (expectations.outcome !== null) results.push(checkOutcome(expectations.outcome, end));
  return results;
}
