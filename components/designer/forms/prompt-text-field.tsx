"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { TTS_MAX_CHARS } from "@/flows-runtime/nodes/shared/tts-languages";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";

const length = (text: string): number => [...text].length;

/**
 * A prompt's text: a plain text area. While an input method composes (pinyin before it becomes
 * 汉字), nothing is committed; the composed text is committed when the composition ends. A hint
 * counts the characters against what text-to-speech speaks in one prompt.
 */
export function PromptTextField({ value, path, nullable, onChange }: { value: unknown; path: FieldPath; nullable: boolean; onChange: ChangeHandler }) {
  const { readOnly } = useFormContext();
  const t = useTranslations("canvas");
  const key = pathKey(path);
  const stored = typeof value === "string" ? value : "";
  const [text, setText] = useState(stored);
  const composing = useRef(false);
  const commit = (next: string) => {
    if (next !== stored) onChange(next === "" && nullable ? null : next, key);
  };
  // Undo, or a change made elsewhere, replaces the text unless the person is in the middle of composing.
  useEffect(() => {
    if (!composing.current) setText(stored);
  }, [stored]);
  const count = length(text);
  const tooLong = count > TTS_MAX_CHARS;
  return (
    <>
      <textarea
        id={`field-${key}`}
        data-field-path={key}
        data-testid="prompt-text"
        className="prompt-text"
        value={text}
        rows={3}
        readOnly={readOnly}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          setText(event.currentTarget.value);
          commit(event.currentTarget.value);
        }}
        onChange={(event) => {
          setText(event.target.value);
          // During composition the text holds half-typed input (pinyin): not a change yet.
          if (!composing.current && !(event.nativeEvent instanceof InputEvent && event.nativeEvent.isComposing)) commit(event.target.value);
        }}
        onBlur={(event) => {
          composing.current = false;
          commit(event.currentTarget.value);
        }}
      />
      <div className={`field-help prompt-length${tooLong ? " is-over" : ""}`} data-testid="prompt-length" aria-live="polite">
        {t(tooLong ? "promptTooLong" : "promptLength", { count, max: TTS_MAX_CHARS })}
      </div>
    </>
  );
}
