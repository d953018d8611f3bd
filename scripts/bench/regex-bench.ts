// Match time of the exponential patterns from the security review, on the linear-time engine
// (flows-runtime/expressions/linear-regex) and, where it finishes, on JavaScript's backtracking RegExp.
//   npx tsx scripts/bench/regex-bench.ts
// Numbers are wall time on whatever the machine is doing; on a shared machine they are noisy.
import { compileLinearRegex } from "../../flows-runtime/expressions/linear-regex/linear-regex";

interface Case {
  name: string;
  pattern: string;
  whole: boolean;
  input: (keys: number) => string;
}

const CASES: Case[] = [
  { name: 'matches(x, "(a|a)*$")', pattern: "(a|a)*$", whole: false, input: (n) => `${"a".repeat(n)}!` },
  { name: "collect pattern (1|1)*2", pattern: "(1|1)*2", whole: true, input: (n) => `${"1".repeat(n)}3` },
];
const KEYS = [24, 60];
/** Past this many keys the backtracking engine would run for hours: it is measured only below. */
const NATIVE_MAX_KEYS = 26;

function bestOf(runs: number, run: () => boolean): { ms: number; result: boolean } {
  let best = Infinity;
  let result = false;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    result = run();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, result };
}

for (const c of CASES) {
  const compiled = compileLinearRegex(c.pattern, { whole: c.whole });
  if (!compiled.ok) throw new Error(`${c.pattern}: ${compiled.error.message}`);
  const linear = compiled.regex;
  const native = new RegExp(c.whole ? `^(?:${c.pattern})$` : c.pattern);
  for (const keys of KEYS) {
    const input = c.input(keys);
    const ours = bestOf(5, () => linear.test(input));
    const line = [`${c.name.padEnd(26)} ${String(keys).padStart(3)} keys`, `linear ${ours.ms.toFixed(3)} ms (${ours.result})`];
    if (keys <= NATIVE_MAX_KEYS) {
      const theirs = bestOf(1, () => native.test(input));
      line.push(`RegExp ${theirs.ms.toFixed(1)} ms (${theirs.result})`);
    } else {
      line.push(`RegExp not run (about 2^${keys - NATIVE_MAX_KEYS} times its ${NATIVE_MAX_KEYS}-key time)`);
    }
    console.log(line.join("   "));
  }
}
