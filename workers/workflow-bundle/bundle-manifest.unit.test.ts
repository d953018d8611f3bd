import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sourcesHash } from "./bundle-manifest";

describe("sourcesHash: when a prebuilt workflow bundle is stale", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "cc-bundle-hash-"));
    await writeFile(path.join(root, "a.ts"), "export const a = 1;");
    await writeFile(path.join(root, "b.ts"), "export const b = 2;");
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("is the same for the same files in any order, and changes with a file's content", async () => {
    const before = await sourcesHash(["a.ts", "b.ts"], root);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(await sourcesHash(["b.ts", "a.ts"], root)).toBe(before);
    await writeFile(path.join(root, "b.ts"), "export const b = 3;");
    expect(await sourcesHash(["a.ts", "b.ts"], root)).not.toBe(before);
  });

  it("is null when a bundled file is gone", async () => {
    await rm(path.join(root, "a.ts"));
    expect(await sourcesHash(["a.ts", "b.ts"], root)).toBeNull();
  });
});
