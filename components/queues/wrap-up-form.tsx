"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import type { DispositionView } from "@/app/_server/queues/manage-dispositions";
import type { ReasonView } from "@/app/_server/queues/manage-reasons";
import { formatDuration } from "./format-duration";
import type { agentDeskSchema } from "./pushed-views";
import styles from "./agent-desk.module.css";

type Desk = z.output<typeof agentDeskSchema>;
type DeskCall = NonNullable<Desk["call"]>;

/** Wrap-up: the countdown, a disposition code and a note; saving ends wrap-up (available, or not ready). */
export function WrapUpForm({ desk, call, now, send, reasons, dispositions }: { desk: Desk; call: DeskCall; now: number; send: (url: string, method: string, body: unknown) => Promise<boolean>; reasons: ReasonView[]; dispositions: DispositionView[] }) {
  const t = useTranslations("agentDesk");
  const locale = useLocale();
  const choosable = reasons.filter((r) => r.active && !r.system);
  const [dispositionId, setDispositionId] = useState("");
  const [note, setNote] = useState(call.wrapUpNote ?? "");
  const [then, setThen] = useState<"available" | "not_ready">("available");
  const [reasonId, setReasonId] = useState(choosable[0]?.id ?? "");
  const name = (d: { nameZh: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.nameZh);
  const saved = dispositions.find((d) => d.code === call.disposition);
  const left = desk.wrapUpUntil === null ? null : desk.wrapUpUntil - now;
  return (
    <form
      className={`stack ${styles.wrapUp}`}
      data-testid="desk-wrap-up"
      onSubmit={(event) => {
        event.preventDefault();
        void send("/api/queues/agents/me/call/disposition", "PUT", { callId: call.id, dispositionId, note, then, reasonId: then === "not_ready" ? reasonId : null });
      }}
    >
      {desk.state === "wrap_up" && left !== null && (
        <div className={styles.countdown} data-testid="desk-wrap-up-countdown">
          {left > 0 ? t("wrapUpLeft", { time: formatDuration(left) }) : t("wrapUpOver")}
        </div>
      )}
      {saved && <div className="alert success" data-testid="desk-saved">{t("saved", { disposition: name(saved) })}</div>}
      <div className="row" style={{ alignItems: "flex-end" }}>
        <label>
          {t("disposition")}
          <select value={dispositionId} onChange={(event) => setDispositionId(event.target.value)} data-testid="desk-disposition" required>
            <option value="">{t("chooseDisposition")}</option>
            {dispositions
              .filter((d) => d.active)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {name(d)}
                </option>
              ))}
          </select>
        </label>
        <label className={styles.note}>
          {t("note")}
          <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={2000} data-testid="desk-note" />
        </label>
      </div>
      <div className="row">
        <span className="muted">{t("then")}</span>
        <label className="inline">
          <input type="radio" name="then" checked={then === "available"} onChange={() => setThen("available")} data-testid="desk-then-available" />
          {t("thenAvailable")}
        </label>
        <label className="inline">
          <input type="radio" name="then" checked={then === "not_ready"} onChange={() => setThen("not_ready")} data-testid="desk-then-not-ready" />
          {t("thenNotReady")}
        </label>
        {then === "not_ready" && (
          <select value={reasonId} onChange={(event) => setReasonId(event.target.value)} aria-label={t("reason")} data-testid="desk-then-reason">
            {choosable.map((reason) => (
              <option key={reason.id} value={reason.id}>
                {name(reason)}
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        <button type="submit" className="primary" disabled={dispositionId === ""} data-testid="desk-save">
          {t("save")}
        </button>
      </div>
    </form>
  );
}
