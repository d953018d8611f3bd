"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { apiRequest } from "@/components/api-request";
import { useCurrentFlowId } from "../store/current-flow-context";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";
import { flowChoicesResponseSchema, subflowChoices, type FlowChoice } from "./subflow-choices";

type Load = { state: "loading" } | { state: "loaded"; flows: FlowChoice[] } | { state: "failed" };

/** Picks the flow a subflow node runs: the other published flows by name; the id is what is stored. */
export function FlowSelect({ value, path, onChange }: { value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const { readOnly, locale } = useFormContext();
  const t = useTranslations("designer.form");
  const currentFlowId = useCurrentFlowId();
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const key = pathKey(path);
  const text = typeof value === "string" ? value : "";

  useEffect(() => {
    let stopped = false;
    void apiRequest("/api/flows").then((result) => {
      if (stopped) return;
      const parsed = result.ok ? flowChoicesResponseSchema.safeParse(result.data) : null;
      setLoad(parsed?.success ? { state: "loaded", flows: parsed.data.flows } : { state: "failed" });
    });
    return () => {
      stopped = true;
    };
  }, []);

  const choices = useMemo(() => subflowChoices(load.state === "loaded" ? load.flows : [], currentFlowId, text, locale), [load, currentFlowId, text, locale]);

  if (load.state === "failed") {
    // Without the list, the id can still be typed.
    return (
      <>
        <input id={`field-${key}`} data-field-path={key} type="text" value={text} readOnly={readOnly} onChange={(event) => onChange(event.target.value, key)} />
        <p className="field-help" role="alert">
          {t("flowLoadFailed")}
        </p>
      </>
    );
  }
  const loading = load.state === "loading";
  return (
    <>
      <select
        id={`field-${key}`}
        data-field-path={key}
        data-testid="subflow-flow-select"
        data-loading={loading ? "true" : undefined}
        value={text}
        disabled={readOnly}
        onChange={(event) => onChange(event.target.value, key)}
      >
        {text === "" && <option value="">{loading ? t("flowLoading") : t("choose")}</option>}
        {choices.unlisted !== null && (
          <option value={choices.unlisted.id} data-unlisted="true">
            {loading ? choices.unlisted.id : t("flowUnlisted", { id: choices.unlisted.name ?? choices.unlisted.id })}
          </option>
        )}
        {choices.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      {!loading && choices.options.length === 0 && <p className="field-help">{t("flowNoneLive")}</p>}
    </>
  );
}
