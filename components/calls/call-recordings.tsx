"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { CallDetail } from "@/app/_server/calls/get-call";
import { callTimeFormat } from "./date-format";

/** Recordings and voicemails, played in the browser from the app's route (which streams them from Asterisk). */
export function CallRecordings({ call }: { call: CallDetail }) {
  const t = useTranslations("calls.detail");
  const format = useFormatter();
  const nodeName = (nodeId: string) => call.steps.find((step) => step.nodeId === nodeId)?.label || nodeId;
  return (
    <section className="card call-section" data-testid="call-recordings">
      <h2>{t("recordings")}</h2>
      {call.recordings.length === 0 ? (
        <div className="muted">{t("noRecordings")}</div>
      ) : (
        call.recordings.map((recording) => (
          <div key={recording.id} className="call-recording" data-testid="call-recording">
            <div className="small">
              {t("recordedAt", { node: nodeName(recording.nodeId), seconds: format.number(recording.durationSeconds, { maximumFractionDigits: 1 }) })}
              <span className="muted"> · {format.dateTime(new Date(recording.createdAt), callTimeFormat)}</span>
            </div>
            <audio controls preload="metadata" src={recording.fileUrl} data-testid="call-recording-audio">
              {t("noAudio")}
            </audio>
            <a className="small" href={recording.fileUrl} download>
              {t("download")}
            </a>
          </div>
        ))
      )}
    </section>
  );
}
