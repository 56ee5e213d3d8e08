import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Two projects: the default suite (`npm test`), which reads only the project's own files
// (fixture specs in test/fixtures/specs), and the corpus over every real Polar spec in
// POLAR_SPECS_DIR, default ../shared/specs/polar (`npm run test:corpus`), which is slower.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "default",
          include: ["test/**/*.test.ts", "generated/**/*.test.ts"],
          exclude: ["test/corpus/**", "test/golden/__snapshots__/**", "**/node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // vitest's default is one worker per core but one; many files here spend their time
          // waiting on the processes and sockets they start, so a 2-core machine runs two.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          // The type tests (test/types/*.test-d.ts) are held by tsc over the whole project,
          // which test/typecheck.test.ts runs: tsc once, not twice.
        },
      },
      {
        test: {
          name: "corpus",
          include: ["test/corpus/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
