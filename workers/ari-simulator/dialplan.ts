/**
 * Extension matching as in main/pbx.c (ext_cmp / _extension_match_core): a name matches itself; a
 * pattern starts with `_` and uses X (0-9), Z (1-9), N (2-9) in either case, [..] (a set with ranges), `.` (one or more
 * of anything) and `!` (zero or more).
 */
export function extensionMatches(pattern: string, exten: string): boolean {
  if (!pattern.startsWith("_")) return pattern === exten;
  let re = "^";
  const p = pattern.slice(1);
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const u = c.toUpperCase();
    if (u === "X") re += "[0-9]";
    else if (u === "Z") re += "[1-9]";
    else if (u === "N") re += "[2-9]";
    else if (c === ".") re += ".+";
    else if (c === "!") re += ".*";
    else if (c === "[") {
      const end = p.indexOf("]", i);
      if (end < 0) return false;
      re += `[${p.slice(i + 1, end).replace(/[\\^\]]/g, "\\$&")}]`;
      i = end;
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`${re}$`).test(exten);
}

/** The extension exists in the context of the simulated dialplan. */
export function dialplanHas(dialplan: Record<string, string[]>, context: string, exten: string): boolean {
  return (dialplan[context] ?? []).some((pattern) => extensionMatches(pattern, exten));
}
