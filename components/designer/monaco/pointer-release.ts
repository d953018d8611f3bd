// Whether a mouse button or finger is pressed anywhere in the page. Pressing a node selects it and opens
// its settings; creating Monaco editors then (tens of ms each) would stall the first frames of a drag,
// so code fields wait for the press to end. Listeners are installed when this module loads, before
// the press that selects a node.

let pressed = false;
const waiting = new Set<() => void>();

function release(): void {
  if (!pressed) return;
  pressed = false;
  const callbacks = [...waiting];
  waiting.clear();
  for (const callback of callbacks) callback();
}

if (typeof window !== "undefined") {
  const options = { capture: true, passive: true } as const;
  window.addEventListener("pointerdown", () => {
    pressed = true;
  }, options);
  window.addEventListener("pointerup", release, options);
  window.addEventListener("pointercancel", release, options);
  // A release outside the window, or one a handler swallowed, must not keep the editors waiting.
  window.addEventListener("pointermove", (event) => {
    if (event.buttons === 0) release();
  }, options);
  window.addEventListener("blur", release);
}

/** Whether a press is in progress (a node may be being dragged). */
export function isPointerPressed(): boolean {
  return pressed;
}

/** Calls `callback` now when nothing is pressed, otherwise when the press ends. Returns a cancel function. */
export function whenPointerReleased(callback: () => void): () => void {
  if (!pressed) {
    callback();
    return () => undefined;
  }
  waiting.add(callback);
  return () => {
    waiting.delete(callback);
  };
}
