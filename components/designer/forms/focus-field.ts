/**
 * Focuses the control of a setting inside `root`: the exact path, else the closest enclosing one
 * (a list when the item is gone). Opens collapsed sections on the way.
 */
export function focusField(root: HTMLElement, path: readonly (string | number)[]): boolean {
  for (let length = path.length; length >= 1; length -= 1) {
    const key = path.slice(0, length).join(".");
    const element = root.querySelector<HTMLElement>(`[data-field-path="${CSS.escape(key)}"]`);
    if (element === null) continue;
    for (let parent = element.parentElement; parent !== null && parent !== root; parent = parent.parentElement) {
      if (parent instanceof HTMLDetailsElement) parent.open = true;
    }
    element.scrollIntoView({ block: "center" });
    element.focus();
    return true;
  }
  return false;
}
