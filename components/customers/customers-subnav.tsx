import Link from "next/link";
import { getTranslations } from "next-intl/server";

const pages = [
  ["customers", "/admin/customers"],
  ["fields", "/admin/customers/fields"],
] as const;

export async function CustomersSubnav({ current }: { current: (typeof pages)[number][0] }) {
  const t = await getTranslations("customers");
  return (
    <nav className="row" aria-label={t("title")}>
      {pages.map(([key, href]) =>
        key === current ? (
          <strong key={key} aria-current="page">
            {key === "fields" ? t("nav.fields") : t("nav.customers")}
          </strong>
        ) : (
          <Link key={key} href={href}>
            {key === "fields" ? t("nav.fields") : t("nav.customers")}
          </Link>
        ),
      )}
    </nav>
  );
}
