import type { PathSegment } from "./types";

const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quoted(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** RFC 9535 JSONPath: `$.options[?@.key=='3'].label`, `$.prompt[0].text`, `$['odd key']`. */
export function formatJsonPath(path: readonly PathSegment[]): string {
  let text = "$";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string") text += NAME.test(segment) ? `.${segment}` : `[${quoted(segment)}]`;
    else {
      const field = NAME.test(segment.by) ? `@.${segment.by}` : `@[${quoted(segment.by)}]`;
      const value = typeof segment.value === "number" ? String(segment.value) : quoted(segment.value);
      text += `[?${field}==${value}]`;
    }
  }
  return text;
}
