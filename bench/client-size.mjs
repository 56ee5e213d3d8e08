// Bundle size of the generated client for the three operations: esbuild (minified,
// ESM, browser) of a tiny entry that creates a client, calls each operation and uses
// `unwrap`, then gzip. Measured for the embedded spec and for the real 2026-10 spec (the
// largest security and a date version). Chunks loaded only on demand (the retry policy
// once `retry` is set, the validators behind `validateResponses: true`) are reported
// apart: a page that never retries or validates never loads them.
//
//   node bench/client-size.mjs [generated-folder]    (default: both specs; needs `npm run build`)

import { build } from "esbuild";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET = 2900;
const SPECS = [
  ["embedded", "spec/polar.openapi.yaml"],
  ["2026-10", "../shared/specs/polar/polar-2026-10.openapi.yaml"],
];

const entry = `
import { createPolarClient, unwrap } from "./index.js";
const polar = createPolarClient({ server: "sandbox", accessToken: () => "token", customerSession: "session", memberSession: "member", retry: true, timeoutMs: 10000 });
const id = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";
export async function run() {
  unwrap(await polar.customers.delete({ id, anonymize: true }));
  ${"" /* the 2025-02-18 spec has no delete_external: call it only when present */}
  if (polar.customers.deleteExternal) unwrap(await polar.customers.deleteExternal({ externalId: "user-1" }));
  return unwrap(await polar.customerPortal.subscriptions.cancel({ id }));
}
`;

/** `source`: the entry module's code (default: the three operations' calls, above), importing from "./index.js". */
export async function measureClientSize(dir, source = entry) {
  const outdir = mkdtempSync(join(tmpdir(), "polar-client-size-"));
  const module = existsSync(join(dir, "index.ts")) ? "./index.js" : "./client.js";
  try {
    const result = await build({
      stdin: { contents: source.replace("./index.js", module), resolveDir: dir, loader: "ts", sourcefile: "entry.ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      splitting: true,
      outdir,
      metafile: true,
      write: true,
      logLevel: "silent",
    });
    return sizes(result.metafile.outputs);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** What loads with the entry (static imports), apart from each chunk loaded on demand. */
function sizes(outputs) {
  const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  const eager = new Set([entryName]);
  for (const name of eager) {
    for (const imported of outputs[name].imports) if (imported.kind === "import-statement") eager.add(imported.path);
  }
  const measure = (names) => {
    const code = Buffer.concat(names.map((name) => readFileSync(resolve(name))));
    return { minified: code.length, gzip: gzipSync(code).length };
  };
  const lazyNames = Object.keys(outputs).filter((name) => !eager.has(name) && name.endsWith(".js"));
  const chunkOf = (name) => basename(name).replace(/-[A-Z0-9]+\.js$/, "");
  const lazy = lazyNames.map((name) => ({ chunk: chunkOf(name), ...measure([name]) }));
  // What a client that retries loads in all, gzipped as one (the budget's reading with retries on).
  const retry = lazyNames.find((name) => chunkOf(name) === "retry");
  return { eager: measure([...eager]), lazy, withRetry: retry ? measure([...eager, retry]) : undefined };
}

/** Generates the client for a spec into a temporary folder (the CLI's own pipeline, from dist/). */
async function generated(spec) {
  const { generate } = await import("../dist/generator/index.js");
  const out = mkdtempSync(join(tmpdir(), "polar-client-size-gen-"));
  await generate({ spec, out, config: false });
  return out;
}

/** A row for the eager bundle (against the budget), then one per on-demand chunk. */
async function rowsFor({ spec, dir }) {
  const { eager, lazy, withRetry } = await measureClientSize(dir);
  const row = (part, size, budget) => ({ spec, part, minifiedBytes: size.minified, gzipBytes: size.gzip, budgetGzipBytes: budget });
  return [
    row("client (eager)", eager, BUDGET),
    ...lazy.map((chunk) => row(`${chunk.chunk} (on demand)`, chunk, "-")),
    ...(withRetry ? [row("client + retry, as one", withRetry, "-")] : []),
  ];
}

/** For bench/run.mjs: the rows of both specs. */
export async function bench() {
  const rows = [];
  for (const [spec, file] of SPECS) {
    const dir = spec === "embedded" ? resolve("generated/polar") : await generated(file);
    try {
      rows.push(...(await rowsFor({ spec, dir })));
    } finally {
      if (spec !== "embedded") rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = process.argv[2] ? await rowsFor({ spec: process.argv[2], dir: resolve(process.argv[2]) }) : await bench();
  console.table(rows);
  if (rows.some((row) => row.budgetGzipBytes === BUDGET && row.gzipBytes > BUDGET)) process.exitCode = 1;
}
