"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import type { DispositionView } from "@/app/_server/queues/manage-dispositions";
import type { ReasonView } from "@/app/_server/queues/manage-reasons";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import { ScreenPop } from "@/components/customers/screen-pop";
import { formatDuration } from "./format-duration";
import { agentDeskEventSchema, type agentDeskSchema } from "./pushed-views";
import { StateControls } from "./agent-state-controls";
import { WrapUpForm } from "./wrap-up-form";
import { useEventStream, useNow } from "./use-event-stream";
import styles from "./agent-desk.module.css";

type Desk = z.output<typeof agentDeskSchema>;
type DeskCall = NonNullable<Desk["call"]>;

const eventTime = (event: z.output<typeof agentDeskEventSchema>) => event.at;

/** The agent page: state, the offered or connected call with what the IVR collected, wrap-up. Pushed over SSE. */
export function AgentDeskView({ reasons, dispositions }: { reasons: ReasonView[]; dispositions: DispositionView[] }) {
  const t = useTranslations("agentDesk");
  const stream = useEventStream("/api/queues/agents/me/events", "desk", agentDeskEventSchema, eventTime);
  const now = useNow() + stream.clockOffsetMs;
  const [error, setError] = useState<ApiError | null>(null);
  const desk = stream.value?.desk ?? null;
  const send = async (url: string, method: string, body: unknown) => {
    setError(null);
    const result = await apiRequest(url, { method, body });
    if (!result.ok) setError(result.error);
    return result.ok;
  };
  return (
    <div className="stack" data-testid="agent-desk" data-state={desk?.state ?? ""}>
      <div className="row">
        <h1>{t("title")}</h1>
        <span className="spacer" />
        <span className={`badge ${stream.connected ? "live" : ""}`} data-testid="desk-connection">
          {stream.connected ? t("live") : t("reconnecting")}
        </span>
      </div>
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      {desk && (
        <>
          <StateControls desk={desk} now={now} reasons={reasons} send={send} />
          {desk.call === null || desk.call.status === "waiting" ? (
            <div className="card muted" style={{ padding: 16 }} data-testid="desk-no-call">
              {t("noCall")}
            </div>
          ) : (
            <CallCard desk={desk} call={desk.call} now={now} send={send} reasons={reasons} dispositions={dispositions} />
          )}
        </>
      )}
    </div>
  );
}

function CallCard({ desk, call, now, send, reasons, dispositions }: { desk: Desk; call: DeskCall; now: number; send: (url: string, method: string, body: unknown) => Promise<boolean>; reasons: ReasonView[]; dispositions: DispositionView[] }) {
  const t = useTranslations("agentDesk");
  const locale = useLocale();
  const wrapUp = call.status === "ended" || call.status === "abandoned";
  const waitedUntil = call.connectedAt ?? (call.status === "offered" ? now : (call.endedAt ?? now));
  const act = (action: "decline" | "hangup") => void send("/api/queues/agents/me/call/actions", "POST", { callId: call.id, action });
  return (
    <section className={`card ${styles.call} ${styles[call.status] ?? ""}`} data-testid="desk-call" data-status={call.status} data-call-id={call.id}>
      <div className="row">
        <h2 className={styles.callTitle}>{call.status === "offered" ? t("offered") : call.status === "connected" ? t("connected") : t("wrapUp")}</h2>
        {call.callbackNumber !== null && (
          <span className="badge" data-testid="desk-callback">
            {t("callback")}
          </span>
        )}
        {call.status === "offered" && <span className="muted">{t("answerOnPhone")}</span>}
        <span className="spacer" />
        {call.status === "offered" && (
          <button type="button" className="danger" onClick={() => act("decline")} data-testid="desk-decline">
            {t("decline")}
          </button>
        )}
        {call.status === "connected" && (
          <button type="button" className="danger" onClick={() => act("hangup")} data-testid="desk-hangup">
            {t("hangUp")}
          </button>
        )}
      </div>
      <dl className={styles.facts}>
        <dt>{t("caller")}</dt>
        <dd data-user-data data-testid="desk-caller">{call.callerNumber ?? "—"}</dd>
        {call.callbackNumber !== null && (
          <>
            <dt>{t("callbackNumber")}</dt>
            <dd data-user-data data-testid="desk-callback-number">{call.callbackNumber}</dd>
          </>
        )}
        <dt>{t("dialed")}</dt>
        <dd data-user-data>{call.dialedNumber ?? "—"}</dd>
        <dt>{t("queue")}</dt>
        <dd data-user-data>{call.queue === null ? "—" : locale === "en" ? call.queue.displayNameEn : call.queue.displayNameZh}</dd>
        <dt>{t("waited")}</dt>
        <dd data-testid="desk-waited">{formatDuration(waitedUntil - call.arrivedAt)}</dd>
        {call.connectedAt !== null && (
          <>
            <dt>{t("talking")}</dt>
            <dd>{formatDuration((call.endedAt ?? now) - call.connectedAt)}</dd>
          </>
        )}
      </dl>
      <IvrVariables variables={call.variables} />
      <ScreenPop callId={call.id} context={`${call.callerNumber ?? ""}|${JSON.stringify(call.variables)}`} />
      {wrapUp && call.connectedAt !== null && <WrapUpForm desk={desk} call={call} now={now} send={send} reasons={reasons} dispositions={dispositions} />}
    </section>
  );
}

/** Variables the catalogue names (agentDesk.variables); any other is shown by its own name. */
const labelledVariables = ["orderNumber", "tier", "customerTier", "language", "path", "accountNumber", "phone"] as const;

function IvrVariables({ variables }: { variables: Record<string, string> }) {
  const t = useTranslations("agentDesk");
  // The ones the catalogue names first, in its order (the order number leads); any other after them.
  const rank = (key: string) => {
    const index = labelledVariables.findIndex((known) => known === key);
    return index < 0 ? labelledVariables.length : index;
  };
  const entries = Object.entries(variables).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <div className="stack">
      <h3 className={styles.subTitle}>{t("ivrVariables")}</h3>
      {entries.length === 0 ? (
        <span className="muted">{t("noVariables")}</span>
      ) : (
        <dl className={styles.variables} data-testid="desk-variables">
          {entries.map(([key, value]) => (
            <div key={key} className={styles.variable} data-testid={`desk-variable-${key}`}>
              {/* A variable the catalogue does not name is shown by its own name: data, like its value. */}
              <dt>{labelOf(key, (known) => t(`variables.${known}`))}</dt>
              <dd data-user-data>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function labelOf(key: string, label: (known: (typeof labelledVariables)[number]) => string) {
  const known = labelledVariables.find((candidate) => candidate === key);
  return known === undefined ? <code>{key}</code> : label(known);
}
