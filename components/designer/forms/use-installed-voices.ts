"use client";

import { useEffect, useState } from "react";
import { z } from "zod";
import { apiRequest } from "@/components/api-request";
import { installedVoiceSchema, type InstalledVoice } from "@/flows-runtime/nodes/shared/tts-languages";

const responseSchema = z.object({ voices: z.array(installedVoiceSchema) });

let loading: Promise<InstalledVoice[] | null> | null = null;

/** Fetched once per page; a failed fetch is tried again by the next form that asks. */
function loadVoices(): Promise<InstalledVoice[] | null> {
  loading ??= apiRequest("/api/tts/voices").then((result) => {
    const parsed = result.ok ? responseSchema.safeParse(result.data) : null;
    if (parsed?.success) return parsed.data.voices;
    loading = null;
    return null;
  });
  return loading;
}

/** The text-to-speech voices installed on the server; null while loading or when they cannot be read. */
export function useInstalledVoices(): InstalledVoice[] | null {
  const [voices, setVoices] = useState<InstalledVoice[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadVoices().then((loaded) => {
      if (live) setVoices(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return voices;
}
