import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
const STAMP = path.join(ROOT, ".next", "cc-browser-tests.stamp");
/** What the app's modules import from (test files aside, which no page imports). */
const SOURCES = ["app", "components", "flows-runtime", "workers", "scripts", "tests/support", "prisma/schema.prisma", "next.config.mjs", "instrumentation-client.ts", "tsconfig.json", "package-lock.json"];
/** Written by scripts/test.sh's early build when it ends: its exit status. */
const PREBUILD_STATUS = process.env.CC_BROWSER_PREBUILD_STATUS;

function walk(target: string, hash: ReturnType<typeof createHash>): void {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (stat.isFile()) {
    if (/\.test\.tsx?$/.test(target)) return;
    hash.update(`${path.relative(ROOT, target)}\0`).update(readFileSync(target)).update("\0");
    return;
  }
  for (const entry of readdirSync(target).sort()) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    walk(path.join(target, entry), hash);
  }
}

/**
 * A fingerprint of the contents of everything the production build depends on: switching branches
 * and back (new mtimes, same contents) keeps the build.
 */
function sourceStamp(): string {
  const hash = createHash("sha256");
  for (const source of SOURCES) walk(path.join(ROOT, source), hash);
  return hash.digest("hex");
}

function nextBuild(mode: "compile" | "generate") {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build", `--experimental-build-mode=${mode}`], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Builds the app once (next build is the expensive part on 2 cores); later test files, and later
 * runs with unchanged sources, reuse the build.
 */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  // The early build scripts/test.sh started: wait for its end, then use what it built (or build here,
  // which reports its error, when it failed).
  while (PREBUILD_STATUS !== undefined && !existsSync(PREBUILD_STATUS) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2_000));
  for (;;) {
    const stamp = sourceStamp();
    if (existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp) return;
    // Compile, then generate: the production build without Next's own type check, which
    // `npm run typecheck` already does for the whole tree (and which a colleague's half-written file
    // elsewhere must not turn into a failing browser test).
    let result = nextBuild("compile");
    if (result.status === 0) result = nextBuild("generate");
    if (result.status === 0) {
      writeFileSync(STAMP, stamp);
      return;
    }
    const output = `${result.stdout}\n${result.stderr}`;
    // A developer's own `next build` in the same tree holds the build lock: wait for it, then build.
    if (!output.includes("Another next build process is already running") || Date.now() > deadline) throw new Error(`next build failed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}
