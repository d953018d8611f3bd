import type { NodeCategory } from "@/flows-runtime/nodes/node-definition";

/** Palette order; each category's colour is in designer.css ([data-category]). */
export const CATEGORY_ORDER: readonly NodeCategory[] = ["entry", "prompt", "input", "logic", "integration", "call-control"];
