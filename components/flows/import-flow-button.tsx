"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { z } from "zod";
import { apiRequest, type ApiError } from "../api-request";

const importedSchema = z.object({ flow: z.object({ id: z.string(), name: z.string() }) });

/** Sends the chosen file as it is: the server parses, validates and refuses it with every problem found. */
export function ImportFlowButton({ onImported, onError }: { onImported: (flow: { id: string; name: string }) => void; onError: (error: ApiError) => void }) {
  const t = useTranslations("flows.import");
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    const result = await apiRequest("/api/flows/import", { method: "POST", rawBody: await file.text() });
    setBusy(false);
    if (!result.ok) return onError(result.error);
    const imported = importedSchema.safeParse(result.data);
    if (imported.success) onImported(imported.data.flow);
  }

  return (
    <>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t("busy") : t("button")}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void upload(file);
        }}
      />
    </>
  );
}
