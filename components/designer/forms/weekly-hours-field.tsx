"use client";

import { useTranslations } from "next-intl";
import { FieldErrors, useFieldLabel } from "./field-frame";
import { numberOptionLabel } from "./field-suggestions";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";

interface Range {
  day: number;
  open: string;
  close: string;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7];
const DEFAULT_RANGE = { open: "09:00", close: "18:00" };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The stored ranges as they are (index kept, for the validator's field paths); malformed entries are left alone. */
function rangesOf(value: unknown): { range: Range; index: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown, index) => {
    if (!isRecord(item) || typeof item.day !== "number") return [];
    return [{ range: { day: item.day, open: typeof item.open === "string" ? item.open : "", close: typeof item.close === "string" ? item.close : "" }, index }];
  });
}

/**
 * Weekly opening hours as one grid: a row per weekday, ticked when open, with its opening ranges
 * (several for a lunch break). Stored as the business-hours node's `weekly` list of { day, open, close }.
 */
export function WeeklyHoursField({ value, path, onChange }: { value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const { readOnly, locale } = useFormContext();
  const t = useTranslations("canvas.weekly");
  const { label, help } = useFieldLabel(path);
  const key = pathKey(path);
  const list: unknown[] = Array.isArray(value) ? value : [];
  const ranges = rangesOf(value);
  const set = (next: unknown[]) => onChange(next, key);
  const update = (index: number, patch: Partial<Range>) => set(list.map((item, position) => (position === index && isRecord(item) ? { ...item, ...patch } : item)));
  const remove = (indexes: ReadonlySet<number>) => set(list.filter((_, position) => !indexes.has(position)));
  const add = (day: number, after?: Range) => set([...list, { day, ...(after === undefined ? DEFAULT_RANGE : { open: after.close, close: "23:59" }) }]);
  const monday = ranges.filter(({ range }) => range.day === 1).map(({ range }) => range);

  return (
    <fieldset className="list-field weekly-grid" data-field={key} data-testid="weekly-grid">
      <legend>{label}</legend>
      {help !== null && <div className="field-help">{help}</div>}
      <FieldErrors path={path} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t("day")}</th>
            <th scope="col">{t("hours")}</th>
          </tr>
        </thead>
        <tbody>
          {DAYS.map((day) => {
            const dayName = numberOptionLabel("day", day, locale);
            const own = ranges.filter(({ range }) => range.day === day);
            return (
              <tr key={day} data-day={day} className={own.length === 0 ? "is-closed" : undefined}>
                <th scope="row">
                  <label className="inline">
                    <input
                      type="checkbox"
                      data-testid={`weekly-open-${day}`}
                      aria-label={t("open", { day: dayName })}
                      checked={own.length > 0}
                      disabled={readOnly}
                      onChange={(event) => (event.target.checked ? add(day) : remove(new Set(own.map(({ index }) => index))))}
                    />
                    {dayName}
                  </label>
                </th>
                <td>
                  {own.length === 0 && <span className="muted">{t("closed")}</span>}
                  {own.map(({ range, index }) => (
                    <div className="weekly-range" key={index} data-testid="weekly-range">
                      <input
                        type="time"
                        aria-label={`${dayName} ${t("from")}`}
                        data-field-path={pathKey([...path, index, "open"])}
                        value={range.open}
                        readOnly={readOnly}
                        onChange={(event) => update(index, { open: event.target.value })}
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        type="time"
                        aria-label={`${dayName} ${t("to")}`}
                        data-field-path={pathKey([...path, index, "close"])}
                        value={range.close}
                        readOnly={readOnly}
                        onChange={(event) => update(index, { close: event.target.value })}
                      />
                      {!readOnly && (
                        <button type="button" className="link" aria-label={t("removeRange")} title={t("removeRange")} onClick={() => remove(new Set([index]))}>
                          ×
                        </button>
                      )}
                      <FieldErrors path={[...path, index, "open"]} />
                      <FieldErrors path={[...path, index, "close"]} />
                    </div>
                  ))}
                  {!readOnly && own.length > 0 && (
                    <button type="button" className="link small" data-testid={`weekly-add-${day}`} onClick={() => add(day, own[own.length - 1]?.range)}>
                      + {t("addRange")}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!readOnly && monday.length > 0 && (
        <button
          type="button"
          className="small"
          data-testid="weekly-copy-monday"
          onClick={() => set([...list.filter((item) => !(isRecord(item) && typeof item.day === "number" && item.day >= 2 && item.day <= 5)), ...[2, 3, 4, 5].flatMap((day) => monday.map((range) => ({ ...range, day })))])}
        >
          {t("copyToWeekdays")}
        </button>
      )}
    </fieldset>
  );
}
