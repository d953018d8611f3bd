import { z } from "zod";

/** A node's settings schema as the form renders it, read from zod's JSON Schema output. */
export type FieldSpec =
  | { kind: "string"; options: string[] | null; minLength: number; defaultValue: unknown }
  | { kind: "number"; integer: boolean; minimum: number | null; maximum: number | null; defaultValue: unknown }
  | { kind: "boolean"; defaultValue: unknown }
  | { kind: "object"; properties: { name: string; spec: FieldSpec; required: boolean }[]; defaultValue: unknown }
  | { kind: "array"; items: FieldSpec; minItems: number; maxItems: number | null; defaultValue: unknown }
  | { kind: "union"; discriminator: string; variants: { value: string; spec: Extract<FieldSpec, { kind: "object" }> }[]; defaultValue: unknown }
  | { kind: "nullable"; inner: FieldSpec; defaultValue: unknown }
  | { kind: "unknown"; defaultValue: unknown };

export type ObjectSpec = Extract<FieldSpec, { kind: "object" }>;

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const numberOr = <T>(value: unknown, fallback: T): number | T => (typeof value === "number" ? value : fallback);

function variantsOf(list: unknown[]): { discriminator: string; variants: { value: string; spec: ObjectSpec }[] } | null {
  const specs = list.map(toFieldSpec);
  const objects = specs.filter((spec): spec is ObjectSpec => spec.kind === "object");
  if (objects.length !== specs.length || objects.length === 0) return null;
  const first = list[0];
  const candidates = isRecord(first) && isRecord(first.properties) ? Object.keys(first.properties) : [];
  for (const discriminator of candidates) {
    const values = list.map((item) => (isRecord(item) && isRecord(item.properties) && isRecord(item.properties[discriminator]) ? item.properties[discriminator].const : undefined));
    if (values.every((value): value is string => typeof value === "string")) {
      return { discriminator, variants: values.map((value, index) => ({ value, spec: objects[index] ?? objects[0] ?? { kind: "object", properties: [], defaultValue: undefined } })) };
    }
  }
  return null;
}

/** Reads the subset of JSON Schema that z.toJSONSchema produces for node settings. */
export function toFieldSpec(schema: unknown): FieldSpec {
  if (!isRecord(schema)) return { kind: "unknown", defaultValue: undefined };
  const defaultValue = schema.default;
  const alternatives = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null;
  if (alternatives !== null) {
    const nonNull = alternatives.filter((alternative) => !(isRecord(alternative) && alternative.type === "null"));
    if (nonNull.length < alternatives.length && nonNull.length === 1) return { kind: "nullable", inner: toFieldSpec(nonNull[0]), defaultValue };
    const union = variantsOf(nonNull);
    if (union !== null) return { kind: "union", ...union, defaultValue };
    return { kind: "unknown", defaultValue };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== "null");
    const inner = toFieldSpec({ ...schema, type: types[0], default: undefined });
    return types.length < schema.type.length ? { kind: "nullable", inner, defaultValue } : inner;
  }
  switch (schema.type) {
    case "string": {
      const options = Array.isArray(schema.enum) ? schema.enum.filter((value): value is string => typeof value === "string") : typeof schema.const === "string" ? [schema.const] : null;
      return { kind: "string", options, minLength: numberOr(schema.minLength, 0), defaultValue };
    }
    case "integer":
    case "number":
      return { kind: "number", integer: schema.type === "integer", minimum: numberOr(schema.minimum, null), maximum: numberOr(schema.maximum, null), defaultValue };
    case "boolean":
      return { kind: "boolean", defaultValue };
    case "array":
      return { kind: "array", items: toFieldSpec(schema.items), minItems: numberOr(schema.minItems, 0), maxItems: numberOr(schema.maxItems, null), defaultValue };
    case "object": {
      const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === "string") : []);
      const properties = isRecord(schema.properties) ? Object.entries(schema.properties) : [];
      return { kind: "object", properties: properties.map(([name, spec]) => ({ name, spec: toFieldSpec(spec), required: required.has(name) })), defaultValue };
    }
    default:
      return { kind: "unknown", defaultValue };
  }
}

const cache = new WeakMap<z.ZodType, FieldSpec>();

/** The form spec of a zod schema (input side: defaults are optional), cached per schema. */
export function fieldSpecOf(schema: z.ZodType): FieldSpec {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const spec = toFieldSpec(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  cache.set(schema, spec);
  return spec;
}

/** A new value for a field: its default, else the smallest valid-looking value (empty text, first choice…). */
export function initialValue(spec: FieldSpec): unknown {
  if (spec.defaultValue !== undefined) return structuredClone(spec.defaultValue);
  switch (spec.kind) {
    case "string":
      return spec.options?.[0] ?? "";
    case "number":
      return spec.minimum ?? 0;
    case "boolean":
      return false;
    case "nullable":
      return null;
    case "array":
      return [];
    case "object":
      return Object.fromEntries(spec.properties.filter((property) => property.required).map((property) => [property.name, initialValue(property.spec)]));
    case "union": {
      const variant = spec.variants[0];
      return variant === undefined ? {} : variantValue(spec.discriminator, variant.value, variant.spec);
    }
    case "unknown":
      return undefined;
  }
}

export function variantValue(discriminator: string, value: string, spec: ObjectSpec): Record<string, unknown> {
  const base = initialValue(spec);
  return { ...(isRecord(base) ? base : {}), [discriminator]: value };
}
