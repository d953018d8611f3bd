import { readFileSync } from "node:fs";

export interface ProcessMemory {
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** Peak resident set size since the process started (VmHWM), in MiB. */
  peakMiB: number;
}

function field(status: string, name: string): number | null {
  const kb = new RegExp(`^${name}:\\s+(\\d+) kB$`, "m").exec(status)?.[1];
  return kb === undefined ? null : Number(kb) / 1024;
}

/** Linux /proc/<pid>/status; null when the process is gone. */
export function readProcessMemory(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const rss = field(status, "VmRSS");
  const peak = field(status, "VmHWM");
  return rss === null ? null : { rssMiB: rss, peakMiB: peak ?? rss };
}

/** Samples a process's RSS while a load runs; VmHWM alone would include the start-up peak. */
export function sampleMemory(pid: number, everyMs = 200): { stop(): { maxRssMiB: number; lastRssMiB: number } } {
  let max = 0;
  let last = 0;
  const take = () => {
    const m = readProcessMemory(pid);
    if (m) {
      last = m.rssMiB;
      max = Math.max(max, m.rssMiB);
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { maxRssMiB: max, lastRssMiB: last };
    },
  };
}
