// Every operation of the real 2026-10 spec (`--operations '*'`, 186 operations) generated
// cold, against openapi-typescript on the same file in the same run, interleaved; and
// what each writes (files, bytes). openapi-typescript always types the whole spec, so
// this is the like-for-like comparison the three-operation cli-cold bench is not.
// BENCH_OPERATIONS=ids,tag:NAME,... measures another selection the same way.
import { readdirSync, rmSync, statSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, round, timeOnce } from "./cli-cold.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SPEC = process.env.BENCH_SPEC ?? "../shared/specs/polar/polar-2026-10.openapi.json";
const OPERATIONS = process.env.BENCH_OPERATIONS ?? "*";

/** Files and bytes under `dir`, the build stamp left out (it is bookkeeping, not output). */
function sizeOf(dir) {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile() && !path.endsWith(".polar-codegen.stamp.json"));
  return { files: files.length, bytes: files.reduce((total, path) => total + statSync(path).size, 0) };
}

export function bench() {
  const scratch = mkdtempSync(join(tmpdir(), "polar-codegen-bench-all-"));
  try {
    const ours = [];
    const peer = [];
    for (let run = 0; run < RUNS; run++) {
      ours.push(timeOnce(["dist/generator/cli.js", "--spec", SPEC, "--out", join(scratch, `ours-${run}`), "--operations", OPERATIONS, "--quiet"]));
      peer.push(timeOnce(["node_modules/openapi-typescript/bin/cli.js", SPEC, "-o", join(scratch, `peer-${run}.ts`)]));
    }
    const output = sizeOf(join(scratch, "ours-0"));
    const oursSeconds = median(ours.map((r) => r.seconds));
    const peerSeconds = median(peer.map((r) => r.seconds));
    return [
      {
        spec: SPEC.split("/").pop(),
        operations: OPERATIONS.length > 40 ? `${OPERATIONS.split(",").length} selectors` : OPERATIONS,
        runs: RUNS,
        polarCodegenSeconds: round(oursSeconds),
        openapiTypescriptSeconds: round(peerSeconds),
        ratio: round(oursSeconds / peerSeconds),
        polarCodegenPeakMiB: round(Math.max(...ours.map((r) => r.rssMiB))),
        openapiTypescriptPeakMiB: round(Math.max(...peer.map((r) => r.rssMiB))),
        polarCodegenFiles: output.files,
        polarCodegenKiB: round(output.bytes / 1024),
        typesTsKiB: round(statSync(join(scratch, "ours-0", "types.ts")).size / 1024),
        openapiTypescriptKiB: round(statSync(join(scratch, "peer-0.ts")).size / 1024),
      },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(bench());
