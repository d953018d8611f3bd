import { readFileSync } from "node:fs";
import { z } from "zod";
import type { HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";

const graphShape = z.looseObject({
  nodes: z.array(z.looseObject({ id: z.string(), data: z.record(z.string(), z.unknown()) })),
});
export type FixtureGraph = z.infer<typeof graphShape>;

/** A saved flow from flows-runtime/fixtures, as the designer would publish it. */
export function loadFixture(name: "bank-ivr" | "after-sales-ivr" | "menu-retries-transfer"): FixtureGraph {
  const text = readFileSync(new URL(`../../flows-runtime/fixtures/${name}.json`, import.meta.url), "utf8");
  return graphShape.parse(JSON.parse(text));
}

/** A copy of the graph with some settings of one node replaced (a URL pointing at a local server, opening hours). */
export function withNodeData(graph: FixtureGraph, nodeId: string, data: Record<string, unknown>): FixtureGraph {
  let found = false;
  const nodes = graph.nodes.map((node) => {
    if (node.id !== nodeId) return node;
    found = true;
    return { ...node, data: { ...node.data, ...data } };
  });
  if (!found) throw new Error(`fixture has no node "${nodeId}"`);
  return { ...graph, nodes };
}

/** The hosts and secrets of the after-sales fixture's HTTP nodes, allowed as an administrator would. */
export const afterSalesHttpPolicy: HttpPolicy = {
  allowed: ["api.example-shop.cn", "crm.example-shop.cn"].map((destination) => ({ destination, allowInternal: false })),
  secrets: [
    { secret: "SHOP_API_TOKEN", destinations: ["api.example-shop.cn"] },
    { secret: "CRM_API_KEY", destinations: ["crm.example-shop.cn"] },
  ],
};
