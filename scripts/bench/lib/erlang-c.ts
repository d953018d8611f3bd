/**
 * Erlang C (M/M/N with infinite patience): what a queue of `agents` servers with `erlangs` of offered
 * load (arrival rate × mean handling time) predicts. Pure; times in the unit of `handlingTime`.
 */
export interface ErlangCPrediction {
  /** Probability that a caller has to wait at all. */
  waitProbability: number;
  /** Share of callers answered within `targetTime`. */
  serviceLevel: number;
  /** Mean wait over all callers (ASA). */
  averageWait: number;
  /** Agents' busy share: erlangs / agents. */
  occupancy: number;
}

/** Erlang B by its stable recursion, then C = N·B / (N − A·(1 − B)). 1 when the load reaches the agents. */
export function erlangCWaitProbability(agents: number, erlangs: number): number {
  if (!Number.isInteger(agents) || agents < 1) throw new Error(`agents must be a positive integer, got ${agents}`);
  if (erlangs < 0) throw new Error(`erlangs must not be negative, got ${erlangs}`);
  if (erlangs >= agents) return 1;
  let blocking = 1;
  for (let n = 1; n <= agents; n += 1) blocking = (erlangs * blocking) / (n + erlangs * blocking);
  return (agents * blocking) / (agents - erlangs * (1 - blocking));
}

export function erlangC(agents: number, erlangs: number, handlingTime: number, targetTime: number): ErlangCPrediction {
  const waitProbability = erlangCWaitProbability(agents, erlangs);
  if (erlangs >= agents) return { waitProbability, serviceLevel: 0, averageWait: Number.POSITIVE_INFINITY, occupancy: 1 };
  return {
    waitProbability,
    serviceLevel: 1 - waitProbability * Math.exp((-(agents - erlangs) * targetTime) / handlingTime),
    averageWait: (waitProbability * handlingTime) / (agents - erlangs),
    occupancy: erlangs / agents,
  };
}
