import { access, readFile } from "node:fs/promises";
import { BUNDLE_CODE_PATH, BUNDLE_MANIFEST_PATH, bundleManifestSchema, sourcesHash } from "./bundle-manifest";

export type PrebuiltBundle = { ok: true; codePath: string } | { ok: false; reason: string };

/**
 * The bundle scripts/build-workflow-bundle.ts built, if it was built from the workflow sources as
 * they are now. A stale bundle is never used: a worker would run other workflow code than the repository's.
 */
export async function prebuiltWorkflowBundle(): Promise<PrebuiltBundle> {
  let raw: string;
  try {
    raw = await readFile(BUNDLE_MANIFEST_PATH, "utf8");
  } catch {
    return { ok: false, reason: `no prebuilt bundle (${BUNDLE_MANIFEST_PATH})` };
  }
  const manifest = bundleManifestSchema.safeParse(parseJson(raw));
  if (!manifest.success) return { ok: false, reason: `unreadable bundle manifest ${BUNDLE_MANIFEST_PATH}` };
  if (!(await exists(BUNDLE_CODE_PATH))) return { ok: false, reason: `no prebuilt bundle (${BUNDLE_CODE_PATH})` };
  const hash = await sourcesHash(manifest.data.files);
  if (hash !== manifest.data.sourcesHash) return { ok: false, reason: "the workflow sources changed since the bundle was built" };
  return { ok: true, codePath: BUNDLE_CODE_PATH };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
