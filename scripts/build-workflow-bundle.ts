/**
 * Bundles the workflow code ahead of worker starts (webpack takes seconds; a worker then loads the
 * file in well under a second). Run by scripts/setup-and-start.sh and scripts/test.sh.
 *
 *   npx tsx scripts/build-workflow-bundle.ts             always rebuild
 *   npx tsx scripts/build-workflow-bundle.ts --if-stale  only when a bundled source changed
 */
import { buildWorkflowBundle } from "../workers/workflow-bundle/build-workflow-bundle";
import { BUNDLE_CODE_PATH } from "../workers/workflow-bundle/bundle-manifest";
import { prebuiltWorkflowBundle } from "../workers/workflow-bundle/prebuilt-workflow-bundle";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--if-stale");
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(" ")} (only --if-stale)`);
  if (args.includes("--if-stale")) {
    const current = await prebuiltWorkflowBundle();
    if (current.ok) {
      console.log(`workflow bundle is up to date: ${current.codePath}`);
      return;
    }
    console.log(`rebuilding the workflow bundle: ${current.reason}`);
  }
  const started = Date.now();
  const manifest = await buildWorkflowBundle();
  console.log(`workflow bundle built in ${Date.now() - started} ms from ${manifest.files.length} files: ${BUNDLE_CODE_PATH}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
