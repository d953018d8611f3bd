/**
 * Every sentence of a diff summary, per locale. Parameters arrive already rendered (node names
 * quoted, values formatted), so a catalog only decides word order and punctuation.
 */
export interface DiffMessages {
  quote(text: string): string;
  /** "A", "B" and "C". */
  list(items: readonly string[]): string;
  /** Rendered values that are not plain text. */
  values: { empty: string; notSet: string; none: string; on: string; off: string };
  /** Value types of flow variables. */
  variableTypes: Record<string, string>;
  /** Fields of a variable declaration. */
  variableFields: Record<string, string>;
  /** What one item of a settings list is called, by the list's field path ("options" -> "option"). */
  itemNouns: Record<string, string>;

  /** An unlabelled node by what it says: "Welcome to ACME", "Please choose" (keys 1, 2). */
  content(p: { text?: string; menuKeys?: readonly string[] }): string;
  /** A node as a line's subject: Menu "Main menu"; unlabelled: Menu "Please choose" (keys 1, 2); nothing to go by: Menu menu_1. */
  subject(p: { type: string; label: string | undefined; content: string | undefined; id: string }): string;
  /** A node mentioned inside a line: "Main menu"; unlabelled: Menu "Please choose" (keys 1, 2); nothing to go by: Menu menu_1. */
  reference(p: { type: string; label: string | undefined; content: string | undefined; id: string }): string;
  /** A field inside a list item or object: option 3 + meaning. */
  fieldOf(parent: string, child: string): string;
  /** One list item: option 3, prompt 2. */
  item(noun: string, id: string): string;
  /** A settings label as used inside a sentence. */
  fieldName(label: string): string;

  nodeAdded(p: { name: string; type: string }): string;
  nodeRemoved(p: { name: string; type: string }): string;
  nodeReplaced(p: { name: string; type: string; newName: string; newType: string }): string;
  nodeRenamed(p: { subject: string; newName: string }): string;

  fieldChanged(p: { subject: string; field: string; before: string; after: string }): string;
  fieldSet(p: { subject: string; field: string; after: string }): string;
  fieldCleared(p: { subject: string; field: string; before: string }): string;
  itemAdded(p: { subject: string; item: string }): string;
  itemAddedGoesTo(p: { subject: string; item: string; target: string }): string;
  itemRemoved(p: { subject: string; item: string }): string;
  itemRemovedWentTo(p: { subject: string; item: string; target: string }): string;
  itemRekeyed(p: { subject: string; item: string; newItem: string }): string;
  listReordered(p: { subject: string; field: string }): string;

  /** `port` is undefined for a node with a single exit, where naming it adds nothing. */
  edgeAdded(p: { subject: string; port: string | undefined; target: string }): string;
  edgeRemoved(p: { subject: string; port: string | undefined; target: string }): string;
  edgeRetargeted(p: { subject: string; port: string | undefined; before: string; after: string }): string;

  variableAdded(p: { name: string; type: string }): string;
  variableRemoved(p: { name: string; type: string }): string;
  variableFieldChanged(p: { name: string; field: string; before: string; after: string }): string;
  variableFieldSet(p: { name: string; field: string; after: string }): string;
  variableFieldCleared(p: { name: string; field: string; before: string }): string;

  /** Few moves: each node named. */
  nodesMoved(p: { names: readonly string[] }): string;
  /** Many moves: a count. */
  nodesMovedCount(p: { count: number }): string;
}
