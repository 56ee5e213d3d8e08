// Cold runs of `polar-codegen` against `openapi-typescript` on the same real spec, in
// the same run, interleaved so machine noise hits both alike. Prints medians, the
// ratio to openapi-typescript, and peak memory.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_SPECS=a.json,b.yaml measures other specs the same way.
const SPECS = process.env.BENCH_SPECS?.split(",") ?? ["../shared/specs/polar/polar-2026-10.openapi.json", "../shared/specs/polar/polar-2026-10.openapi.yaml"];
const PRELOAD = ["--import", "./bench/report-rss.mjs"];

export function timeOnce(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...PRELOAD, ...args], { encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed:\n${child.stderr}`);
  const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { seconds, rssMiB: rssKb / 1024 };
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function bench() {
  const rows = [];
  const scratch = mkdtempSync(join(tmpdir(), "polar-codegen-bench-"));
  try {
    for (const spec of SPECS) {
      const ours = [];
      const peer = [];
      for (let run = 0; run < RUNS; run++) {
        const out = join(scratch, `ours-${run}`);
        ours.push(timeOnce(["dist/generator/cli.js", "--spec", spec, "--out", out, "--quiet"]));
        peer.push(timeOnce(["node_modules/openapi-typescript/bin/cli.js", spec, "-o", join(scratch, `peer-${run}.ts`)]));
      }
      const oursSeconds = median(ours.map((r) => r.seconds));
      const peerSeconds = median(peer.map((r) => r.seconds));
      rows.push({
        spec: spec.split("/").pop(),
        runs: RUNS,
        polarCodegenSeconds: round(oursSeconds),
        openapiTypescriptSeconds: round(peerSeconds),
        ratio: round(oursSeconds / peerSeconds),
        polarCodegenPeakMiB: round(Math.max(...ours.map((r) => r.rssMiB))),
        openapiTypescriptPeakMiB: round(Math.max(...peer.map((r) => r.rssMiB))),
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

export function round(value) {
  return Math.round(value * 1000) / 1000;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(bench());
