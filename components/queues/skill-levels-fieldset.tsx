"use client";

import { useLocale } from "next-intl";
import type { SkillView } from "@/app/_server/queues/manage-skills";

/** One checkbox per skill, with a 1–5 level for each one ticked; a newly ticked skill starts at `startLevel`. */
export function SkillLevelsFieldset({
  legend,
  levelLabel,
  skills,
  levels,
  startLevel,
  onChange,
  testIdPrefix,
  levelTestIdPrefix,
}: {
  legend: string;
  levelLabel: string;
  skills: SkillView[];
  /** skillId → level; absent = not ticked. */
  levels: Record<string, number>;
  startLevel: number;
  onChange: (levels: Record<string, number>) => void;
  testIdPrefix: string;
  levelTestIdPrefix?: string;
}) {
  const locale = useLocale();
  return (
    <fieldset className="row">
      <legend>{legend}</legend>
      {skills.map((skill) => (
        <label key={skill.id} className="inline">
          <input
            type="checkbox"
            checked={levels[skill.id] !== undefined}
            data-testid={`${testIdPrefix}-${skill.name}`}
            onChange={(e) => {
              const next = { ...levels };
              if (e.target.checked) next[skill.id] = startLevel;
              else delete next[skill.id];
              onChange(next);
            }}
          />
          {locale === "en" ? skill.displayNameEn : skill.displayNameZh}
          {levels[skill.id] !== undefined && (
            <select
              aria-label={levelLabel}
              value={levels[skill.id]}
              data-testid={levelTestIdPrefix && `${levelTestIdPrefix}-${skill.name}`}
              onChange={(e) => onChange({ ...levels, [skill.id]: Number(e.target.value) })}
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
  );
}
