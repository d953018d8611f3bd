"use client";

import { useLocale, useTranslations } from "next-intl";
import type { DragEvent } from "react";
import { pick } from "@/flows-runtime/i18n/locales";
import { getNodeDefinition, nodeDefinitions } from "@/flows-runtime/nodes/registry.definitions";
import type { NodeCategory } from "@/flows-runtime/nodes/node-definition";
import { useEditor } from "../store/editor-context";
import { CATEGORY_ORDER } from "./category-style";
import { NodeIcon } from "./node-icon";

const CATEGORY_KEYS = {
  entry: "categories.entry",
  prompt: "categories.prompt",
  input: "categories.input",
  logic: "categories.logic",
  integration: "categories.integration",
  "call-control": "categories.call-control",
} as const satisfies Record<NodeCategory, string>;

/** MIME type of a palette item being dragged onto the canvas. */
export const NODE_TYPE_MIME = "application/x-cc-node-type";
/** On <body> while a palette item is dragged: the minimap and zoom buttons let the drop through to the canvas. */
export const DRAGGING_NODE_CLASS = "cc-dragging-node";

/** The node types of this flow's kind, grouped by category, straight from the registry. */
export function Palette({ onAdd }: { onAdd: (nodeType: string) => void }) {
  const locale = useLocale();
  const t = useTranslations("designer.palette");
  const kind = useEditor((state) => state.meta.kind);
  const readOnly = useEditor((state) => state.readOnly);
  const hasEntry = useEditor((state) => state.nodes.some((node) => getNodeDefinition(node.data.nodeType)?.entry === true));
  const available = nodeDefinitions.filter((definition) => definition.kinds.includes(kind));

  const onDragStart = (event: DragEvent, nodeType: string) => {
    event.dataTransfer.setData(NODE_TYPE_MIME, nodeType);
    event.dataTransfer.effectAllowed = "copy";
    document.body.classList.add(DRAGGING_NODE_CLASS);
  };

  return (
    <nav className="palette" aria-label={t("title")}>
      <div className="palette-title">{t("title")}</div>
      <p className="palette-help">{t("help")}</p>
      {CATEGORY_ORDER.map((category) => {
        const items = available.filter((definition) => definition.category === category);
        if (items.length === 0) return null;
        return (
          <section key={category} className="palette-group">
            <h3>{t(CATEGORY_KEYS[category])}</h3>
            {items.map((definition) => {
              const disabled = readOnly || (definition.entry === true && hasEntry);
              return (
                <button
                  type="button"
                  key={definition.type}
                  className="palette-item"
                  data-category={definition.category}
                  data-testid={`palette-${definition.type}`}
                  draggable={!disabled}
                  disabled={disabled}
                  title={pick(definition.description, locale)}
                  onDragStart={(event) => onDragStart(event, definition.type)}
                  onDragEnd={() => document.body.classList.remove(DRAGGING_NODE_CLASS)}
                  onClick={() => onAdd(definition.type)}
                >
                  <span className="palette-icon">
                    <NodeIcon name={definition.icon} size={16} />
                  </span>
                  {pick(definition.label, locale)}
                </button>
              );
            })}
          </section>
        );
      })}
    </nav>
  );
}
