"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { SkillView } from "@/app/_server/queues/manage-skills";
import { ErrorAlert } from "@/components/error-alert";
import { useApiAction } from "./use-api-action";

const blank = { name: "", displayNameZh: "", displayNameEn: "" };

export function SkillsView({ skills }: { skills: SkillView[] }) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(blank);
  const field = (key: keyof typeof blank, label: string) => (
    <label>
      {label}
      <input type="text" value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`skill-${key}`} />
    </label>
  );
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <form
        className="card stack"
        style={{ padding: 16 }}
        onSubmit={(e) => {
          e.preventDefault();
          void run(editing ? `/api/queues/skills/${encodeURIComponent(editing)}` : "/api/queues/skills", editing ? "PUT" : "POST", form).then((ok) => {
            if (ok) {
              setForm(blank);
              setEditing(null);
            }
          });
        }}
      >
        <div className="row" style={{ alignItems: "flex-end" }}>
          {field("name", t("name"))}
          {field("displayNameZh", t("displayNameZh"))}
          {field("displayNameEn", t("displayNameEn"))}
        </div>
        <div className="muted small">{t("nameHelp")}</div>
        <div className="row">
          <button type="submit" className="primary">
            {editing ? t("save") : t("createSkill")}
          </button>
          {editing && (
            <button type="button" onClick={() => (setEditing(null), setForm(blank))}>
              {t("cancel")}
            </button>
          )}
        </div>
      </form>
      <div className="card">
        {skills.length === 0 ? (
          <div className="muted" style={{ padding: 20 }}>
            {t("emptySkills")}
          </div>
        ) : (
          <table className="data" data-testid="skill-table">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{locale === "en" ? t("displayNameEn") : t("displayNameZh")}</th>
                <th>{t("agentCount")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {skills.map((skill) => (
                <tr key={skill.id} data-testid="skill-row">
                  <td>
                    <code>{skill.name}</code>
                  </td>
                  <td>{locale === "en" ? skill.displayNameEn : skill.displayNameZh}</td>
                  <td>{skill.agents}</td>
                  <td className="row">
                    <button type="button" className="link" onClick={() => (setEditing(skill.id), setForm({ name: skill.name, displayNameZh: skill.displayNameZh, displayNameEn: skill.displayNameEn }))}>
                      {t("edit")}
                    </button>
                    <button type="button" className="link danger" onClick={() => void run(`/api/queues/skills/${encodeURIComponent(skill.id)}`, "DELETE")}>
                      {t("delete")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
