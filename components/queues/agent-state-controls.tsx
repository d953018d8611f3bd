"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import type { ReasonView } from "@/app/_server/queues/manage-reasons";
import { formatDuration } from "./format-duration";
import type { agentDeskSchema } from "./pushed-views";
import styles from "./agent-desk.module.css";

type Desk = z.output<typeof agentDeskSchema>;

/** The agent's state, how long they are in it, and signing in, out and taking a break with a reason. */
export function StateControls({ desk, now, reasons, send }: { desk: Desk; now: number; reasons: ReasonView[]; send: (url: string, method: string, body: unknown) => Promise<boolean> }) {
  const t = useTranslations("agentDesk");
  const tStates = useTranslations("queues.states");
  const locale = useLocale();
  const choosable = reasons.filter((r) => r.active && !r.system);
  const [reasonId, setReasonId] = useState(choosable[0]?.id ?? "");
  const reasonName = (id: string | null) => {
    const reason = reasons.find((r) => r.id === id);
    return reason === undefined ? null : locale === "en" ? reason.nameEn : reason.nameZh;
  };
  const setState = (state: "available" | "not_ready" | "offline") => void send("/api/queues/agents/me/state", "PUT", { state, reasonId: state === "not_ready" ? reasonId : null });
  const busy = desk.state === "offered" || desk.state === "on_call" || desk.state === "wrap_up";
  return (
    <section className={`card ${styles.stateCard}`}>
      <div className={styles.stateLine}>
        <span className={`${styles.state} ${styles[`state_${desk.state}`] ?? ""}`} data-testid="desk-state">
          {tStates(desk.state)}
          {desk.state === "not_ready" && reasonName(desk.reasonId) !== null && `（${reasonName(desk.reasonId)}）`}
        </span>
        <span className="muted">{t("inState")}</span>
        <strong data-testid="desk-in-state">{formatDuration(now - desk.since)}</strong>
        <span className="spacer" />
        <span className="muted">{t("extension")}</span>
        <code>{desk.dialString}</code>
      </div>
      <div className="row">
        {desk.state === "offline" ? (
          <button type="button" className="primary" onClick={() => setState("available")} data-testid="desk-sign-in">
            {t("signIn")}
          </button>
        ) : (
          <>
            <button type="button" className="primary" disabled={busy || desk.state === "available"} onClick={() => setState("available")} data-testid="desk-available">
              {t("available")}
            </button>
            <label className="inline">
              {t("reason")}
              <select value={reasonId} onChange={(event) => setReasonId(event.target.value)} disabled={busy} data-testid="desk-reason">
                {choosable.map((reason) => (
                  <option key={reason.id} value={reason.id}>
                    {locale === "en" ? reason.nameEn : reason.nameZh}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={busy || reasonId === ""} onClick={() => setState("not_ready")} data-testid="desk-not-ready">
              {t("notReady")}
            </button>
            <span className="spacer" />
            <button type="button" disabled={busy} onClick={() => setState("offline")} data-testid="desk-sign-out">
              {t("signOut")}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
