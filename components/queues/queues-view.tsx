"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { QueueView } from "@/app/_server/queues/manage-queues";
import type { SkillView } from "@/app/_server/queues/manage-skills";
import type { QueueAction } from "@/workers/queues/queue-settings";
import { ErrorAlert } from "@/components/error-alert";
import { useApiAction } from "./use-api-action";

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
};

const formOf = (q: QueueView): QueueForm => ({
  ...q,
  requiredSkills: Object.fromEntries(q.requiredSkills.map((s) => [s.skillId, s.minProficiency])),
  useHours: q.hours !== null,
  hoursText: JSON.stringify(q.hours ?? workweek, null, 2),
});

export function QueuesView({ queues, skills }: { queues: QueueView[]; skills: SkillView[] }) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<QueueForm>(blank);
  const [hoursInvalid, setHoursInvalid] = useState(false);
  const number = (key: "serviceLevelPercent" | "serviceLevelSeconds" | "maxWaiting" | "maxWaitSeconds" | "offerTimeoutSeconds") => (
    <label>
      {t(key)}
      <input type="number" value={form[key]} onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })} data-testid={`queue-${key}`} />
    </label>
  );
  const text = (key: "name" | "displayNameZh" | "displayNameEn") => (
    <label>
      {t(key)}
      <input type="text" value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`queue-${key}`} />
    </label>
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
      <div className="card">
        {queues.length === 0 ? (
          <div className="muted" style={{ padding: 20 }}>
            {t("empty")}
          </div>
        ) : (
          <table className="data" data-testid="queue-table">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{locale === "en" ? t("displayNameEn") : t("displayNameZh")}</th>
                <th>{t("serviceLevel")}</th>
                <th>{t("hours")}</th>
                <th>{t("whenFull")}</th>
                <th>{t("waiting")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {queues.map((q) => (
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
                    <button type="button" className="link danger" onClick={() => void run(`/api/queues/${encodeURIComponent(q.id)}`, "DELETE")}>
                      {t("delete")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form
        className="card stack"
        style={{ padding: 16 }}
        data-testid="queue-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {editing && <strong>{t("editing", { name: form.name })}</strong>}
        <div className="row" style={{ alignItems: "flex-end" }}>
          {text("name")}
          {text("displayNameZh")}
          {text("displayNameEn")}
        </div>
        <div className="muted small">{t("nameHelp")}</div>
        <fieldset className="row">
          <legend>{t("requiredSkills")}</legend>
          {skills.map((skill) => (
            <label key={skill.id} className="inline">
              <input
                type="checkbox"
                checked={form.requiredSkills[skill.id] !== undefined}
                data-testid={`queue-skill-${skill.name}`}
                onChange={(e) => {
                  const next = { ...form.requiredSkills };
                  if (e.target.checked) next[skill.id] = 1;
                  else delete next[skill.id];
                  setForm({ ...form, requiredSkills: next });
                }}
              />
              {locale === "en" ? skill.displayNameEn : skill.displayNameZh}
              {form.requiredSkills[skill.id] !== undefined && (
                <select
                  aria-label={t("minProficiency")}
                  value={form.requiredSkills[skill.id]}
                  onChange={(e) => setForm({ ...form, requiredSkills: { ...form.requiredSkills, [skill.id]: Number(e.target.value) } })}
                >
                  {[1, 2, 3, 4, 5].map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              )}
            </label>
          ))}
        </fieldset>
        <div className="row" style={{ alignItems: "flex-end" }}>
          {number("serviceLevelPercent")}
          {number("serviceLevelSeconds")}
          {number("maxWaiting")}
          {number("maxWaitSeconds")}
          {number("offerTimeoutSeconds")}
        </div>
        <div className="row" style={{ alignItems: "flex-end" }}>
          {action("whenFull")}
          {action("whenClosed")}
        </div>
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
        <div className="row">
          <button type="submit" className="primary" data-testid="queue-save">
            {editing ? t("save") : t("create")}
          </button>
          {editing && (
            <button type="button" onClick={() => (setEditing(null), setForm(blank))}>
              {t("cancel")}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
