"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PublishDialog, type PublishTarget } from "./publish-dialog";

/** After approval: publish from the review itself, through the confirmation. */
export function ReviewPublish({ target }: { target: PublishTarget }) {
  const t = useTranslations("readableReview");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [published, setPublished] = useState(false);
  if (published) {
    return (
      <div className="alert success" role="status" data-testid="review-published">
        {t("publishedNotice", { number: target.versionNumber })}
      </div>
    );
  }
  return (
    <div className="card stack" style={{ padding: 16 }} id="publish" data-testid="review-publish">
      <div>{t("approvedReady")}</div>
      <div className="row">
        <button type="button" className="primary" onClick={() => setOpen(true)} data-testid="review-publish-open">
          {t("publishOpen", { number: target.versionNumber })}
        </button>
      </div>
      {open && (
        <PublishDialog
          target={target}
          onClose={() => setOpen(false)}
          onPublished={() => {
            setOpen(false);
            setPublished(true);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}
