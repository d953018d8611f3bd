"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { SkillView } from "@/app/_server/queues/manage-skills";
import { AdminTable } from "@/components/admin/admin-table";
import { DeleteButton } from "@/components/admin/delete-button";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { SaveOrCancel } from "@/components/admin/save-or-cancel";
import { useApiAction } from "@/components/admin/use-api-action";
import { ErrorAlert } from "@/components/error-alert";

const blank = { name: "", displayNameZh: "", displayNameEn: "" };

export function SkillsView({ skills }: { skills: SkillView[] }) {
  const t = useTranslations("queues");
  const locale = useLocale();
  const { error, clearError, run } = useApiAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(blank);
  const field = (key: keyof typeof blank, label: string) => (
    <TextField label={label} value={form[key]} onChange={(value) => setForm({ ...form, [key]: value })} data-testid={`skill-${key}`} />
  );
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      <FormCard
        onSubmit={() =>
          void run(editing ? `/api/queues/skills/${encodeURIComponent(editing)}` : "/api/queues/skills", editing ? "PUT" : "POST", form).then((ok) => {
            if (ok) {
              setForm(blank);
              setEditing(null);
            }
          })
        }
      >
        <FieldRow>
          {field("name", t("name"))}
          {field("displayNameZh", t("displayNameZh"))}
          {field("displayNameEn", t("displayNameEn"))}
        </FieldRow>
        <div className="muted small">{t("nameHelp")}</div>
        <SaveOrCancel editing={editing !== null} createLabel={t("createSkill")} saveLabel={t("save")} cancelLabel={t("cancel")} onCancel={() => (setEditing(null), setForm(blank))} />
      </FormCard>
      <AdminTable rows={skills} empty={t("emptySkills")} headers={[t("name"), locale === "en" ? t("displayNameEn") : t("displayNameZh"), t("agentCount")]} testId="skill-table">
        {(skill) => (
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
              <DeleteButton onClick={() => void run(`/api/queues/skills/${encodeURIComponent(skill.id)}`, "DELETE")}>{t("delete")}</DeleteButton>
            </td>
          </tr>
        )}
      </AdminTable>
    </div>
  );
}
