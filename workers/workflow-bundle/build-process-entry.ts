import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { z } from "zod";
import { BUNDLE_DIR, PROCESS_ENTRIES, ROOT, processEntryManifestPath, processEntryPath, sourcesHash, type BundleManifest, type ProcessName } from "./bundle-manifest";

const metafileSchema = z.object({ inputs: z.record(z.string(), z.unknown()) });

/**
 * Bundles a process's main file (the worker, the ARI bridge) and every project file it imports into
 * one ES module (packages stay in node_modules), with a manifest of those files: started with plain
 * `node`, the process spends no CPU on transpiling TypeScript (tsx) before it serves.
 */
export async function buildProcessEntry(name: ProcessName): Promise<BundleManifest> {
  const entryPath = processEntryPath(name);
  const manifestPath = processEntryManifestPath(name);
  const tmp = `${entryPath}.${process.pid}.tmp.mjs`;
  const result = await build({
    entryPoints: [path.join(ROOT, PROCESS_ENTRIES[name])],
    absWorkingDir: ROOT,
    outfile: tmp,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // Names are kept (no minifying): stack traces read well without a source map, which node would not load anyway.
    metafile: true,
    logLevel: "warning",
  });
  const inputs = Object.keys(metafileSchema.parse(result.metafile).inputs).filter((file) => !file.includes("node_modules/"));
  const files = [...inputs, "package-lock.json"];
  const hash = await sourcesHash(files);
  if (hash === null) throw new Error(`a file of the ${name} entry disappeared while bundling`);
  const manifest: BundleManifest = { files, sourcesHash: hash, builtAt: new Date().toISOString() };
  await mkdir(BUNDLE_DIR, { recursive: true });
  // Renamed into place: a process starting meanwhile sees the old entry or the new one, never half.
  await rename(tmp, entryPath);
  await writeFile(`${manifestPath}.${process.pid}.tmp`, JSON.stringify(manifest, null, 2));
  await rename(`${manifestPath}.${process.pid}.tmp`, manifestPath);
  return manifest;
}
