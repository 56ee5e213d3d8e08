// `npm run bench`: every benchmark, each a ratio against a peer measured in the same
// run where there is one. Prints a table per benchmark and writes them all to
// bench/.results/latest.json. BENCH_ONLY=cli-cold,client-size runs a subset.
//
// Each bench/<name>.mjs exports `bench()`, returning rows, and runs alone too:
//   node bench/<name>.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

const BENCHMARKS = [
  ["cli-cold", "Cold CLI on the 2026-10 spec against openapi-typescript (medians; peak RSS)"],
  ["all-ops", "Cold CLI, every operation of the 2026-10 spec (--operations '*'), against openapi-typescript; output sizes"],
  ["fast-path", "Unchanged re-run (build stamp) against a cold run"],
  ["watch-latency", "--watch: from a spec save to files written"],
  ["server-startup", "serve: process start to first response, 2026-10 selection"],
  ["server-rps", "The fake against a bare node:http 204 handler (autocannon, 127.0.0.1)"],
  ["client-size", "Client bundle, minified + gzip (esbuild, browser)"],
  ["client-size-operations", "Client bundle by operations: 3, 20 and all of the 2026-10 spec"],
  ["client-overhead", "Client per-call cost against a raw fetch of the same request"],
  ["install-footprint", "npx: bytes installed from the packed tarball"],
];

const only = process.env.BENCH_ONLY?.split(",");
const results = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, benchmarks: {} };
let failed = false;
for (const [name, title] of BENCHMARKS) {
  if (only && !only.includes(name)) continue;
  let module;
  try {
    module = await import(`./${name}.mjs`);
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    continue;
  }
  console.log(`\n## ${name}: ${title}`);
  try {
    const rows = await module.bench();
    console.table(rows);
    results.benchmarks[name] = rows;
  } catch (error) {
    failed = true;
    console.error(`${name} failed:`, error);
    results.benchmarks[name] = { error: String(error?.message ?? error) };
  }
}
mkdirSync("bench/.results", { recursive: true });
writeFileSync("bench/.results/latest.json", JSON.stringify(results, null, 2) + "\n");
console.log("\nwritten: bench/.results/latest.json");
if (failed) process.exitCode = 1;
