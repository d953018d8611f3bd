import type { Page } from "playwright-core";

export interface Leak {
  where: string;
  text: string;
  /** The element it was found on (tag, test id or class), to find the code that wrote it. */
  element: string;
}

/**
 * Words that stay in Latin letters in the Chinese UI: protocol and format names, key names, the
 * product's name. Everything else Latin-only is a string missing from the catalogue.
 */
export const LATIN_ALLOWED = new Set([
  "cc-flows",
  "DTMF",
  "HTTP",
  "HTTPS",
  "URL",
  "CSV",
  "JSON",
  "IVR",
  "API",
  "DID",
  "Stasis",
  "ID",
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "Delete",
  "Ctrl",
  "Shift",
  "Enter",
  "Esc",
  "Tab",
  "IP",
  "UTC",
  // The language switcher names each language in itself.
  "English",
]);

/**
 * Every Latin-only text on the page (text nodes, aria-label, title, placeholder, alt) that is neither
 * user data (`userData`: names, numbers and texts the test itself entered) nor made only of allowed
 * words, numbers and symbols. Code editors and the `<code>` of identifiers show user data.
 */
export async function englishLeaks(page: Page, where: string, userData: readonly string[]): Promise<Leak[]> {
  const found = await page.evaluate(() => {
    const out: { text: string; element: string }[] = [];
    const describe = (element: Element | null): string =>
      element === null ? "" : `${element.tagName.toLowerCase()}${element.closest("[data-testid]")?.getAttribute("data-testid") ? `@${element.closest("[data-testid]")?.getAttribute("data-testid")}` : ""}.${element.className}`;
    const skip = (element: Element | null): boolean =>
      element !== null && element.closest("script, style, noscript, code, pre, .monaco-editor, textarea, [data-user-data]") !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      if (text !== "" && !skip(node.parentElement)) out.push({ text, element: describe(node.parentElement) });
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-roledescription]")) {
      if (skip(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt", "aria-roledescription"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) out.push({ text: value, element: `${describe(element)}[${name}]` });
      }
    }
    for (const element of document.querySelectorAll("input[type=submit], input[type=button]")) out.push({ text: element.getAttribute("value") ?? "", element: describe(element) });
    out.push({ text: document.title, element: "title" });
    return out;
  });
  const leaks: Leak[] = [];
  for (const { text, element } of found) if (isEnglishLeak(text, userData)) leaks.push({ where, text, element });
  return leaks;
}

/** Latin-only text left after removing user data, allowed words, emails, ids, numbers and symbols. */
export function isEnglishLeak(text: string, userData: readonly string[]): boolean {
  if (/\p{Script=Han}/u.test(text)) return false;
  let rest = text;
  for (const data of [...userData].sort((a, b) => b.length - a.length)) if (data !== "") rest = rest.split(data).join(" ");
  for (const word of [...LATIN_ALLOWED].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(" ");
  rest = rest
    .replace(/[\w.+-]+@[\w.-]+/g, " ")
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/\bc[a-z0-9]{20,}\b/g, " ")
    .replace(/\bv\d+\b/g, " ")
    .replace(/\b\d+(\.\d+)?\s?(ms|s|MB|KB|px|%)?\b/g, " ");
  return /[A-Za-z]{2,}/.test(rest);
}
