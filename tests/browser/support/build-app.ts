import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
const STAMP = path.join(ROOT, ".next", "cc-browser-tests.stamp");
const SOURCES = ["app", "components", "flows-runtime", "workers/queues", "prisma/schema.prisma", "next.config.mjs", "instrumentation-client.ts", "package-lock.json"];

function walk(target: string, out: string[]): void {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (stat.isFile()) {
    out.push(`${path.relative(ROOT, target)}:${stat.size}:${stat.mtimeMs}`);
    return;
  }
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    walk(path.join(target, entry), out);
  }
}

/** A fingerprint of everything the production build depends on. */
function sourceStamp(): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(path.join(ROOT, source), files);
  return createHash("sha256").update(files.sort().join("\n")).digest("hex");
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
