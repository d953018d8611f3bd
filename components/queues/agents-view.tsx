"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { AgentView } from "@/app/_server/queues/manage-agents";
import type { SkillView } from "@/app/_server/queues/manage-skills";
import { AdminTable } from "@/components/admin/admin-table";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";
import { SkillLevelsFieldset } from "./skill-levels-fieldset";

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
      <AdminTable rows={agents} empty={t("emptyAgents")} headers={[t("agent"), t("extension"), t("dialString"), t("languages"), t("skills"), t("state")]} testId="agent-table">
        {(agent) => (
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
        )}
      </AdminTable>
      {editing && form && (
        <FormCard testId="agent-form" onSubmit={() => void save(editing, form)}>
          <strong>{t("editing", { name: agents.find((a) => a.userId === editing)?.name ?? "" })}</strong>
          <FieldRow>
            <TextField label={t("extension")} value={form.extension} onChange={(extension) => setForm({ ...form, extension })} data-testid="agent-extension" />
            <TextField label={t("endpoint")} value={form.endpoint} placeholder={t("endpointHelp")} onChange={(endpoint) => setForm({ ...form, endpoint })} data-testid="agent-endpoint" />
            <TextField label={t("languages")} value={form.languages} title={t("languagesHelp")} onChange={(languages) => setForm({ ...form, languages })} data-testid="agent-languages" />
            <label>
              {t("wrapUpSeconds")}
              <input type="number" min={0} max={600} value={form.wrapUpSeconds} onChange={(e) => setForm({ ...form, wrapUpSeconds: Number(e.target.value) })} data-testid="agent-wrapup" />
            </label>
            <label>
              {t("maxVoiceCalls")}
              <input type="number" value={1} disabled readOnly />
            </label>
          </FieldRow>
          <SkillLevelsFieldset
            legend={t("skills")}
            levelLabel={t("proficiency")}
            skills={skills}
            levels={form.skills}
            startLevel={3}
            onChange={(levels) => setForm({ ...form, skills: levels })}
            testIdPrefix="agent-skill"
            levelTestIdPrefix="agent-proficiency"
          />
          <div className="row">
            <button type="submit" className="primary" data-testid="agent-save">
              {t("save")}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t("cancel")}
            </button>
          </div>
        </FormCard>
      )}
    </div>
  );
}
