import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="page">
      <div className="card stack" style={{ padding: 24, maxWidth: 560, margin: "48px auto" }}>
        <h1>{t("title")}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t("body")}
        </p>
        <div className="row">
          <Link href="/">{t("home")}</Link>
        </div>
      </div>
    </main>
  );
}
