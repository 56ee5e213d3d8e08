// Bundle size of the generated client for the three operations: esbuild (minified,
// ESM, browser) of a tiny entry that creates a client, calls each operation and uses
// `unwrap`, then gzip. Chunks loaded only on demand (the validators behind
// `validateResponses: true`) are reported apart: a page that never validates never loads them.
//
//   node bench/client-size.mjs [generated-folder]    (default: generated/polar)

import { build } from "esbuild";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET = 2900;
const folder = resolve(process.argv[2] ?? "generated/polar");
const module = existsSync(join(folder, "index.ts")) ? "./index.js" : "./client.js";

const entry = `
import { createPolarClient, unwrap } from ${JSON.stringify(module)};
const polar = createPolarClient({ server: "sandbox", accessToken: () => "token", customerSession: "session", memberSession: "member", retry: true, timeoutMs: 10000 });
const id = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";
export async function run() {
  unwrap(await polar.customers.delete({ id, anonymize: true }));
  ${"" /* the 2025-02-18 spec has no delete_external: call it only when present */}
  if (polar.customers.deleteExternal) unwrap(await polar.customers.deleteExternal({ externalId: "user-1" }));
  return unwrap(await polar.customerPortal.subscriptions.cancel({ id }));
}
`;

export async function measureClientSize(dir) {
  const outdir = mkdtempSync(join(tmpdir(), "polar-client-size-"));
  try {
    const result = await build({
      stdin: { contents: entry, resolveDir: dir, loader: "ts", sourcefile: "entry.ts" },
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
    return await sizes({ result, outdir });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Sums what loads with the entry (static imports) apart from what loads on demand. */
async function sizes({ result, outdir }) {
  const { readFileSync } = await import("node:fs");
  const outputs = result.metafile.outputs;
  const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  const eager = new Set([entryName]);
  for (const name of eager) {
    for (const imported of outputs[name].imports) if (imported.kind === "import-statement") eager.add(imported.path);
  }
  const measure = (names) => {
    const code = Buffer.concat(names.map((name) => readFileSync(resolve(name))));
    return { minified: code.length, gzip: gzipSync(code).length, gzip9: gzipSync(code, { level: 9 }).length };
  };
  void outdir;
  const lazy = Object.keys(outputs).filter((name) => !eager.has(name) && name.endsWith(".js"));
  return { eager: measure([...eager]), lazy: lazy.length ? measure(lazy) : undefined };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { eager, lazy } = await measureClientSize(folder);
  console.log(`client bundle (${folder}): ${eager.minified} B minified, ${eager.gzip} B gzip (level 9: ${eager.gzip9} B); budget ${BUDGET} B`);
  if (lazy) console.log(`  loaded on demand (validators): ${lazy.minified} B minified, ${lazy.gzip} B gzip`);
  if (eager.gzip > BUDGET) process.exitCode = 1;
}

/** For bench/run.mjs: the embedded spec's client, eager and on-demand parts. */
export async function bench() {
  const { eager, lazy } = await measureClientSize(resolve("generated/polar"));
  return [
    { part: "client (eager)", minifiedBytes: eager.minified, gzipBytes: eager.gzip, budgetGzipBytes: BUDGET },
    ...(lazy ? [{ part: "validators (on demand)", minifiedBytes: lazy.minified, gzipBytes: lazy.gzip, budgetGzipBytes: "-" }] : []),
  ];
}
