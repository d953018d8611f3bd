import type { ImportTarget } from "@/app/_server/csv-import/map-columns";

/** The contact's own columns, tried before the per-column contact fields so a "电话" column is the phone, not a field. */
const CONTACT_COLUMNS: readonly ImportTarget[] = [
  { key: "phone", required: true, aliases: ["电话", "手机", "手机号", "号码", "电话号码", "联系电话", "phone number", "mobile", "tel"] },
  { key: "name", required: false, aliases: ["姓名", "名字", "联系人", "客户姓名"] },
  { key: "timeZone", required: false, aliases: ["时区", "timezone", "time zone", "zone"] },
];

const FIELD_PREFIX = "fields.";
/** Contact field names are at most this long (the JSON endpoint's limit). */
export const FIELD_NAME_LIMIT = 64;

export const contactFieldTarget = (name: string) => `${FIELD_PREFIX}${name}`;

/** The field a `fields.<name>` target writes, or null for the contact's own columns. */
export const contactFieldName = (key: string): string | null => (key.startsWith(FIELD_PREFIX) ? key.slice(FIELD_PREFIX.length) : null);

const isContactColumn = (cell: string) => CONTACT_COLUMNS.some((column) => [column.key, ...column.aliases].some((name) => name.toLowerCase() === cell.toLowerCase()));

/** Phone, name and time zone, then one contact field per other named column (its header is the field's name). */
export function contactImportTargets(header: readonly string[]): ImportTarget[] {
  const names = [...new Set(header.filter((cell) => cell !== "" && cell.length <= FIELD_NAME_LIMIT && !isContactColumn(cell)))];
  return [...CONTACT_COLUMNS, ...names.map((name) => ({ key: contactFieldTarget(name), required: false, aliases: [name] }))];
}
