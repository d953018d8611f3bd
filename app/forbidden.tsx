import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main className="page">
      <div className="card stack" style={{ padding: 24, maxWidth: 560, margin: "48px auto" }}>
        <h1>{t("title")}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t("body")}
        </p>
        <div className="row">
          <Link href="/account">{t("account")}</Link>
        </div>
      </div>
    </main>
  );
}
