import en from "./messages/en.json";
import type { Messages } from "./load-messages";

export type ErrorCode = keyof Messages["errors"];

/** Whether an API error code has a translated message (unknown codes show the server's text). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(en.errors, code);
}
