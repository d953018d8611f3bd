export { diffGraphs, type DiffableGraph } from "./diff-graphs";
export { diffValues } from "./diff-values";
export { isEmptyDiff } from "./is-empty-diff";
export { summarizeDiff } from "./summarize-diff";
export { diffStatusByNode, type NodeDiffStatus } from "./diff-status-by-node";
export { diffStatusByEdge, type EdgeDiffStatus, type EdgeStatusBySide } from "./diff-status-by-edge";
export { formatJsonPath } from "./json-path";
export type * from "./types";
