import { WORKER_ENTRY_MANIFEST_PATH, WORKER_ENTRY_PATH } from "./bundle-manifest";
import { prebuiltFile, type Prebuilt } from "./prebuilt-file";

/** The worker entry scripts/build-workflow-bundle.ts built, if none of its project files changed since. */
export function prebuiltWorkerEntry(): Promise<Prebuilt> {
  return prebuiltFile("worker entry", WORKER_ENTRY_PATH, WORKER_ENTRY_MANIFEST_PATH);
}
