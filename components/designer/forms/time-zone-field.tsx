"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { fieldSuggestions, settingName } from "./field-suggestions";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";

const MAX_SHOWN = 40;

/** Lower case without accents, so "sao" finds São Paulo. */
const fold = (text: string): string => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

/**
 * A time zone picked from a searchable list: type part of its name in the UI's language, a city
 * or its IANA id ("shanghai"), then choose with the mouse or the arrow keys and Enter.
 */
export function TimeZoneField({ value, path, onChange }: { value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const { readOnly, locale } = useFormContext();
  const t = useTranslations("canvas.timezone");
  const key = pathKey(path);
  const current = typeof value === "string" ? value : "";
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const zones = useMemo(() => fieldSuggestions("timezone", locale).map((zone) => ({ ...zone, search: fold(`${zone.label} ${zone.value} ${zone.value.replace(/_/g, " ")}`) })), [locale]);
  const matches = useMemo(() => {
    const words = fold(query).split(/\s+/).filter((word) => word !== "");
    return zones.filter((zone) => words.every((word) => zone.search.includes(word))).slice(0, MAX_SHOWN);
  }, [zones, query]);
  const choose = (zone: string) => {
    onChange(zone, key);
    setQuery("");
    setOpen(false);
  };
  const listId = `zones-${key}`;
  return (
    <div className="time-zone-field" data-testid="time-zone-field">
      <div className="time-zone-current" data-testid="time-zone-current">
        {settingName(current, locale)} <code data-user-data>{current}</code>
      </div>
      {!readOnly && (
        <input
          id={`field-${key}`}
          data-field-path={key}
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          placeholder={t("search")}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") setActive((index) => Math.min(index + 1, matches.length - 1));
            else if (event.key === "ArrowUp") setActive((index) => Math.max(index - 1, 0));
            else if (event.key === "Enter") {
              const zone = matches[active];
              if (zone !== undefined) choose(zone.value);
            } else if (event.key === "Escape") setOpen(false);
            else return;
            event.preventDefault();
          }}
        />
      )}
      {open && query.trim() !== "" && (
        <ul className="time-zone-options" role="listbox" id={listId} data-testid="time-zone-options">
          {matches.length === 0 && <li className="muted">{t("noMatch")}</li>}
          {matches.map((zone, index) => (
            <li
              key={zone.value}
              role="option"
              aria-selected={index === active}
              data-zone={zone.value}
              className={index === active ? "is-active" : undefined}
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(zone.value);
              }}
            >
              {zone.label} <code>{zone.value}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
