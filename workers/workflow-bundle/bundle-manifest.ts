import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository: the nearest folder with package.json above this module (workers/… or the prebuilt .build/worker.mjs). */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = repositoryRoot(path.dirname(fileURLToPath(import.meta.url)));
/** Entry of the workflow bundle. */
export const WORKFLOWS_PATH = path.join(ROOT, "workers", "workflows", "index.ts");
/** Built by scripts/build-workflow-bundle.ts (setup and test scripts); git-ignored. */
export const BUNDLE_DIR = path.join(ROOT, ".build");
export const BUNDLE_CODE_PATH = path.join(BUNDLE_DIR, "workflow-bundle.js");
export const BUNDLE_MANIFEST_PATH = path.join(BUNDLE_DIR, "workflow-bundle.json");
/** Processes started from a prebuilt ES module (scripts/build-workflow-bundle.ts): no TypeScript to transpile at start. */
export const PROCESS_ENTRIES = {
  worker: path.join("workers", "worker.ts"),
  "ari-bridge": path.join("workers", "ari-bridge", "main.ts"),
};
export type ProcessName = keyof typeof PROCESS_ENTRIES;
export const processEntryPath = (name: ProcessName) => path.join(BUNDLE_DIR, `${name}.mjs`);
export const processEntryManifestPath = (name: ProcessName) => path.join(BUNDLE_DIR, `${name}.json`);

export const bundleManifestSchema = z.object({
  /** Repository-relative paths of every project file in the bundle, plus package-lock.json (the SDK's version). */
  files: z.array(z.string().min(1)).min(1),
  sourcesHash: z.string().regex(/^[0-9a-f]{64}$/),
  builtAt: z.string(),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** sha256 over the files' names and contents; null when one of them no longer exists. */
export async function sourcesHash(files: readonly string[], root: string = ROOT): Promise<string | null> {
  const hash = createHash("sha256");
  for (const file of [...files].sort()) {
    let content: Buffer;
    try {
      content = await readFile(path.join(root, file));
    } catch {
      return null;
    }
    hash.update(file).update("\0").update(content).update("\0");
  }
  return hash.digest("hex");
}
