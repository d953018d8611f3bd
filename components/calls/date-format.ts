/** The one format of dates and times in the call log (next-intl formats it in the user's language and the contact center's zone). */
export const callTimeFormat = { dateStyle: "medium", timeStyle: "medium" } satisfies Intl.DateTimeFormatOptions;
