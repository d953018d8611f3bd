import { BUNDLE_CODE_PATH, BUNDLE_MANIFEST_PATH } from "./bundle-manifest";
import { prebuiltFile, type Prebuilt } from "./prebuilt-file";

export type PrebuiltBundle = Prebuilt;

/** The workflow bundle scripts/build-workflow-bundle.ts built, if the workflow sources have not changed since. */
export function prebuiltWorkflowBundle(): Promise<PrebuiltBundle> {
  return prebuiltFile("workflow bundle", BUNDLE_CODE_PATH, BUNDLE_MANIFEST_PATH);
}
