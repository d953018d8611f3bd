import { access, readFile } from "node:fs/promises";
import { bundleManifestSchema, sourcesHash } from "./bundle-manifest";

export type Prebuilt = { ok: true; codePath: string } | { ok: false; reason: string };

/**
 * A file built ahead of time (see scripts/build-workflow-bundle.ts), if it was built from its sources
 * as they are now. A stale one is never used: the process would run other code than the repository's.
 */
export async function prebuiltFile(what: string, codePath: string, manifestPath: string): Promise<Prebuilt> {
  let raw: string;
  try {
    raw = await readFile(manifestPath, "utf8");
  } catch {
    return { ok: false, reason: `no prebuilt ${what} (${manifestPath})` };
  }
  const manifest = bundleManifestSchema.safeParse(parseJson(raw));
  if (!manifest.success) return { ok: false, reason: `unreadable ${what} manifest ${manifestPath}` };
  if (!(await exists(codePath))) return { ok: false, reason: `no prebuilt ${what} (${codePath})` };
  const hash = await sourcesHash(manifest.data.files);
  if (hash !== manifest.data.sourcesHash) return { ok: false, reason: `the sources of the ${what} changed since it was built` };
  return { ok: true, codePath };
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
