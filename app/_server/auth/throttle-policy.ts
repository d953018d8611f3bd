/** Failures are counted per account and per client address; each kind has its own allowance. */
export type ThrottleKind = "account" | "address";

/** Typing mistakes are free; after that every failure doubles the wait, up to 15 minutes. */
const freeFailures: Record<ThrottleKind, number> = { account: 5, address: 20 };
export const maxDelaySeconds = 15 * 60;
/** A key's count starts again after an hour without failures. */
export const failureWindowMs = 60 * 60 * 1000;

export function throttleDelaySeconds(kind: ThrottleKind, failures: number): number {
  const beyond = failures - freeFailures[kind];
  return beyond <= 0 ? 0 : Math.min(2 ** (beyond - 1), maxDelaySeconds);
}

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

export function throttleKeys(email: string, ip: string | null): { account: ThrottleKey; all: ThrottleKey[] } {
  const account: ThrottleKey = { kind: "account", key: `account:${email}` };
  return { account, all: ip === null ? [account] : [account, { kind: "address", key: `address:${ip}` }] };
}
