import Link from "next/link";
import { getTranslations } from "next-intl/server";

const pages = [
  ["queues", "/admin/queues"],
  ["skills", "/admin/queues/skills"],
  ["agents", "/admin/queues/agents"],
  ["reasons", "/admin/queues/reasons"],
  ["dispositions", "/admin/queues/dispositions"],
] as const;

/** Links between the queue administration pages. */
export async function QueuesSubnav({ current }: { current: (typeof pages)[number][0] }) {
  const t = await getTranslations("queues.nav");
  return (
    <nav className="row" aria-label={t("queues")}>
      {pages.map(([key, href]) =>
        key === current ? (
          <strong key={key} aria-current="page">
            {t(key)}
          </strong>
        ) : (
          <Link key={key} href={href}>
            {t(key)}
          </Link>
        ),
      )}
    </nav>
  );
}
