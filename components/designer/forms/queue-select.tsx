"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { fetchQueueNames, type QueueName } from "@/components/queues/fetch-queue-names";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";

type Load = { state: "loading" } | { state: "loaded"; queues: QueueName[] } | { state: "failed" };

/**
 * Picks a transfer's queue from the queues that exist, by display name; the queue's key is what is
 * stored and is shown under the list. With no queue defined yet (or no list) the key is typed, as the
 * server accepts any name until queues exist. A name that is not a queue stays selected, marked, and
 * live validation names it under the field.
 */
export function QueueSelect({ value, path, onChange }: { value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const { readOnly, locale } = useFormContext();
  const t = useTranslations("designer.form");
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const key = pathKey(path);
  const text = typeof value === "string" ? value : "";

  useEffect(() => {
    let stopped = false;
    void fetchQueueNames().then((queues) => {
      if (!stopped) setLoad(queues === null ? { state: "failed" } : { state: "loaded", queues });
    });
    return () => {
      stopped = true;
    };
  }, []);

  if (load.state === "failed" || (load.state === "loaded" && load.queues.length === 0)) {
    return (
      <>
        <input id={`field-${key}`} data-field-path={key} data-testid="queue-free-text" type="text" value={text} readOnly={readOnly} onChange={(event) => onChange(event.target.value, key)} />
        <p className="field-help" data-testid="queue-select-note">
          {load.state === "failed" ? t("queueLoadFailed") : t("queueNoneDefined")}
        </p>
      </>
    );
  }
  const queues = load.state === "loaded" ? load.queues : [];
  const displayName = (queue: QueueName) => (locale === "zh-CN" ? queue.displayNameZh : queue.displayNameEn) || queue.name;
  const chosen = queues.find((queue) => queue.name === text);
  const unknown = load.state === "loaded" && text !== "" && chosen === undefined;
  return (
    <>
      <select
        id={`field-${key}`}
        data-field-path={key}
        data-testid="queue-select"
        data-loading={load.state === "loading" ? "true" : undefined}
        aria-invalid={unknown ? "true" : undefined}
        value={text}
        disabled={readOnly || load.state === "loading"}
        onChange={(event) => onChange(event.target.value, key)}
      >
        {chosen === undefined && text === "" && <option value="">{load.state === "loading" ? t("queueLoading") : t("choose")}</option>}
        {chosen === undefined && text !== "" && <option value={text}>{load.state === "loading" ? text : t("queueUnknownOption", { queue: text })}</option>}
        {queues.map((queue) => (
          <option key={queue.name} value={queue.name}>
            {displayName(queue)}
          </option>
        ))}
      </select>
      {chosen !== undefined && (
        <p className="field-help" data-testid="queue-key">
          {t("queueKey")} <code>{chosen.name}</code>
        </p>
      )}
    </>
  );
}
