"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { z } from "zod";
import type { ReasonView } from "@/app/_server/queues/manage-reasons";
import { agentStates } from "@/app/_server/queues/wallboard-stats";
import { formatDuration } from "./format-duration";
import { wallboardSchema } from "./pushed-views";
import { useEventStream, useNow } from "./use-event-stream";
import styles from "./wallboard.module.css";

type Snapshot = z.output<typeof wallboardSchema>;

const snapshotTime = (snapshot: Snapshot) => snapshot.at;

/** The supervisors' live board, pushed over SSE; waits and times in state tick in the browser between pushes. */
export function WallboardView({ big, reasons }: { big: boolean; reasons: ReasonView[] }) {
  const t = useTranslations("wallboard");
  const format = useFormatter();
  const stream = useEventStream("/api/queues/wallboard/events", "wallboard", wallboardSchema, snapshotTime);
  const now = useNow() + stream.clockOffsetMs;
  const snapshot = stream.value;
  return (
    <div className={`${styles.board} ${big ? styles.big : ""}`} data-testid="wallboard" data-at={snapshot?.at ?? ""}>
      <div className={styles.header}>
        <h1>{t("title")}</h1>
        <span className={`badge ${stream.connected ? "live" : ""}`} data-testid="wallboard-connection">
          {stream.connected ? t("live") : t("reconnecting")}
        </span>
        {snapshot && <span className="muted small">{t("updated", { time: format.dateTime(new Date(snapshot.at), { timeStyle: "medium" }) })}</span>}
        <span className="spacer" />
        <Link href={big ? "/wallboard" : "/wallboard?big=1"} className="button" data-testid="wallboard-big-toggle">
          {big ? t("exitBigScreen") : t("bigScreen")}
        </Link>
      </div>
      {snapshot && (
        <>
          <QueueTiles snapshot={snapshot} now={now} />
          <div className={styles.columns}>
            <AgentTable snapshot={snapshot} now={now} reasons={reasons} />
            <CallsTable snapshot={snapshot} now={now} />
          </div>
        </>
      )}
    </div>
  );
}

function QueueTiles({ snapshot, now }: { snapshot: Snapshot; now: number }) {
  const t = useTranslations("wallboard");
  const tStates = useTranslations("queues.states");
  const locale = useLocale();
  if (snapshot.queues.length === 0) return <div className="muted">{t("noQueues")}</div>;
  return (
    <div className={styles.tiles}>
      {snapshot.queues.map((queue) => {
        const level = queue.serviceLevel;
        const belowTarget = level.percent !== null && level.percent < level.targetPercent;
        return (
          <section key={queue.id} className={`card ${styles.tile}`} data-testid="wallboard-queue" data-queue={queue.name}>
            <h2 data-user-data>{locale === "en" ? queue.displayNameEn : queue.displayNameZh}</h2>
            <div className={styles.figures}>
              <Figure label={t("waiting")} value={String(queue.waiting)} testId="wallboard-waiting" alert={queue.waiting > 0} />
              <Figure label={t("longestWait")} value={queue.longestWaitingSince === null ? "—" : formatDuration(now - queue.longestWaitingSince)} testId="wallboard-longest-wait" />
              <Figure
                label={t("serviceLevel")}
                value={level.percent === null ? "—" : `${level.percent}%`}
                note={`${t("serviceLevelTarget", { percent: level.targetPercent, seconds: level.targetSeconds })} · ${t("serviceLevelCounts", { within: level.answeredWithinTarget, offered: level.offered })}`}
                testId="wallboard-service-level"
                alert={belowTarget}
              />
              <Figure label={t("answered")} value={String(queue.answeredToday)} testId="wallboard-answered" />
              <Figure label={t("abandoned")} value={String(queue.abandonedToday)} testId="wallboard-abandoned" alert={queue.abandonedToday > 0} />
            </div>
            <div className={styles.byState} data-testid="wallboard-agents-by-state">
              {agentStates.map((state) => (
                <span key={state} className={`${styles.stateChip} ${styles[`state_${state}`] ?? ""}`} data-state={state} data-count={queue.agentsByState[state]}>
                  {tStates(state)} <strong>{queue.agentsByState[state]}</strong>
                </span>
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function Figure({ label, value, note, testId, alert = false }: { label: string; value: string; note?: string; testId: string; alert?: boolean }) {
  return (
    <div className={styles.figure}>
      <div className={styles.figureLabel}>{label}</div>
      <div className={`${styles.figureValue} ${alert ? styles.alert : ""}`} data-testid={testId}>
        {value}
      </div>
      {note && <div className={styles.figureNote}>{note}</div>}
    </div>
  );
}

function AgentTable({ snapshot, now, reasons }: { snapshot: Snapshot; now: number; reasons: ReasonView[] }) {
  const t = useTranslations("wallboard");
  const tStates = useTranslations("queues.states");
  const locale = useLocale();
  const reasonName = (id: string | null) => {
    const reason = reasons.find((r) => r.id === id);
    return reason === undefined ? "" : `（${locale === "en" ? reason.nameEn : reason.nameZh}）`;
  };
  return (
    <section className={`card ${styles.panel}`}>
      <h2>{t("agents")}</h2>
      {snapshot.agents.length === 0 ? (
        <div className="muted">{t("noAgents")}</div>
      ) : (
        <table className="data" data-testid="wallboard-agents">
          <thead>
            <tr>
              <th>{t("agent")}</th>
              <th>{t("state")}</th>
              <th>{t("inState")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.agents.map((agent) => (
              <tr key={agent.id} data-testid="wallboard-agent" data-agent={agent.id} data-state={agent.state}>
                <td data-user-data>{agent.name}</td>
                <td>
                  <span className={`${styles.stateChip} ${styles[`state_${agent.state}`] ?? ""}`}>
                    {tStates(agent.state)}
                    {agent.state === "not_ready" && reasonName(agent.reasonId)}
                  </span>
                </td>
                <td className={styles.mono}>{formatDuration(now - agent.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CallsTable({ snapshot, now }: { snapshot: Snapshot; now: number }) {
  const t = useTranslations("wallboard");
  const locale = useLocale();
  const queueName = (id: string) => {
    const queue = snapshot.queues.find((q) => q.id === id);
    return queue === undefined ? "—" : locale === "en" ? queue.displayNameEn : queue.displayNameZh;
  };
  return (
    <section className={`card ${styles.panel}`}>
      <h2>{t("callsInProgress")}</h2>
      {snapshot.callsInProgress.length === 0 ? (
        <div className="muted" data-testid="wallboard-no-calls">
          {t("noCalls")}
        </div>
      ) : (
        <table className="data" data-testid="wallboard-calls">
          <thead>
            <tr>
              <th>{t("queue")}</th>
              <th>{t("agent")}</th>
              <th>{t("caller")}</th>
              <th>{t("talking")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.callsInProgress.map((call) => (
              <tr key={call.id} data-testid="wallboard-call" data-call-id={call.id}>
                <td data-user-data>{queueName(call.queueId)}</td>
                <td data-user-data>{call.agentName ?? "—"}</td>
                <td data-user-data>{call.callerNumber ?? "—"}</td>
                <td className={styles.mono}>{formatDuration(now - call.connectedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
