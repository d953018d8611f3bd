import type { GraphNode } from "../graph/schema";
import type { DiffableGraph } from "./diff-graphs";
import { indexBy } from "./index-by";
import type { DiffMessages } from "./messages/catalog";
import { messagesFor } from "./messages/messages-for";
import { nodeContent } from "./node-content";
import { nodeTypeInfo, type NodeTypeInfo } from "./node-type-info";
import type { DiffLocale } from "./types";

export type Side = "before" | "after";

export interface SummaryContext {
  messages: DiffMessages;
  nodes: Record<Side, Map<string, GraphNode>>;
  info(type: string): NodeTypeInfo;
  /** Menu "Main menu" / Menu "Please choose" (keys 1, 2) / Menu menu_1. */
  subject(node: GraphNode): string;
  /** "Main menu" / Menu menu_1. */
  reference(node: GraphNode): string;
  /** "Main menu" / "Please choose" (keys 1, 2) / menu_1, for lines that name the type next to it. */
  name(node: GraphNode): string;
  /** A node by id, from `side` first; an id that is on neither side (a dangling edge) stays an id. */
  referenceById(id: string, side: Side): string;
  /** Subject for a node by id, preferring the new version. */
  subjectById(id: string): string;
}

const labelOf = (node: GraphNode): string | undefined => (node.label === undefined || node.label === "" ? undefined : node.label);

export function summaryContext(before: DiffableGraph, after: DiffableGraph, locale: DiffLocale): SummaryContext {
  const messages = messagesFor(locale);
  const nodes = { before: indexBy(before.nodes, (node) => node.id), after: indexBy(after.nodes, (node) => node.id) };
  const infos = new Map<string, NodeTypeInfo>();
  const info = (type: string): NodeTypeInfo => {
    const known = infos.get(type);
    if (known !== undefined) return known;
    const created = nodeTypeInfo(type, locale);
    infos.set(type, created);
    return created;
  };
  const contents = new Map<GraphNode, string | undefined>();
  const contentOf = (node: GraphNode): string | undefined => {
    if (labelOf(node) !== undefined) return undefined;
    if (contents.has(node)) return contents.get(node);
    const found = nodeContent(node);
    const text = found === undefined ? undefined : messages.content(found);
    contents.set(node, text);
    return text;
  };
  const parts = (node: GraphNode) => ({ type: info(node.type).label, label: labelOf(node), content: contentOf(node), id: node.id });
  const lookup = (id: string, side: Side): GraphNode | undefined =>
    nodes[side].get(id) ?? nodes[side === "before" ? "after" : "before"].get(id);
  return {
    messages,
    nodes,
    info,
    subject: (node) => messages.subject(parts(node)),
    reference: (node) => messages.reference(parts(node)),
    name: (node) => {
      const label = labelOf(node);
      return label === undefined ? (contentOf(node) ?? node.id) : messages.quote(label);
    },
    referenceById: (id, side) => {
      const node = lookup(id, side);
      return node === undefined ? id : messages.reference(parts(node));
    },
    subjectById: (id) => {
      const node = lookup(id, "after");
      return node === undefined ? id : messages.subject(parts(node));
    },
  };
}
