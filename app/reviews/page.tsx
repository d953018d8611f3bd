import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listReviews, reviewStatusSchema } from "@/app/_server/reviews/list-reviews";
import { AppShell } from "@/components/app-shell";
import { dateTimeFormat } from "@/components/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviews");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The review queue: pending changes, oldest first; other statuses by filter. */
export default async function ReviewsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePageSession("flow.view", "/reviews");
  const query = await searchParams;
  const status = reviewStatusSchema.catch("pending").parse(query.status);
  const reviews = await listReviews(session, { status });
  const t = await getTranslations("reviews");
  const tStatus = await getTranslations("versionStatus");
  const format = await getFormatter();
  return (
    <AppShell session={session}>
      <div className="stack">
        <h1>{t("title")}</h1>
        <div className="row">
          <span className="muted">{t("filter")}</span>
          {reviewStatusSchema.options.map((option) =>
            option === status ? (
              <strong key={option}>{tStatus(option)}</strong>
            ) : (
              <Link key={option} href={`/reviews?status=${option}`}>
                {tStatus(option)}
              </Link>
            ),
          )}
        </div>
        {reviews.length === 0 ? (
          <div className="card muted" style={{ padding: 20 }}>
            {t("queueEmpty")}
          </div>
        ) : (
          <div className="card">
            <table className="data" data-testid="review-queue">
              <thead>
                <tr>
                  <th>{t("flow")}</th>
                  <th>{t("version")}</th>
                  <th>{t("note")}</th>
                  <th>{t("submittedBy")}</th>
                  <th>{t("submittedAt")}</th>
                  <th>{t("comments")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {reviews.map((review) => (
                  <tr key={review.id} data-testid="review-row" data-review-id={review.id}>
                    <td>{review.flowName}</td>
                    <td>v{review.versionNumber}</td>
                    <td style={{ whiteSpace: "pre-wrap", maxWidth: 360 }}>{review.note}</td>
                    <td>{review.submittedBy?.name ?? "?"}</td>
                    <td>{format.dateTime(new Date(review.submittedAt), dateTimeFormat)}</td>
                    <td>{review.commentCount}</td>
                    <td>
                      <Link className="button" href={`/history/${encodeURIComponent(review.flowId)}/reviews/${encodeURIComponent(review.id)}`}>
                        {t("open")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </AppShell>
  );
}
