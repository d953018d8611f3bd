import { processEntryManifestPath, processEntryPath, type ProcessName } from "./bundle-manifest";
import { prebuiltFile, type Prebuilt } from "./prebuilt-file";

/** The process entry scripts/build-workflow-bundle.ts built, if none of its project files changed since. */
export function prebuiltProcessEntry(name: ProcessName): Promise<Prebuilt> {
  return prebuiltFile(`${name} entry`, processEntryPath(name), processEntryManifestPath(name));
}
