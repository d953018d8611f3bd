import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildProcessEntry } from "./build-process-entry";
import { processEntryPath } from "./bundle-manifest";
import { prebuiltProcessEntry } from "./prebuilt-process-entry";

describe("a prebuilt process entry", () => {
  it("is one ES module of the project's files, with a manifest that makes it fresh", { timeout: 60_000 }, async () => {
    const manifest = await buildProcessEntry("ari-bridge");
    expect(manifest.files).toContain("workers/ari-bridge/main.ts");
    expect(manifest.files).toContain("package-lock.json");
    expect(manifest.files.filter((file) => file.includes("node_modules"))).toEqual([]);
    expect(await prebuiltProcessEntry("ari-bridge")).toEqual({ ok: true, codePath: processEntryPath("ari-bridge") });
    const code = await readFile(processEntryPath("ari-bridge"), "utf8");
    // Packages stay imports (the native Temporal module, ws) and no TypeScript is left to transpile.
    expect(code).toMatch(/from "@temporalio\/client"/);
    expect(code).not.toMatch(/from "\.{1,2}\//);
  });
});
