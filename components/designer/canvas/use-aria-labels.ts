"use client";

import type { AriaLabelConfig } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, type RefObject } from "react";
import { z } from "zod";

const directionSchema = z.enum(["up", "down", "left", "right"]);

/** React Flow's screen-reader texts and control tooltips in the UI's language (its defaults are English). */
export function useAriaLabels(): Partial<AriaLabelConfig> {
  const t = useTranslations("designer.canvas.aria");
  return useMemo(
    () => ({
      "node.a11yDescription.default": t("nodeDescription"),
      "node.a11yDescription.keyboardDisabled": t("nodeDescriptionKeyboardDisabled"),
      "node.a11yDescription.ariaLiveMessage": ({ direction, x, y }) => {
        const parsed = directionSchema.safeParse(direction);
        return t("nodeMoved", { direction: parsed.success ? t(`directions.${parsed.data}`) : direction, x, y });
      },
      "edge.a11yDescription.default": t("edgeDescription"),
      "controls.ariaLabel": t("controls"),
      "controls.zoomIn.ariaLabel": t("zoomIn"),
      "controls.zoomOut.ariaLabel": t("zoomOut"),
      "controls.fitView.ariaLabel": t("fitView"),
      "controls.interactive.ariaLabel": t("interactive"),
      "handle.ariaLabel": t("handle"),
    }),
    [t],
  );
}

/**
 * React Flow 12 writes aria-roledescription="node" on every node element itself. Setting it per node
 * through `domAttributes` would give every node a new object on each drag frame (re-rendering all of
 * them), so the localized word is set on the elements as they appear; React leaves it alone afterwards
 * because its own value never changes.
 */
export function useNodeRoleDescription(container: RefObject<HTMLElement | null>, word: string): void {
  useEffect(() => {
    const root = container.current;
    if (root === null) return;
    const apply = () => {
      for (const element of root.querySelectorAll('.react-flow__node[aria-roledescription="node"]')) element.setAttribute("aria-roledescription", word);
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container, word]);
}
