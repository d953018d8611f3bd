import type { DiffMessages } from "./catalog";

const quote = (text: string): string => `"${text}"`;
const via = (port: string | undefined): string => (port === undefined ? "" : ` the ${port} path`);

export const en: DiffMessages = {
  quote,
  list: (items) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`),
  values: { empty: "(empty)", notSet: "(not set)", none: "none", on: "on", off: "off" },
  variableTypes: { string: "text", number: "number", boolean: "yes/no", object: "object", any: "any type" },
  variableFields: { type: "type", initial: "initial value", description: "description" },
  itemNouns: {
    options: "option",
    conditions: "condition",
    assignments: "assignment",
    headers: "header",
    responseMapping: "response field",
    inputs: "input",
    outputs: "output",
    "target.skills": "skill",
    weekly: "opening hours",
    holidays: "holiday",
    extraOpenDays: "extra working day",
  },

  content: ({ text, menuKeys: keys }) => {
    const keyText = keys === undefined ? "" : `${keys.length === 1 ? "key" : "keys"} ${keys.join(", ")}`;
    if (text === undefined) return `with ${keyText}`;
    return keyText === "" ? quote(text) : `${quote(text)} (${keyText})`;
  },
  subject: ({ type, label, content, id }) => (label !== undefined ? `${type} ${quote(label)}` : `${type} ${content ?? id}`),
  reference: ({ type, label, content, id }) => (label !== undefined ? quote(label) : `${type} ${content ?? id}`),
  fieldOf: (parent, child) => `${parent} ${child}`,
  item: (noun, id) => `${noun} ${id}`,
  // Labels are written for form headings ("Caller can interrupt"); inside a sentence they read lower-case, acronyms (URL) stay.
  fieldName: (label) => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label),

  nodeAdded: ({ name, type }) => `Node ${name} (${type}) added`,
  nodeRemoved: ({ name, type }) => `Node ${name} (${type}) removed`,
  nodeReplaced: ({ name, type, newName, newType }) => `Node ${name} (${type}) replaced by ${newName} (${newType})`,
  nodeRenamed: ({ subject, newName }) => `${subject} renamed to ${newName}`,

  fieldChanged: ({ subject, field, before, after }) => `${subject}: ${field} changed from ${before} to ${after}`,
  fieldSet: ({ subject, field, after }) => `${subject}: ${field} set to ${after}`,
  fieldCleared: ({ subject, field, before }) => `${subject}: ${field} removed (was ${before})`,
  itemAdded: ({ subject, item }) => `${subject}: ${item} added`,
  itemAddedGoesTo: ({ subject, item, target }) => `${subject}: ${item} added, goes to ${target}`,
  itemRemoved: ({ subject, item }) => `${subject}: ${item} removed`,
  itemRemovedWentTo: ({ subject, item, target }) => `${subject}: ${item} removed (went to ${target})`,
  itemRekeyed: ({ subject, item, newItem }) => `${subject}: ${item} is now ${newItem}`,
  listReordered: ({ subject, field }) => `${subject}: order of ${field} changed`,

  edgeAdded: ({ subject, port, target }) => `${subject}:${via(port)} now goes to ${target}`,
  edgeRemoved: ({ subject, port, target }) => `${subject}:${via(port)} no longer goes to ${target}`,
  edgeRetargeted: ({ subject, port, before, after }) => `${subject}:${via(port)} now goes to ${after} instead of ${before}`,

  variableAdded: ({ name, type }) => `Variable ${quote(name)} (${type}) added`,
  variableRemoved: ({ name, type }) => `Variable ${quote(name)} (${type}) removed`,
  variableFieldChanged: ({ name, field, before, after }) => `Variable ${quote(name)}: ${field} changed from ${before} to ${after}`,
  variableFieldSet: ({ name, field, after }) => `Variable ${quote(name)}: ${field} set to ${after}`,
  variableFieldCleared: ({ name, field, before }) => `Variable ${quote(name)}: ${field} removed (was ${before})`,

  nodesMoved: ({ names }) => `${en.list(names)} moved`,
  nodesMovedCount: ({ count }) => `${count} nodes moved`,
};
