"use client";

import { useCallback, useMemo, useState } from "react";
import type { Pretend } from "@/flows-runtime/pretend/pretend-schema";
import { emptyPretendForm, formFromPretend, pretendFromForm, type PretendFormState } from "./pretend-state";

export interface RecordedInput {
  afterPrompt: number;
  keys: string;
}

/** Keys pressed after the same prompt are one input: the caller types them in one go. */
export function recordKeys(inputs: readonly RecordedInput[], keys: string, promptsHeard: number): RecordedInput[] {
  const afterPrompt = Math.max(1, promptsHeard);
  const last = inputs.at(-1);
  if (last !== undefined && last.afterPrompt === afterPrompt) return [...inputs.slice(0, -1), { afterPrompt, keys: last.keys + keys }];
  return [...inputs, { afterPrompt, keys }];
}

/** What the designer's test call pretends and the keys its caller pressed: the makings of a test case. */
export function useCaseRecorder(defaultTimeZone: string) {
  const [form, setForm] = useState<PretendFormState>(() => emptyPretendForm(defaultTimeZone));
  const [inputs, setInputs] = useState<RecordedInput[]>([]);
  const pretend = useMemo(() => pretendFromForm(form), [form]);
  /** A new call: the keys of the last one are forgotten. */
  const begin = useCallback(() => setInputs([]), []);
  const record = useCallback((keys: string, promptsHeard: number) => setInputs((current) => recordKeys(current, keys, promptsHeard)), []);
  const use = useCallback((saved: Pretend) => setForm(formFromPretend(saved, defaultTimeZone)), [defaultTimeZone]);
  return { form, setForm, pretend, inputs, begin, record, use };
}
