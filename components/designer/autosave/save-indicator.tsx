"use client";

import { useTranslations } from "next-intl";
import { useStore } from "zustand";
import type { Autosave } from "./autosave";

/** "Saved" / "Saving…" / "Unsaved changes" next to the flow's name. */
export function SaveIndicator({ autosave, readOnly }: { autosave: Autosave; readOnly: boolean }) {
  const t = useTranslations("designer.save");
  const state = useStore(autosave.status, (status) => status.state);
  if (readOnly) return <span className="save-indicator">{t("readOnly")}</span>;
  return (
    <span className={`save-indicator is-${state}`} data-testid="save-status" data-state={state} role="status">
      {t(state)}
    </span>
  );
}
