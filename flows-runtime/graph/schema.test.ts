import { describe, expect, it } from "vitest";
import { graphSchema } from "./schema";

describe("graph schema", () => {
  it("fills defaults and rejects a wrong schemaVersion", () => {
    const ok = graphSchema.parse({ schemaVersion: 1, kind: "ivr", nodes: [], edges: [] });
    expect(ok.variables).toEqual([]);
    expect(graphSchema.safeParse({ schemaVersion: 99, kind: "ivr", nodes: [], edges: [] }).success).toBe(false);
  });
});
