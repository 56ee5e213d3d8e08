// The build-step fast path: `polar-codegen` re-run with spec, config and generator
// unchanged exits on the build stamp without parsing anything. Timed as a build step
// sees it (a whole process, Node's start-up included) on the full 2026-10 spec, with
// the cold run (fresh output folder, no stamp) beside it. Target: under 150 ms.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SPECS = ["../shared/specs/polar/polar-2026-10.openapi.yaml", "../shared/specs/polar/polar-2026-10.openapi.json"];
const TARGET_MS = 150;

function timeRun(args, script = "dist/generator/cli.js") {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [script, ...args].filter(Boolean), { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`polar-codegen ${args.join(" ")} failed:\n${child.stderr}`);
  return { ms, stdout: child.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Math.round(value * 10) / 10;

export function benchFastPath() {
  const rows = [];
  const scratch = mkdtempSync(join(tmpdir(), "polar-codegen-fast-path-"));
  try {
    for (const spec of SPECS) {
      const cold = [];
      const unchanged = [];
      const bare = [];
      for (let run = 0; run < RUNS; run++) {
        // Node starting and exiting, nothing else: the part of the figure that is not the tool's.
        bare.push(timeRun(["-e", "0"], "").ms);
        const out = join(scratch, `${run}-${spec.split(".").pop()}`);
        cold.push(timeRun(["--spec", spec, "--out", out, "--quiet"]).ms);
        const again = timeRun(["--spec", spec, "--out", out]);
        if (!again.stdout.includes("up to date")) throw new Error(`the re-run did not take the fast path: ${again.stdout}`);
        unchanged.push(again.ms);
      }
      rows.push({
        spec: spec.split("/").pop(),
        runs: RUNS,
        coldMs: round(median(cold)),
        unchangedMs: round(median(unchanged)),
        unchangedMaxMs: round(Math.max(...unchanged)),
        bareNodeMs: round(median(bare)),
        toolMs: round(median(unchanged) - median(bare)),
        targetMs: TARGET_MS,
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchFastPath());

/** For bench/run.mjs. */
export const bench = benchFastPath;
