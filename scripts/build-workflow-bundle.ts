/**
 * Builds what workers load ahead of their start: the workflow bundle (webpack takes seconds; a
 * worker then loads the file in well under a second) and the worker and ARI bridge processes as one ES
 * module each (`node .build/worker.mjs`: no TypeScript transpiled at start). Run by scripts/setup-and-start.sh
 * and scripts/test.sh.
 *
 *   npx tsx scripts/build-workflow-bundle.ts             always rebuild both
 *   npx tsx scripts/build-workflow-bundle.ts --if-stale  only what a changed source made stale
 */
import { buildProcessEntry } from "../workers/workflow-bundle/build-process-entry";
import { buildWorkflowBundle } from "../workers/workflow-bundle/build-workflow-bundle";
import { BUNDLE_CODE_PATH, processEntryPath, type BundleManifest, type ProcessName } from "../workers/workflow-bundle/bundle-manifest";
import type { Prebuilt } from "../workers/workflow-bundle/prebuilt-file";
import { prebuiltProcessEntry } from "../workers/workflow-bundle/prebuilt-process-entry";
import { prebuiltWorkflowBundle } from "../workers/workflow-bundle/prebuilt-workflow-bundle";

async function ensure(what: string, path: string, ifStale: boolean, current: () => Promise<Prebuilt>, rebuild: () => Promise<BundleManifest>): Promise<void> {
  if (ifStale) {
    const prebuilt = await current();
    if (prebuilt.ok) {
      console.log(`${what} is up to date: ${prebuilt.codePath}`);
      return;
    }
    console.log(`rebuilding the ${what}: ${prebuilt.reason}`);
  }
  const started = Date.now();
  const manifest = await rebuild();
  console.log(`${what} built in ${Date.now() - started} ms from ${manifest.files.length} files: ${path}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--if-stale");
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(" ")} (only --if-stale)`);
  const ifStale = args.includes("--if-stale");
  await ensure("workflow bundle", BUNDLE_CODE_PATH, ifStale, prebuiltWorkflowBundle, buildWorkflowBundle);
  const processes: ProcessName[] = ["worker", "ari-bridge"];
  for (const name of processes) {
    await ensure(`${name} entry`, processEntryPath(name), ifStale, () => prebuiltProcessEntry(name), () => buildProcessEntry(name));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
