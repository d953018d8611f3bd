import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    reporters: ["default", "./tests/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["flows-runtime/**/*.test.ts", "workers/**/*.unit.test.ts", "app/**/*.unit.test.ts", "components/**/*.unit.test.ts", "scripts/**/*.unit.test.ts", "tests/**/*.unit.test.ts"],
          environment: "node",
        },
      },
      {
        // Tests that need PostgreSQL, Temporal and the ARI simulator: one file at a time on 2 cores.
        extends: true,
        test: {
          name: "integration",
          include: ["workers/**/*.int.test.ts", "tests/**/*.int.test.ts", "app/**/*.int.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
