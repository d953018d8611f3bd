import { readFileSync } from "node:fs";

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux this runs on.
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in seconds; null when it is gone. */
export function readCpuSeconds(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / TICKS_PER_SECOND : null;
}
