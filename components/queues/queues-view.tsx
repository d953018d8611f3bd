"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { QueueView } from "@/app/_server/queues/manage-queues";
import type { SkillView } from "@/app/_server/queues/manage-skills";
import type { QueueAction } from "@/workers/queues/queue-settings";
import { recordingModeSchema, type RecordingMode } from "@/workers/queues/callback-settings";
import { AdminTable } from "@/components/admin/admin-table";
import { DeleteButton } from "@/components/admin/delete-button";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { SaveOrCancel } from "@/components/admin/save-or-cancel";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";
import { SkillLevelsFieldset } from "./skill-levels-fieldset";

const workweek = { timezone: "Asia/Shanghai", weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" })), holidays: [], extraOpenDays: [] };

interface QueueForm {
  name: string;
  displayNameZh: string;
  displayNameEn: string;
  requiredSkills: Record<string, number>;
  useHours: boolean;
  hoursText: string;
  serviceLevelPercent: number;
  serviceLevelSeconds: number;
  maxWaiting: number;
  maxWaitSeconds: number;
  offerTimeoutSeconds: number;
  whenFull: QueueAction;
  whenClosed: QueueAction;
  routingFlowId: string | null;
  callbackEnabled: boolean;
  callbackAfterSeconds: number;
  callbackKey: string;
  callbackRetries: number;
  callbackRetrySeconds: number;
  recording: RecordingMode;
}

const blank: QueueForm = {
  name: "",
  displayNameZh: "",
  displayNameEn: "",
  requiredSkills: {},
  useHours: false,
  hoursText: JSON.stringify(workweek, null, 2),
  serviceLevelPercent: 80,
  serviceLevelSeconds: 20,
  maxWaiting: 50,
  maxWaitSeconds: 600,
  offerTimeoutSeconds: 15,
  whenFull: { kind: "voicemail" },
  whenClosed: { kind: "voicemail" },
  routingFlowId: null,
  callbackEnabled: false,
  callbackAfterSeconds: 60,
  callbackKey: "1",
  callbackRetries: 2,
  callbackRetrySeconds: 300,
  recording: "off",
};

const formOf = (q: QueueView): QueueForm => ({
  ...q,
  requiredSkills: Object.fromEntries(q.requiredSkills.map((s) => [s.skillId, s.minProficiency])),
  useHours: q.hours !== null,
  hoursText: JSON.stringify(q.hours ?? workweek, null, 2),
});

export function QueuesView({ queues, skills, routingFlows }: { queues: QueueView[]; skills: SkillView[]; routingFlows: { id: string; name: string }[] }) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<QueueForm>(blank);
  const [hoursInvalid, setHoursInvalid] = useState(false);
  const number = (key: "serviceLevelPercent" | "serviceLevelSeconds" | "maxWaiting" | "maxWaitSeconds" | "offerTimeoutSeconds" | "callbackAfterSeconds" | "callbackRetries" | "callbackRetrySeconds") => (
    <label>
      {t(key)}
      <input type="number" value={form[key]} onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })} data-testid={`queue-${key}`} />
    </label>
  );
  const text = (key: "name" | "displayNameZh" | "displayNameEn") => (
    <TextField label={t(key)} value={form[key]} onChange={(value) => setForm({ ...form, [key]: value })} data-testid={`queue-${key}`} />
  );
  const action = (key: "whenFull" | "whenClosed") => {
    const value = form[key];
    const others = queues.filter((q) => q.name !== form.name);
    return (
      <label>
        {t(key)}
        <span className="row">
          <select
            value={value.kind}
            data-testid={`queue-${key}`}
            onChange={(e) => {
              const kind = e.target.value;
              const next: QueueAction = kind === "queue" ? { kind: "queue", queue: others[0]?.name ?? "" } : kind === "hangup" ? { kind: "hangup" } : { kind: "voicemail" };
              setForm({ ...form, [key]: next });
            }}
          >
            <option value="voicemail">{t("action_voicemail")}</option>
            <option value="hangup">{t("action_hangup")}</option>
            <option value="queue">{t("action_queue")}</option>
          </select>
          {value.kind === "queue" && (
            <select aria-label={t("targetQueue")} value={value.queue} onChange={(e) => setForm({ ...form, [key]: { kind: "queue", queue: e.target.value } })} data-testid={`queue-${key}-target`}>
              {others.map((q) => (
                <option key={q.id} value={q.name}>
                  {locale === "en" ? q.displayNameEn : q.displayNameZh}
                </option>
              ))}
            </select>
          )}
        </span>
      </label>
    );
  };
  const submit = () => {
    let hours: unknown = null;
    if (form.useHours) {
      try {
        hours = JSON.parse(form.hoursText);
      } catch {
        setHoursInvalid(true);
        return;
      }
    }
    setHoursInvalid(false);
    const { useHours: _useHours, hoursText: _hoursText, requiredSkills, ...rest } = form;
    const body = { ...rest, hours, requiredSkills: Object.entries(requiredSkills).map(([skillId, minProficiency]) => ({ skillId, minProficiency })) };
    void run(editing ? `/api/queues/${encodeURIComponent(editing)}` : "/api/queues", editing ? "PUT" : "POST", body).then((ok) => {
      if (ok) {
        setEditing(null);
        setForm(blank);
      }
    });
  };
  const actionLabel = (a: QueueAction) => (a.kind === "queue" ? `${t("action_queue")} ${a.queue}` : t(`action_${a.kind}`));
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <AdminTable
        rows={queues}
        empty={t("empty")}
        headers={[t("name"), locale === "en" ? t("displayNameEn") : t("displayNameZh"), t("serviceLevel"), t("hours"), t("whenFull"), t("waiting")]}
        testId="queue-table"
      >
        {(q) => (
          <tr key={q.id} data-testid="queue-row" data-name={q.name}>
            <td>
              <code>{q.name}</code>
            </td>
            <td>{locale === "en" ? q.displayNameEn : q.displayNameZh}</td>
            <td>{t("serviceLevelValue", { percent: q.serviceLevelPercent, seconds: q.serviceLevelSeconds })}</td>
            <td>{q.hours === null ? t("alwaysOpen") : t("useHours")}</td>
            <td>{actionLabel(q.whenFull)}</td>
            <td>{q.waiting}</td>
            <td className="row">
              <button type="button" className="link" onClick={() => (setEditing(q.id), setForm(formOf(q)))}>
                {t("edit")}
              </button>
              <DeleteButton onClick={() => void run(`/api/queues/${encodeURIComponent(q.id)}`, "DELETE")}>{t("delete")}</DeleteButton>
            </td>
          </tr>
        )}
      </AdminTable>
      <FormCard testId="queue-form" onSubmit={submit}>
        {editing && <strong>{t("editing", { name: form.name })}</strong>}
        <FieldRow>
          {text("name")}
          {text("displayNameZh")}
          {text("displayNameEn")}
        </FieldRow>
        <div className="muted small">{t("nameHelp")}</div>
        <SkillLevelsFieldset
          legend={t("requiredSkills")}
          levelLabel={t("minProficiency")}
          skills={skills}
          levels={form.requiredSkills}
          startLevel={1}
          onChange={(requiredSkills) => setForm({ ...form, requiredSkills })}
          testIdPrefix="queue-skill"
        />
        <FieldRow>
          {number("serviceLevelPercent")}
          {number("serviceLevelSeconds")}
          {number("maxWaiting")}
          {number("maxWaitSeconds")}
          {number("offerTimeoutSeconds")}
        </FieldRow>
        <FieldRow>
          {action("whenFull")}
          {action("whenClosed")}
        </FieldRow>
        <label>
          {t("routingFlow")}
          <select value={form.routingFlowId ?? ""} onChange={(e) => setForm({ ...form, routingFlowId: e.target.value === "" ? null : e.target.value })} data-testid="queue-routingFlow">
            <option value="">{t("routingDefault")}</option>
            {routingFlows.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {flow.name}
              </option>
            ))}
          </select>
        </label>
        <div className="muted small">{t("routingFlowHelp")}</div>
        <fieldset className="stack">
          <legend>{t("callbackAndRecording")}</legend>
          <label className="inline">
            <input type="checkbox" checked={form.callbackEnabled} onChange={(e) => setForm({ ...form, callbackEnabled: e.target.checked })} data-testid="queue-callbackEnabled" />
            {t("callbackEnabled")}
          </label>
          {form.callbackEnabled && (
            <FieldRow>
              {number("callbackAfterSeconds")}
              <TextField label={t("callbackKey")} value={form.callbackKey} onChange={(callbackKey) => setForm({ ...form, callbackKey })} data-testid="queue-callbackKey" />
              {number("callbackRetries")}
              {number("callbackRetrySeconds")}
            </FieldRow>
          )}
          <FieldRow>
            <label>
              {t("recording")}
              <select value={form.recording} onChange={(e) => setForm({ ...form, recording: recordingModeSchema.catch("off").parse(e.target.value) })} data-testid="queue-recording">
                <option value="off">{t("recording_off")}</option>
                <option value="notify">{t("recording_notify")}</option>
                <option value="ask">{t("recording_ask")}</option>
              </select>
            </label>
          </FieldRow>
        </fieldset>
        <fieldset className="stack">
          <legend>{t("hours")}</legend>
          <label className="inline">
            <input type="radio" checked={!form.useHours} onChange={() => setForm({ ...form, useHours: false })} data-testid="queue-always-open" />
            {t("alwaysOpen")}
          </label>
          <label className="inline">
            <input type="radio" checked={form.useHours} onChange={() => setForm({ ...form, useHours: true })} data-testid="queue-use-hours" />
            {t("useHours")}
          </label>
          {form.useHours && (
            <>
              <div className="muted small">{t("hoursHelp")}</div>
              <textarea rows={8} value={form.hoursText} onChange={(e) => setForm({ ...form, hoursText: e.target.value })} spellCheck={false} data-testid="queue-hours" />
            </>
          )}
          {hoursInvalid && <div className="alert error">{t("hoursInvalid")}</div>}
        </fieldset>
        <SaveOrCancel editing={editing !== null} createLabel={t("create")} saveLabel={t("save")} cancelLabel={t("cancel")} onCancel={() => (setEditing(null), setForm(blank))} saveTestId="queue-save" />
      </FormCard>
    </div>
  );
}
