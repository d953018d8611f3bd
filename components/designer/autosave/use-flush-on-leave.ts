"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { Autosave } from "./autosave";

/** The in-app address a click on this element would open, when it is a plain left click on a same-origin link. */
function inAppLink(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || (anchor.target !== "" && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Leaving the canvas through a link right after typing must not drop the last edit (the autosave
 * waits 0.8 s for more typing): the click waits for the save, then goes on; when the save fails the
 * person is asked, as a reload asks.
 */
export function useFlushOnLeave(autosave: Autosave | null, confirmLeave: () => boolean): void {
  const router = useRouter();
  useEffect(() => {
    if (autosave === null) return;
    const onClick = (event: MouseEvent) => {
      if (autosave.status.getState().state === "saved") return;
      const href = inAppLink(event);
      if (href === null) return;
      event.preventDefault();
      event.stopPropagation();
      void autosave.flush().then((saved) => {
        if (saved || confirmLeave()) router.push(href);
      });
    };
    // Capture phase: before Next's Link handler starts a navigation of its own.
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [autosave, router, confirmLeave]);
}
