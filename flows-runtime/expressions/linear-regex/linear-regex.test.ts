import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLinearRegex } from "./linear-regex";

function compiled(source: string, whole = false) {
  const result = compileLinearRegex(source, { whole });
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.regex;
}

/** Wall time of one run; only compared against a bound no backtracking engine could meet. */
function timeMs(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe("linear-time regular expressions", () => {
  const cases: [string, string[]][] = [
    ["^\\d{4}$", ["1234", "123", "12345", "12a4", ""]],
    ["a|b|cd", ["a", "xb", "c", "cd", ""]],
    ["^(\\d{3})-(\\d{4})$", ["555-1234", "5551234", "555-12345"]],
    ["[^0-9]+", ["123", "12a", ""]],
    ["colou?r", ["color", "colour", "colouur"]],
    ["^[A-Za-z_][A-Za-z0-9_]*$", ["abc", "_1", "1a", "a-b"]],
    ["\\bcat\\b", ["a cat sat", "concat", "cat", "cats"]],
    ["\\Bcat", ["concat", "cat"]],
    ["^.+$", ["abc", "a\nb", ""]],
    ["x{2,3}y", ["xy", "xxy", "xxxxy"]],
    ["(?:ab)+c", ["abababc", "ac", "abc"]],
    ["(?<area>\\d{3})\\s\\d+", ["010 1234", "0101234"]],
    ["[\\d-z]", ["-", "5", "z", "a"]],
    ["[a\\-z]", ["-", "b"]],
    ["\\x41\\u4e2d", ["A中", "B中"]],
    ["a{,2}", ["a{,2}", "aa"]],
    ["^$", ["", "a"]],
    ["(a|)+b", ["aab", "b", "c"]],
    ["(a*)*b", ["aaab", "aaaa"]],
    ["[]a]", ["]", "a"]],
  ];
  it("agrees with JavaScript's RegExp on ordinary patterns", () => {
    for (const [source, inputs] of cases) {
      const native = new RegExp(source);
      const ours = compiled(source);
      const whole = compiled(source, true);
      const nativeWhole = new RegExp(`^(?:${source})$`);
      for (const input of inputs) {
        expect(ours.test(input), `${source} on ${JSON.stringify(input)}`).toBe(native.test(input));
        expect(whole.test(input), `whole ${source} on ${JSON.stringify(input)}`).toBe(nativeWhole.test(input));
      }
    }
  });

  it("agrees with RegExp on random small patterns and inputs", () => {
    const atom = fc.constantFrom("a", "b", ".", "[ab]", "[^a]", "\\d", "1", "\\w", "^", "$", "\\b");
    const pattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        atom,
        fc.tuple(tie("node"), tie("node")).map(([a, b]) => `${a}${b}`),
        fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(?:${a}|${b})`),
        fc.tuple(tie("node"), fc.constantFrom("*", "+", "?", "{2}", "{1,3}", "{0,}", "*?")).map(([a, q]) => `(?:${a})${q}`),
      ),
    })).node;
    fc.assert(
      fc.property(pattern, fc.array(fc.constantFrom("a", "b", "1", " ", "\n"), { maxLength: 8 }), (source, chars) => {
        const input = chars.join("");
        expect(compiled(source).test(input)).toBe(new RegExp(source).test(input));
        expect(compiled(source, true).test(input)).toBe(new RegExp(`^(?:${source})$`).test(input));
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps a ) in the pattern from escaping the whole-input anchors", () => {
    const whole = compileLinearRegex("1)|(2", { whole: true });
    expect(whole.ok).toBe(false);
  });

  it("matches the exponential patterns in linear time", () => {
    // Backtracking engines double their time per extra key on these; the NFA's time grows with the input.
    const evil: [string, (n: number) => string, boolean][] = [
      ["(a|a)*$", (n) => `${"a".repeat(n)}!`, true],
      ["^(a|a)*$", (n) => `${"a".repeat(n)}!`, false],
      ["(1|1)*2", (n) => "1".repeat(n), false],
      ["(a+)+b", (n) => "a".repeat(n), false],
      ["(\\d*)*x", (n) => "1".repeat(n), false],
    ];
    for (const [source, input, expected] of evil) {
      const regex = compiled(source);
      expect(regex.test(input(60)), source).toBe(expected);
      const long = timeMs(() => regex.test(input(1000)));
      // 1,000 keys would take longer than the age of the universe when backtracking.
      expect(long, source).toBeLessThan(2_000);
    }
    expect(compiled("(1|1)*2", true).test(`${"1".repeat(60)}2`)).toBe(true);
  });

  it("refuses backreferences and lookaround with the reason and where", () => {
    const refused: [string, string, number][] = [
      ["(a)\\1", "backreferences", 3],
      ["(?<x>a)\\k<x>", "backreferences", 7],
      ["a(?=b)", "lookahead", 1],
      ["a(?!b)", "lookahead", 1],
      ["(?<=a)b", "lookahead", 0],
      ["(?<!a)b", "lookahead", 0],
      ["a{1001}", "above 1000", 1],
    ];
    for (const [source, words, position] of refused) {
      const result = compileLinearRegex(source);
      expect(result.ok, source).toBe(false);
      if (!result.ok) {
        expect(result.error.kind, source).toBe("unsupported");
        expect(result.error.message, source).toContain(words);
        expect(result.error.position, source).toBe(position);
      }
    }
  });

  it("reports syntax errors like RegExp does", () => {
    for (const source of ["(", "a)", "[a-", "*a", "a**", "[z-a]", "\\", "a{3,2}", "(?x)"]) {
      const result = compileLinearRegex(source);
      expect(result.ok, source).toBe(false);
      if (!result.ok) expect(result.error.kind, source).toBe("invalid");
    }
  });

  it("refuses patterns whose expanded repetitions would be huge", () => {
    const result = compileLinearRegex("(a{1000}){1000}");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("too large");
  });
});
