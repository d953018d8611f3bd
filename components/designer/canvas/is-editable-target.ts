/** Typing in a field, a select or a code editor keeps the browser's own meaning of keys. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], .monaco-editor, dialog") !== null) return true;
  return false;
}
