import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";

/** Tests that need PostgreSQL, Temporal and the ARI simulator: one file at a time on 2 cores. */
const integration = { environment: "node", fileParallelism: false, testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    reporters: ["default", "./tests/summary-reporter.ts"],
    // Phases in this order (sequence.groupOrder): the browser tests last, so that the production build
    // scripts/test.sh starts early has the unit and e2e phases to finish in.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["flows-runtime/**/*.test.ts", "workers/**/*.unit.test.ts", "app/**/*.unit.test.ts", "components/**/*.unit.test.ts", "scripts/**/*.unit.test.ts", "tests/**/*.unit.test.ts"],
          environment: "node",
          // Two files at a time on 2 cores: most of a unit file's time is its import. CPU-bound tests
          // (scrypt at full cost, property runs) get room for a loaded machine.
          maxWorkers: 2,
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["workers/**/*.int.test.ts", "tests/**/*.int.test.ts", "app/**/*.int.test.ts"],
          exclude: [...configDefaults.exclude, "tests/browser/**"],
          ...integration,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: "browser", include: ["tests/browser/**/*.int.test.ts"], ...integration, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
