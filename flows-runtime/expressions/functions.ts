import type { ValueType } from "./ast";
import { toDisplayString } from "./display";
import { valuesEqual } from "./equality";
import { MAX_REGEX_INPUT_LENGTH } from "./limits";
import { compileUserRegex } from "./regex";
import { describeValue, readOwnProperty } from "./values";

export type Fail = (code: string, message: string) => never;

export interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  /** Static types accepted per argument, for the type checker; the last entry repeats for variadic functions. */
  params: ValueType[][];
  returns: (argTypes: ValueType[]) => ValueType;
  /** Pure; arguments are already evaluated. */
  call: (args: unknown[], fail: Fail) => unknown;
}

const TEXT: ValueType[] = ["string"];
const NUMBER: ValueType[] = ["number"];
const ANYTHING: ValueType[] = ["string", "number", "boolean", "object", "null"];
/** Queries (len, contains, startsWith…) read a missing value as empty instead of failing the call. */
const TEXT_OR_NULL: ValueType[] = ["string", "null"];
const COLLECTION_OR_NULL: ValueType[] = ["string", "object", "null"];

const fixed = (type: ValueType) => (): ValueType => type;

function arg(args: unknown[], index: number): unknown {
  return index < args.length ? args[index] : undefined;
}

function stringArg(name: string, args: unknown[], index: number, fail: Fail): string {
  const value = arg(args, index);
  if (typeof value === "string") return value;
  return fail("type_error", `${name}() expects a string as argument ${index + 1}, got ${describeValue(value)}`);
}

function numberArg(name: string, args: unknown[], index: number, fail: Fail): number {
  const value = arg(args, index);
  if (typeof value === "number") return value;
  return fail("type_error", `${name}() expects a number as argument ${index + 1}, got ${describeValue(value)}`);
}

function integerArg(name: string, args: unknown[], index: number, fail: Fail): number {
  const value = numberArg(name, args, index, fail);
  if (Number.isInteger(value)) return value;
  return fail("type_error", `${name}() expects a whole number as argument ${index + 1}, got ${value}`);
}

/** Code points, so an emoji counts as one character in len() and substr(). */
const characters = (text: string): string[] => Array.from(text);

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!DECIMAL.test(text)) return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Half away from zero (2.5 -> 3, -2.5 -> -3), decimal-exact for values like 1.005. */
function roundTo(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  const shifted = text.includes("e") ? magnitude * 10 ** digits : Number(`${text}e${digits}`);
  if (!Number.isFinite(shifted)) return value;
  const rounded = Math.round(shifted);
  const back = text.includes("e") ? rounded / 10 ** digits : Number(`${rounded}e-${digits}`);
  const result = Math.sign(value) * back;
  return result === 0 ? 0 : result;
}

function numbersFrom(name: string, args: unknown[], fail: Fail): number[] {
  const only = args.length === 1 ? args[0] : undefined;
  const values: unknown[] = [];
  if (Array.isArray(only)) {
    for (let i = 0; i < only.length; i += 1) values.push(readOwnProperty(only, String(i)));
  } else {
    values.push(...args);
  }
  return values.map((value, index) => {
    if (typeof value === "number") return value;
    return fail("type_error", `${name}() expects numbers, but value ${index + 1} is ${describeValue(value)}`);
  });
}

function textUnary(name: string, transform: (text: string) => string): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: 1,
    params: [TEXT],
    returns: fixed("string"),
    call: (args, fail) => transform(stringArg(name, args, 0, fail)),
  };
}

function numberUnary(name: string, transform: (value: number) => number): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: 1,
    params: [NUMBER],
    returns: fixed("number"),
    call: (args, fail) => {
      const result = transform(numberArg(name, args, 0, fail));
      return result === 0 ? 0 : result;
    },
  };
}

function textQuery(name: string, test: (text: string, part: string) => boolean): FunctionSpec {
  return {
    minArgs: 2,
    maxArgs: 2,
    params: [TEXT_OR_NULL, TEXT],
    returns: fixed("boolean"),
    call: (args, fail) => {
      const part = stringArg(name, args, 1, fail);
      if (args[0] === null) return false;
      return test(stringArg(name, args, 0, fail), part);
    },
  };
}

function extreme(name: string, pick: (values: number[]) => number): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    params: [["number", "object"], NUMBER],
    returns: fixed("number"),
    call: (args, fail) => {
      const values = numbersFrom(name, args, fail);
      return values.length === 0 ? null : pick(values);
    },
  };
}

/** The only functions an expression can call; insertion order is the order shown to admins. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  [
    "len",
    {
      minArgs: 1,
      maxArgs: 1,
      params: [COLLECTION_OR_NULL],
      returns: fixed("number"),
      call: (args, fail) => {
        const value = args[0];
        if (value === null || value === undefined) return 0;
        if (typeof value === "string") return characters(value).length;
        if (Array.isArray(value)) return value.length;
        if (typeof value === "object") return Object.keys(value).length;
        return fail("type_error", `len() expects a string, a list or an object, got ${describeValue(value)}`);
      },
    },
  ],
  ["lower", textUnary("lower", (text) => text.toLowerCase())],
  ["upper", textUnary("upper", (text) => text.toUpperCase())],
  ["trim", textUnary("trim", (text) => text.trim())],
  [
    "contains",
    {
      minArgs: 2,
      maxArgs: 2,
      params: [COLLECTION_OR_NULL, ANYTHING],
      returns: fixed("boolean"),
      call: (args, fail) => {
        const [haystack, needle] = args;
        if (haystack === null || haystack === undefined) return false;
        if (typeof haystack === "string") return haystack.includes(stringArg("contains", args, 1, fail));
        if (Array.isArray(haystack)) {
          for (let i = 0; i < haystack.length; i += 1) {
            if (valuesEqual(readOwnProperty(haystack, String(i)), needle)) return true;
          }
          return false;
        }
        return fail("type_error", `contains() expects a string or a list as argument 1, got ${describeValue(haystack)}`);
      },
    },
  ],
  ["startsWith", textQuery("startsWith", (text, part) => text.startsWith(part))],
  ["endsWith", textQuery("endsWith", (text, part) => text.endsWith(part))],
  [
    "number",
    {
      minArgs: 1,
      maxArgs: 1,
      params: [ANYTHING],
      returns: fixed("number"),
      call: (args) => toNumber(args[0]),
    },
  ],
  [
    "string",
    {
      minArgs: 1,
      maxArgs: 1,
      params: [ANYTHING],
      returns: fixed("string"),
      call: (args) => toDisplayString(args[0]),
    },
  ],
  [
    "round",
    {
      minArgs: 1,
      maxArgs: 2,
      params: [NUMBER, NUMBER],
      returns: fixed("number"),
      call: (args, fail) => {
        const value = numberArg("round", args, 0, fail);
        const digits = args.length > 1 ? integerArg("round", args, 1, fail) : 0;
        if (digits < 0 || digits > 10) {
          return fail("type_error", `round() takes between 0 and 10 digits, got ${digits}`);
        }
        return roundTo(value, digits);
      },
    },
  ],
  ["floor", numberUnary("floor", Math.floor)],
  ["ceil", numberUnary("ceil", Math.ceil)],
  ["abs", numberUnary("abs", Math.abs)],
  ["min", extreme("min", (values) => values.reduce((a, b) => Math.min(a, b)))],
  ["max", extreme("max", (values) => values.reduce((a, b) => Math.max(a, b)))],
  [
    "default",
    {
      minArgs: 2,
      maxArgs: 2,
      params: [ANYTHING, ANYTHING],
      returns: ([value, fallback]) => {
        if (value === fallback && value !== undefined) return value;
        if (value === "null" && fallback !== undefined) return fallback;
        return "any";
      },
      call: ([value, fallback]) => (value === null || value === undefined || value === "" ? fallback : value),
    },
  ],
  [
    "matches",
    {
      minArgs: 2,
      maxArgs: 2,
      params: [TEXT_OR_NULL, TEXT],
      returns: fixed("boolean"),
      call: (args, fail) => {
        const pattern = stringArg("matches", args, 1, fail);
        const compiled = compileUserRegex(pattern);
        if (!compiled.ok) return fail(compiled.code, compiled.message);
        if (args[0] === null) return false;
        const text = stringArg("matches", args, 0, fail);
        if (text.length > MAX_REGEX_INPUT_LENGTH) {
          return fail(
            "input_too_long",
            `matches() checks text up to ${MAX_REGEX_INPUT_LENGTH} characters; this text has ${text.length}`,
          );
        }
        return compiled.regex.test(text);
      },
    },
  ],
  [
    "substr",
    {
      minArgs: 2,
      maxArgs: 3,
      params: [TEXT, NUMBER, NUMBER],
      returns: fixed("string"),
      call: (args, fail) => {
        const chars = characters(stringArg("substr", args, 0, fail));
        // Clamped rather than failing: substr(phone, len(phone) - 4) must not break on a short number.
        const start = Math.min(Math.max(integerArg("substr", args, 1, fail), 0), chars.length);
        const length = args.length > 2 ? Math.max(integerArg("substr", args, 2, fail), 0) : chars.length;
        return chars.slice(start, start + length).join("");
      },
    },
  ],
]);

export const FUNCTION_NAMES: readonly string[] = [...FUNCTIONS.keys()];
