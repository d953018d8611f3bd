import type { ImportTarget } from "@/app/_server/csv-import/map-columns";
import type { FieldRule } from "./field-rules";

/** Columns of a customer file; the export writes these headers (in the reader's language), so its files import as they are. */
export const BASE_COLUMNS = [
  { key: "name", required: true, zh: "姓名", en: "Name", aliases: ["客户名称", "客户姓名", "名字"] },
  { key: "phones", required: true, zh: "电话", en: "Phones", aliases: ["手机", "手机号", "电话号码", "phone", "mobile"] },
  { key: "memberLevel", required: false, zh: "会员等级", en: "Member level", aliases: ["等级", "tier", "level"] },
  { key: "tags", required: false, zh: "标签", en: "Tags", aliases: ["tag"] },
  { key: "timeZone", required: false, zh: "时区", en: "Time zone", aliases: ["timezone"] },
  { key: "preferredLanguage", required: false, zh: "首选语言", en: "Preferred language", aliases: ["语言", "language"] },
] as const;

export const attributeTarget = (key: string) => `attributes.${key}`;

export function customerImportTargets(fields: readonly FieldRule[]): ImportTarget[] {
  return [
    ...BASE_COLUMNS.map((column) => ({ key: column.key, required: column.required, aliases: [column.zh, column.en, ...column.aliases] })),
    ...fields.map((field) => ({ key: attributeTarget(field.key), required: false, aliases: [field.key, field.labelZh, field.labelEn] })),
  ];
}

/** Several values in one cell: phones and tags are separated by ; or , (either width), 、 or |. */
export const splitList = (cell: string): string[] =>
  cell
    .split(/[;；,，、|]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
