"use client";

import { useTranslations } from "next-intl";
import { SUPPORTED_LANGUAGES } from "@/flows-runtime/nodes/shared/languages";
import { defaultVoiceFor, TTS_LANGUAGE_VOICES, voiceSpeaks, type InstalledVoice } from "@/flows-runtime/nodes/shared/tts-languages";
import type { Locale } from "@/flows-runtime/i18n/locales";
import { languageName } from "./field-suggestions";
import { pathKey, useFormContext, type FieldPath } from "./form-context";
import { useInstalledVoices } from "./use-installed-voices";

/** "en-gb" -> "en-GB": how prompt languages are written in flows. */
const bcp47 = (tag: string): string => tag.split("-").map((part, index) => (index > 0 && part.length === 2 ? part.toUpperCase() : part)).join("-");

function displayLanguage(tag: string, locale: Locale): string {
  const known = languageName(tag, locale);
  if (known !== tag) return known;
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    // Private-use variants ("en-gb-x-rp") are not names Intl knows: name the base language.
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag.split("-")[0] ?? tag) ?? tag;
  }
}

/** Prompt languages whose voice is installed; every supported language while the list is unknown. */
function installedLanguages(voices: readonly InstalledVoice[] | null): string[] {
  const tags = Object.keys(TTS_LANGUAGE_VOICES).filter((tag) => tag.includes("-")).map(bcp47);
  if (voices === null) return SUPPORTED_LANGUAGES.map((language) => language.code);
  const ids = new Set(voices.map((voice) => voice.id));
  return tags.filter((tag) => ids.has(defaultVoiceFor(tag) ?? ""));
}

/** A prompt's language, from the languages text-to-speech can speak here; empty: the call's language. */
export function LanguageSelect({ value, path, onChange }: { value: unknown; path: FieldPath; onChange: (next: string) => void }) {
  const { readOnly, locale } = useFormContext();
  const t = useTranslations("canvas.voice");
  const voices = useInstalledVoices();
  const current = typeof value === "string" ? value : "";
  const languages = installedLanguages(voices);
  const key = pathKey(path);
  return (
    <select id={`field-${key}`} data-field-path={key} data-testid="tts-language" value={current} disabled={readOnly} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t("callLanguage")}</option>
      {[...languages, ...(current !== "" && !languages.includes(current) ? [current] : [])].map((tag) => (
        <option key={tag} value={tag}>
          {displayLanguage(tag, locale)}
        </option>
      ))}
    </select>
  );
}

/** A prompt's voice, from the installed voices that speak its language; empty: the language's usual voice. */
export function VoiceSelect({ value, language, path, onChange }: { value: unknown; language: string; path: FieldPath; onChange: (next: string) => void }) {
  const { readOnly, locale } = useFormContext();
  const t = useTranslations("canvas.voice");
  const voices = useInstalledVoices();
  const current = typeof value === "string" ? value : "";
  const spoken = language === "" ? SUPPORTED_LANGUAGES.map((supported) => supported.code) : [language];
  const matching = (voices ?? []).filter((voice) => spoken.some((tag) => voiceSpeaks(voice, tag)));
  const key = pathKey(path);
  return (
    <>
      <select id={`field-${key}`} data-field-path={key} data-testid="tts-voice" value={current} disabled={readOnly} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t("default")}</option>
        {matching.map((voice) => (
          <option key={voice.id} value={voice.id}>
            {`${displayLanguage(voice.languages.find((tag) => tag.includes("-") && !tag.startsWith("zh-")) ?? voice.id, locale)} · ${voice.id}`}
          </option>
        ))}
        {current !== "" && !matching.some((voice) => voice.id === current) && <option value={current}>{current}</option>}
      </select>
      {voices === null && <div className="field-help">{t("loading")}</div>}
      {voices !== null && matching.length === 0 && <div className="field-help">{t("none")}</div>}
    </>
  );
}
