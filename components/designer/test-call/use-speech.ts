"use client";

import { useEffect, useRef } from "react";
import type { TestCallView } from "./test-call-schema";

/** Speaks each new prompt with the browser's own voices (no audio is fetched) while sound is on. */
export function useSpeech(prompts: TestCallView["prompts"], enabled: boolean): void {
  const spoken = useRef(0);
  useEffect(() => {
    if (prompts.length < spoken.current) spoken.current = 0;
    const fresh = prompts.slice(spoken.current);
    spoken.current = prompts.length;
    if (!enabled || typeof window === "undefined" || !("speechSynthesis" in window)) return;
    for (const prompt of fresh) {
      for (const item of prompt.items) {
        const utterance = new SpeechSynthesisUtterance(item.text);
        if (item.language) utterance.lang = item.language;
        window.speechSynthesis.speak(utterance);
      }
    }
  }, [prompts, enabled]);

  useEffect(() => {
    if (!enabled && typeof window !== "undefined" && "speechSynthesis" in window) window.speechSynthesis.cancel();
  }, [enabled]);
}
