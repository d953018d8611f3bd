import type { AppLocale } from "./locales";
import type { Messages } from "./load-messages";

// Typed keys: a t("…") call naming a key missing from the English catalog fails type-checking.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
