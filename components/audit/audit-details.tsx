import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import en from "@/app/_i18n/messages/en.json";
import { flowActions } from "@/app/_server/auth/permissions";
import { reviewDetailKeys, userDetailKeys, versionDetailKeys, type AuditNames } from "@/app/_server/audit/audit-names";

const detailsSchema = z.record(z.string(), z.unknown()).catch({});

type DetailKey = keyof typeof en.audit.detailKeys;
const isDetailKey = (key: string): key is DetailKey => Object.hasOwn(en.audit.detailKeys, key);
type Reason = keyof typeof en.audit.values.reasons;
const isReason = (value: unknown): value is Reason => typeof value === "string" && Object.hasOwn(en.audit.values.reasons, value);

const hiddenKeys: readonly string[] = ["commentId"];
const oneOf = (keys: readonly string[], key: string): boolean => keys.includes(key);
const idsIn = (value: unknown): string[] | null =>
  typeof value === "string" ? [value] : Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;

function DetailValue({ shown }: { shown: { text: string; asRecorded: boolean } }) {
  return (
    <dd style={{ display: "inline", margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-word" }} data-user-data={shown.asRecorded ? "" : undefined}>
      {shown.text}
    </dd>
  );
}

/** An audit entry's details as named fields in the UI's language, ids as the names and numbers people know. */
export async function AuditDetails({ details, names }: { details: unknown; names: AuditNames }) {
  const t = await getTranslations("audit");
  const tKinds = await getTranslations("entryPoints.kinds");
  const tPermissions = await getTranslations("permissions");
  const permissionName = (scope: string): string => {
    const known = flowActions.find((action) => action === scope);
    return known === undefined ? scope : tPermissions(known);
  };
  const locale = await getLocale();
  const separator = locale === "en" ? ": " : "：";
  const list = locale === "en" ? ", " : "、";
  // Nothing to read in an empty value or in an id that names nothing a person knows (a comment's id).
  const entries = Object.entries(detailsSchema.parse(details)).filter(([key, value]) => value !== null && !(Array.isArray(value) && value.length === 0) && !hiddenKeys.includes(key));

  /** A value in words, and whether it is shown as recorded (user data: notes, names, numbers). */
  const show = (key: string, value: unknown): { text: string; asRecorded: boolean } => {
    const worded = word(key, value);
    return worded === null ? { text: asRecorded(value), asRecorded: true } : { text: worded, asRecorded: false };
  };
  const asRecorded = (value: unknown): string => {
    if (typeof value === "string" || typeof value === "number") return String(value);
    if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) return value.join(list);
    return JSON.stringify(value);
  };
  const word = (key: string, value: unknown): string | null => {
    const ids = idsIn(value);
    if (ids !== null && oneOf(versionDetailKeys, key)) return ids.map((id) => (names.versions[id] === undefined ? id : t("values.version", { number: names.versions[id] }))).join(list);
    if (ids !== null && oneOf(userDetailKeys, key)) return ids.map((id) => names.users[id] ?? id).join(list);
    if (ids !== null && oneOf(reviewDetailKeys, key)) return ids.map((id) => (names.reviews[id] === undefined ? id : t("values.review", { number: names.reviews[id] }))).join(list);
    if (key === "tokenId" && typeof value === "string") return names.apiTokens[value] ?? value;
    if (key === "kind" && (value === "did" || value === "stasis-arg")) return tKinds(value);
    if (key === "reason" && isReason(value)) return t(`values.reasons.${value}`);
    if (typeof value === "boolean") return value ? t("values.yes") : t("values.no");
    if (key === "scopes" && ids !== null) return ids.map((scope) => permissionName(scope)).join(list);
    return null;
  };

  return (
    <dl className="audit-details small">
      {entries.map(([key, value]) => (
        <div key={key} data-detail={key}>
          <dt style={{ display: "inline" }}>
            {isDetailKey(key) ? t(`detailKeys.${key}`) : key}
            {separator}
          </dt>
          <DetailValue shown={show(key, value)} />
        </div>
      ))}
    </dl>
  );
}
