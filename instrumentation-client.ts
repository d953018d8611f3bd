// Runs in the browser before the app's code (Next's client instrumentation hook).
import { z } from "zod";

// zod compiles object parsers with `new Function` when it may, and probes for that once: under the
// Content-Security-Policy (no 'unsafe-eval', next.config.mjs) the probe is a reported violation.
// Parsing without the compiled fast path is plenty for forms and API responses.
z.config({ jitless: true });
