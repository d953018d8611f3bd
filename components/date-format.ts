/**
 * The one format of a date and time in the UI (next-intl formats it in the user's language and the
 * contact center's zone): every page shows the same moment the same way.
 */
export const dateTimeFormat = { dateStyle: "medium", timeStyle: "medium" } satisfies Intl.DateTimeFormatOptions;
