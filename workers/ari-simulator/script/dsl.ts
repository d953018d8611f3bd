import type { CallScript, ScriptStep } from "./schema";

/**
 * Tiny text form of a caller script, steps separated by ";" or new lines:
 *   wait prompt            -> {waitForPlayback: "next"}        wait prompt 3 -> {waitForPlayback: {started: 3}}
 *   wait prompt end        -> {waitForPlaybackFinished: true}  (also "wait prompt done", "wait playback finished")
 *   wait 1s | wait 250ms   -> {wait}
 *   press 2 [for 150ms]    -> {press}                          press 1234# [gap 300ms] -> {pressSequence}
 *   talk 3s                -> {talk}
 *   wait answer            -> {waitForAnswer}
 *   expect end             -> {expectStasisEnd}                expect hangup -> {expectHangup}
 *   hangup [after 5s]      -> [{wait}] {hangup}
 *   timeout 30s            -> overall timeout (real ms)
 */
export function parseScriptDsl(text: string): CallScript {
  const steps: ScriptStep[] = [];
  let timeoutMs: number | undefined;
  const lines = text
    .split(/[;\n]/)
    .map((l) => l.trim().toLowerCase().replace(/\s+/g, " "))
    .filter((l) => l.length > 0 && !l.startsWith("#"));
  for (const line of lines) {
    let m: RegExpExecArray | null;
    if ((m = /^wait (?:prompt|playback) (?:end|done|finished|finish)$/.exec(line))) {
      steps.push({ waitForPlaybackFinished: true });
    } else if ((m = /^wait (?:prompt|playback)(?: (\d+))?$/.exec(line))) {
      steps.push({ waitForPlayback: m[1] ? { started: Number(m[1]) } : "next" });
    } else if (line === "wait answer" || line === "wait answered") {
      steps.push({ waitForAnswer: true });
    } else if ((m = /^wait (\S+)$/.exec(line))) {
      steps.push({ wait: duration(m[1]!, line) });
    } else if ((m = /^press ([0-9a-d*#]+)(?: for (\S+))?(?: gap (\S+))?$/.exec(line))) {
      const digits = m[1]!.toUpperCase();
      const durationMs = m[2] ? duration(m[2], line) : undefined;
      if (digits.length === 1) steps.push({ press: digits, ...(durationMs ? { durationMs } : {}) });
      else
        steps.push({
          pressSequence: digits,
          ...(durationMs ? { durationMs } : {}),
          ...(m[3] ? { gapMs: duration(m[3], line) } : {}),
        });
    } else if ((m = /^talk (\S+)$/.exec(line))) {
      steps.push({ talk: duration(m[1]!, line) });
    } else if ((m = /^hangup(?: after (\S+))?$/.exec(line))) {
      if (m[1]) steps.push({ wait: duration(m[1], line) });
      steps.push({ hangup: true });
    } else if (line === "expect end" || line === "expect stasis end" || line === "wait end") {
      steps.push({ expectStasisEnd: true });
    } else if (line === "expect hangup" || line === "wait hangup") {
      steps.push({ expectHangup: true });
    } else if ((m = /^timeout (\S+)$/.exec(line))) {
      timeoutMs = duration(m[1]!, line);
    } else {
      throw new Error(`cannot parse script step "${line}"`);
    }
  }
  return { steps, ...(timeoutMs ? { timeoutMs } : {}) };
}

function duration(s: string, line: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s);
  if (!m) throw new Error(`bad duration "${s}" in "${line}"`);
  const n = Number(m[1]);
  return Math.round(m[2] === "ms" ? n : m[2] === "m" ? n * 60_000 : n * 1000);
}
