"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { AgentView } from "@/app/_server/queues/manage-agents";
import type { SkillView } from "@/app/_server/queues/manage-skills";
import { ErrorAlert } from "@/components/error-alert";
import { useApiAction } from "./use-api-action";

interface ProfileForm {
  extension: string;
  endpoint: string;
  languages: string;
  wrapUpSeconds: number;
  /** skillId → proficiency; absent = no such skill. */
  skills: Record<string, number>;
}

const formOf = (agent: AgentView): ProfileForm => ({
  extension: agent.profile?.extension ?? "",
  endpoint: agent.profile?.endpoint ?? "",
  languages: (agent.profile?.languages ?? ["zh"]).join(", "),
  wrapUpSeconds: agent.profile?.wrapUpSeconds ?? 30,
  skills: Object.fromEntries((agent.profile?.skills ?? []).map((s) => [s.skillId, s.proficiency])),
});

export function AgentsView({ agents, skills }: { agents: AgentView[]; skills: SkillView[] }) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<ProfileForm | null>(null);
  const skillName = (id: string) => {
    const skill = skills.find((s) => s.id === id);
    return skill ? (locale === "en" ? skill.displayNameEn : skill.displayNameZh) : id;
  };
  const save = (userId: string, f: ProfileForm) =>
    run(`/api/queues/agents/${encodeURIComponent(userId)}`, "PUT", {
      extension: f.extension,
      endpoint: f.endpoint.trim() === "" ? null : f.endpoint,
      languages: f.languages.split(",").map((l) => l.trim()).filter((l) => l !== ""),
      maxVoiceCalls: 1,
      wrapUpSeconds: f.wrapUpSeconds,
      skills: Object.entries(f.skills).map(([skillId, proficiency]) => ({ skillId, proficiency })),
    }).then((ok) => {
      if (ok) setEditing(null);
    });
  if (agents.length === 0) return <div className="card muted" style={{ padding: 20 }}>{t("emptyAgents")}</div>;
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <div className="card">
        <table className="data" data-testid="agent-table">
          <thead>
            <tr>
              <th>{t("agent")}</th>
              <th>{t("extension")}</th>
              <th>{t("dialString")}</th>
              <th>{t("languages")}</th>
              <th>{t("skills")}</th>
              <th>{t("state")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.userId} data-testid="agent-row" data-email={agent.email}>
                <td>{agent.name}</td>
                <td>{agent.profile?.extension ?? <span className="muted">{t("noProfile")}</span>}</td>
                <td>{agent.profile && <code>{agent.profile.dialString}</code>}</td>
                <td>{agent.profile && <code>{agent.profile.languages.join(", ")}</code>}</td>
                <td>{agent.profile?.skills.map((s) => `${skillName(s.skillId)} ${s.proficiency}`).join(locale === "en" ? ", " : "、")}</td>
                <td>{agent.profile && t(`states.${agent.profile.state}`)}</td>
                <td>
                  <button type="button" className="link" onClick={() => (setEditing(agent.userId), setForm(formOf(agent)))} data-testid="agent-edit">
                    {agent.profile ? t("edit") : t("setUp")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && form && (
        <form
          className="card stack"
          style={{ padding: 16 }}
          data-testid="agent-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(editing, form);
          }}
        >
          <strong>{t("editing", { name: agents.find((a) => a.userId === editing)?.name ?? "" })}</strong>
          <div className="row" style={{ alignItems: "flex-end" }}>
            <label>
              {t("extension")}
              <input type="text" value={form.extension} onChange={(e) => setForm({ ...form, extension: e.target.value })} data-testid="agent-extension" />
            </label>
            <label>
              {t("endpoint")}
              <input type="text" value={form.endpoint} placeholder={t("endpointHelp")} onChange={(e) => setForm({ ...form, endpoint: e.target.value })} data-testid="agent-endpoint" />
            </label>
            <label>
              {t("languages")}
              <input type="text" value={form.languages} title={t("languagesHelp")} onChange={(e) => setForm({ ...form, languages: e.target.value })} data-testid="agent-languages" />
            </label>
            <label>
              {t("wrapUpSeconds")}
              <input type="number" min={0} max={600} value={form.wrapUpSeconds} onChange={(e) => setForm({ ...form, wrapUpSeconds: Number(e.target.value) })} data-testid="agent-wrapup" />
            </label>
            <label>
              {t("maxVoiceCalls")}
              <input type="number" value={1} disabled readOnly />
            </label>
          </div>
          <fieldset className="row">
            <legend>{t("skills")}</legend>
            {skills.map((skill) => (
              <label key={skill.id} className="inline">
                <input
                  type="checkbox"
                  checked={form.skills[skill.id] !== undefined}
                  data-testid={`agent-skill-${skill.name}`}
                  onChange={(e) => {
                    const next = { ...form.skills };
                    if (e.target.checked) next[skill.id] = 3;
                    else delete next[skill.id];
                    setForm({ ...form, skills: next });
                  }}
                />
                {locale === "en" ? skill.displayNameEn : skill.displayNameZh}
                {form.skills[skill.id] !== undefined && (
                  <select
                    aria-label={t("proficiency")}
                    value={form.skills[skill.id]}
                    data-testid={`agent-proficiency-${skill.name}`}
                    onChange={(e) => setForm({ ...form, skills: { ...form.skills, [skill.id]: Number(e.target.value) } })}
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
          <div className="row">
            <button type="submit" className="primary" data-testid="agent-save">
              {t("save")}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
