// Watch latency: from a spec save to the regenerated files being written, through a real
// `polar-codegen --watch` child process. Each save writes a temporary file and renames it
// over the spec, as editors do. The clock starts when the rename returns and stops when
// the child prints its regeneration line, which it prints after the files are written.
// Two kinds of save: one that changes what the selected operations reach (a schema's
// description: types.ts and openapi.json are rewritten) and one they do not reach.
// Targets: at most 100 ms on the embedded spec, under 1 s on the full 2026-10 YAML.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const SAVES = Number(process.env.BENCH_RUNS ?? 15);
const SETTLE_MS = 3000;
const CLI = resolve("dist/generator/cli.js");
const SPECS = [
  { name: "embedded spec/polar.openapi.yaml", path: "spec/polar.openapi.yaml", targetMs: 100 },
  { name: "polar-2026-10.openapi.yaml", path: "../shared/specs/polar/polar-2026-10.openapi.yaml", targetMs: 1000 },
];
// Unreached first: the output is then still the original's, so those saves change nothing.
const EDITS = {
  // A top-level extension nothing selects.
  unreached: (text, n) => `${text.trimEnd()}\nx-bench-edit: ${n}\n`,
  // A description on a schema every operation reaches (404 ResourceNotFound).
  // (Its own description, if it has one, is replaced: a second would be a duplicate key.)
  reached: (text, n) => text.replace(/^( +)ResourceNotFound:\n(?:\1  description: .*\n)?/m, (_, indent) => `${indent}ResourceNotFound:\n${indent}  description: bench edit ${n}\n`),
};

export async function benchWatchLatency() {
  const rows = [];
  for (const spec of SPECS) rows.push(...(await benchSpec(spec)));
  return rows;
}

async function benchSpec(spec) {
  const dir = mkdtempSync(join(tmpdir(), "polar-codegen-watch-bench-"));
  const specPath = join(dir, "spec.yaml");
  copyFileSync(spec.path, specPath);
  const original = readFileSync(specPath, "utf8");
  const child = spawn(process.execPath, [CLI, "--watch", "--spec", "spec.yaml", "--out", "out"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  const lines = lineReader(child);
  try {
    await lines.next((line) => line.includes("watching"));
    // Let the session finish priming its emitters (it does so while idle after the first
    // build): this measures saves, not start-up. A save during priming waits one emit.
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    const rows = [];
    for (const [kind, edit] of Object.entries(EDITS)) {
      const latencies = [];
      const builds = [];
      for (let n = 1; n <= SAVES; n++) {
        const text = edit(original, `${kind}-${n}`);
        writeFileSync(`${specPath}.tmp`, text);
        const waiting = lines.next((line) => line.includes("changed →"));
        const started = performance.now();
        renameSync(`${specPath}.tmp`, specPath);
        const line = await waiting;
        latencies.push(performance.now() - started);
        builds.push(Number(/\((\d+) ms\)$/.exec(line)?.[1]));
        if (kind === "reached" && !line.includes("types.ts")) throw new Error(`expected types.ts to be rewritten: ${line}`);
        if (kind === "unreached" && !line.includes("output unchanged")) throw new Error(`expected no output change: ${line}`);
      }
      rows.push({
        spec: spec.name,
        save: kind,
        saves: SAVES,
        medianMs: round(median(latencies)),
        firstMs: round(latencies[0]),
        maxMs: round(Math.max(...latencies)),
        regenerationMedianMs: median(builds),
        targetMs: spec.targetMs,
      });
    }
    return rows;
  } finally {
    child.kill("SIGINT");
    await new Promise((done) => child.once("exit", done));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resolve on the next stdout line that matches; fail on the child's exit, or after 30 s with what it printed. */
function lineReader(child) {
  let buffer = "";
  let waiter;
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  let printed = "";
  child.stdout.on("data", (chunk) => {
    buffer += chunk;
    printed = (printed + chunk).slice(-2000);
    for (let end = buffer.indexOf("\n"); end !== -1; end = buffer.indexOf("\n")) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      if (waiter?.match(line)) {
        const { done } = waiter;
        waiter = undefined;
        done(line);
      }
    }
  });
  child.once("exit", (code) => waiter?.fail(new Error(`watch exited (${code}): ${stderr}`)));
  return {
    next: (match) =>
      new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`watch printed no expected line in 30 s:\n${printed}${stderr}`)), 30_000);
        waiter = { match, done: (line) => (clearTimeout(timer), done(line)), fail: (error) => (clearTimeout(timer), fail(error)) };
      }),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Math.round(value * 10) / 10;

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchWatchLatency());

/** For bench/run.mjs. */
export const bench = benchWatchLatency;
