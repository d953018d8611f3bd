"use client";

import { useTranslations } from "next-intl";

const VARIANTS = ["queue", "number", "endpoint", "tts", "sound", "digits"] as const;
type Variant = (typeof VARIANTS)[number];
const isVariant = (value: string): value is Variant => VARIANTS.some((variant) => variant === value);

/** Readable names of the choices in unions (transfer targets, prompt item types); unknown ones show as is. */
export function useVariantLabel(): (value: string) => string {
  const t = useTranslations("designer.form.variants");
  return (value) => (isVariant(value) ? t(value) : value);
}
