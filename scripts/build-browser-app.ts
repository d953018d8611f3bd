/**
 * Builds the production app the browser tests run (skipped when its sources did not change since the
 * last build). scripts/test.sh runs it at low priority next to the unit and e2e tests, so the first
 * browser test does not start with minutes of `next build`.
 */
import { ensureBuilt } from "../tests/browser/support/build-app";

const started = Date.now();
await ensureBuilt();
console.log(`browser app built or up to date in ${Math.round((Date.now() - started) / 1000)} s`);
