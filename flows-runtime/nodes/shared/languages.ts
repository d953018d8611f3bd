import { z } from "zod";
import type { LocalizedText } from "../node-definition";

/** Languages the prompts (TTS voices) and the designer offer; the first is the platform default. */
export const SUPPORTED_LANGUAGES = [
  { code: "zh-CN", label: { en: "Chinese (Mandarin)", zh: "中文（普通话）" } },
  { code: "en-US", label: { en: "English (US)", zh: "英语（美国）" } },
] as const satisfies readonly { code: string; label: LocalizedText }[];

export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number]["code"];

export const DEFAULT_LANGUAGE: LanguageCode = "zh-CN";

export const languageCodeSchema = z.enum(["zh-CN", "en-US"]);

/** Any BCP 47-looking tag, for a TTS item that names a voice language the list above does not have yet. */
export const languageTagSchema = z
  .string()
  .max(35)
  .refine((value) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value), { params: { code: "bad-language" } });
