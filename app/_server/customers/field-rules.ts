import { z } from "zod";
import type { AppLocale } from "@/app/_i18n/locales";

export const customerFieldTypes = ["text", "number", "date", "choice"] as const;

/** A field of the administrator's list, as the rules need it. */
export interface FieldRule {
  key: string;
  labelZh: string;
  labelEn: string;
  type: (typeof customerFieldTypes)[number];
  options: readonly string[];
  required: boolean;
}

export interface AttributeProblem {
  /** "attributes.<key>". */
  field: string;
  message: string;
}

type Problem = "required" | "unknown" | "not-text" | "too-long" | "not-number" | "not-date" | "not-option";

const MAX_TEXT = 1000;

const MESSAGES: Record<Problem, { en: string; zh: string }> = {
  required: { en: "{label} is required", zh: "{label}为必填项" },
  unknown: { en: "{label} is not a customer field (add it to the field list first)", zh: "{label}不是客户字段（请先在字段列表中添加）" },
  "not-text": { en: "{label} must be text", zh: "{label}必须是文本" },
  "too-long": { en: `{label} can have at most ${MAX_TEXT} characters`, zh: `{label}最多 ${MAX_TEXT} 个字符` },
  "not-number": { en: "{label} must be a number", zh: "{label}必须是数字" },
  "not-date": { en: "{label} must be a date like 2026-12-31", zh: "{label}必须是日期，例如 2026-12-31" },
  "not-option": { en: "{label} must be one of: {options}", zh: "{label}必须是以下之一：{options}" },
};

const isCalendarDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

type Checked = { ok: true; value: string | number } | { ok: false; problem: Problem };

/** One value against its field; text from a CSV cell is accepted for numbers ("12.5") too. */
function checkValue(rule: FieldRule, value: unknown): Checked {
  switch (rule.type) {
    case "text":
      if (typeof value !== "string") return { ok: false, problem: "not-text" };
      return value.length > MAX_TEXT ? { ok: false, problem: "too-long" } : { ok: true, value };
    case "number": {
      const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : Number.NaN;
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, problem: "not-number" };
    }
    case "date":
      return typeof value === "string" && isCalendarDate(value.trim()) ? { ok: true, value: value.trim() } : { ok: false, problem: "not-date" };
    case "choice":
      return typeof value === "string" && rule.options.includes(value) ? { ok: true, value } : { ok: false, problem: "not-option" };
  }
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

function message(problem: Problem, label: string, rule: FieldRule | null, locale: AppLocale): string {
  const template = locale === "en" ? MESSAGES[problem].en : MESSAGES[problem].zh;
  return template.replace("{label}", label).replace("{options}", (rule?.options ?? []).join(locale === "en" ? ", " : "、"));
}

export type CheckedAttributes = { ok: true; attributes: Record<string, string | number> } | { ok: false; problems: AttributeProblem[] };

/**
 * Free attributes against the administrator's field list: every key must be a field, every required
 * field present, every value of its field's type. Empty values are left out. Messages name the field
 * by its label in the reader's language.
 */
export function checkAttributes(rules: readonly FieldRule[], attributes: Record<string, unknown>, locale: AppLocale): CheckedAttributes {
  const problems: AttributeProblem[] = [];
  const result: Record<string, string | number> = {};
  const labelOf = (rule: FieldRule) => (locale === "en" ? rule.labelEn : rule.labelZh);
  for (const key of Object.keys(attributes)) {
    if (!rules.some((rule) => rule.key === key)) problems.push({ field: `attributes.${key}`, message: message("unknown", key, null, locale) });
  }
  for (const rule of rules) {
    const value = Object.hasOwn(attributes, rule.key) ? attributes[rule.key] : undefined;
    if (isEmpty(value)) {
      if (rule.required) problems.push({ field: `attributes.${rule.key}`, message: message("required", labelOf(rule), rule, locale) });
      continue;
    }
    const checked = checkValue(rule, value);
    if (checked.ok) result[rule.key] = checked.value;
    else problems.push({ field: `attributes.${rule.key}`, message: message(checked.problem, labelOf(rule), rule, locale) });
  }
  return problems.length === 0 ? { ok: true, attributes: result } : { ok: false, problems };
}

/** The field list's own input: a key usable as `customer.attributes.<key>`, labels in both languages, options for a choice. */
export const customerFieldInputSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "must start with a letter and contain only letters, digits and _ (at most 64)"),
    labelZh: z.string().trim().min(1, "is required").max(100),
    labelEn: z.string().trim().min(1, "is required").max(100),
    type: z.enum(customerFieldTypes),
    options: z.array(z.string().trim().min(1, "is required").max(100)).max(100).default([]),
    required: z.boolean().default(false),
    position: z.number().int().min(0).max(10000).default(0),
  })
  .superRefine((field, ctx) => {
    if (field.type === "choice" && field.options.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "a choice field needs at least one option" });
    if (field.type !== "choice" && field.options.length > 0) ctx.addIssue({ code: "custom", path: ["options"], message: "only a choice field has options" });
    if (new Set(field.options).size !== field.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "must not repeat an option" });
  });
export type CustomerFieldInput = z.infer<typeof customerFieldInputSchema>;
