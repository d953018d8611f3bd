import { DefaultLogger, type BundleOptions } from "@temporalio/worker";
import { WORKFLOWS_PATH } from "./bundle-manifest";

/**
 * One set of bundle options for the prebuilt file, a worker bundling at start and the replay test.
 * Preloading zod into the shared module cache (`preloadModules`) was measured: no CPU or memory
 * gain within the noise (README "What one call costs"), and flows-runtime cannot be preloaded (the
 * SDK freezes preloaded modules, and frozen zod schemas fail to parse).
 */
export function workflowBundleOptions(): BundleOptions {
  return { workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger("WARN") };
}
