import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import en from "@/app/_i18n/messages/en.json";

const detailsSchema = z.record(z.string(), z.unknown()).catch({});

type DetailKey = keyof typeof en.audit.detailKeys;
const isDetailKey = (key: string): key is DetailKey => Object.hasOwn(en.audit.detailKeys, key);

/** An audit entry's details as named fields in the UI's language; the values are shown as recorded. */
export async function AuditDetails({ details }: { details: unknown }) {
  const t = await getTranslations("audit.detailKeys");
  const separator = (await getLocale()) === "en" ? ": " : "：";
  const entries = Object.entries(detailsSchema.parse(details));
  return (
    <dl className="audit-details small">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt style={{ display: "inline" }}>{isDetailKey(key) ? t(key) : key}
            {separator}
          </dt>
          <dd style={{ display: "inline", margin: 0 }}>
            <code style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{typeof value === "string" ? value : JSON.stringify(value)}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
