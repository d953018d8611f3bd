import type { z } from "zod";
import { isIssueCode, type IssueCode } from "../../i18n/en";

export type ZodIssue = z.core.$ZodIssue;

export const issuePath = (issue: ZodIssue): (string | number)[] =>
  issue.path.map((segment) => (typeof segment === "number" ? segment : String(segment)));

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = Object.getOwnPropertyDescriptor(current, segment)?.value;
  }
  return current;
}

const primitiveList = (values: readonly unknown[]): string => values.map((value) => (value === null ? "empty" : String(value))).join(", ");

/** Translates one zod issue on a node's settings into an issue code with message params. */
export function settingIssue(issue: ZodIssue, data: unknown): { code: IssueCode; params: Record<string, string | number> } {
  const detail = { detail: issue.message };
  switch (issue.code) {
    case "invalid_type":
      if (valueAt(data, issuePath(issue)) === undefined) return { code: "setting-required", params: {} };
      return { code: "setting-wrong-type", params: { expected: String(issue.expected) } };
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? { code: "setting-required", params: {} } : { code: "setting-too-short", params: { minimum } };
      if (issue.origin === "array") return { code: "setting-too-few", params: { minimum } };
      return { code: "setting-too-small", params: { minimum } };
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return { code: "setting-too-long", params: { maximum } };
      if (issue.origin === "array") return { code: "setting-too-many", params: { maximum } };
      return { code: "setting-too-big", params: { maximum } };
    }
    case "invalid_value":
      return { code: "setting-invalid-choice", params: { options: primitiveList(issue.values) } };
    case "invalid_union":
      if ("options" in issue && issue.options !== undefined && issue.options.length > 0) {
        return { code: "setting-invalid-choice", params: { options: primitiveList(issue.options) } };
      }
      return { code: "setting-invalid", params: detail };
    case "custom": {
      const { code, ...rest } = issue.params ?? {};
      if (typeof code !== "string" || !isIssueCode(code)) return { code: "setting-invalid", params: detail };
      const params: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(rest)) {
        if (typeof value === "string" || typeof value === "number") params[key] = value;
      }
      return { code, params };
    }
    default:
      return { code: "setting-invalid", params: detail };
  }
}
