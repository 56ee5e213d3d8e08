// Per-call overhead of the generated client against a raw `fetch`, in one process,
// against a local node:http server answering 204. Rounds interleave the two (and
// alternate which goes first) so drift in the machine hits both alike; the figure
// is the ratio of the median per-call times.
//
//   node bench/client-overhead.mjs [generated-folder]    (default: generated/polar)

import { build } from "esbuild";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TARGET = 1.05;
const ROUNDS = 15;
const CALLS_PER_ROUND = 400;
const ID = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";

/** Bundles the generated TypeScript into one module this script can import. */
async function loadClient(folder) {
  const dir = mkdtempSync(join(tmpdir(), "polar-client-overhead-"));
  const entry = existsSync(join(folder, "index.ts")) ? join(folder, "index.ts") : join(folder, "client.ts");
  const outfile = join(dir, "client.mjs");
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", target: "node20", outfile, logLevel: "silent" });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function startServer() {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.statusCode = 204;
      response.end();
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Microseconds one call takes. */
async function timeCall(call) {
  const started = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - started) / 1000;
}

/**
 * Calls raw and client in pairs, alternating which goes first, so drift in the machine
 * (GC, JIT, CPU frequency) hits both alike. Returns the per-round medians.
 */
async function interleave({ raw, client }) {
  const rawMedians = [];
  const clientMedians = [];
  for (let round = 0; round < ROUNDS; round++) {
    const rawTimes = [];
    const clientTimes = [];
    for (let index = 0; index < CALLS_PER_ROUND; index++) {
      if (index % 2 === 0) rawTimes.push(await timeCall(raw));
      clientTimes.push(await timeCall(client));
      if (index % 2 === 1) rawTimes.push(await timeCall(raw));
    }
    rawMedians.push(median(rawTimes));
    clientMedians.push(median(clientTimes));
  }
  return { rawMedians, clientMedians };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureOverhead(folder) {
  const { createPolarClient } = await loadClient(folder);
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    let sameHeaders = {};
    const probe = createPolarClient({
      baseUrl: base,
      accessToken: "polar_oat_benchmark",
      hooks: { beforeRequest: ({ init }) => void (sameHeaders = { ...init.headers }) },
    });
    await probe.customers.delete({ id: ID });
    delete sameHeaders.authorization;
    const polar = createPolarClient({ baseUrl: base, accessToken: "polar_oat_benchmark" });
    // The same request the client sends (its headers included), so the ratio is the client's own cost.
    const headers = { authorization: "Bearer polar_oat_benchmark", ...sameHeaders };
    const raw = async () => {
      const response = await fetch(`${base}/v1/customers/${ID}`, { method: "DELETE", headers, redirect: "manual" });
      if (response.status !== 204) throw new Error(`raw: ${response.status}`);
    };
    const client = async () => {
      const result = await polar.customers.delete({ id: ID });
      if (result.kind !== "success") throw new Error(`client: ${result.kind}`);
    };
    // For reference only: a fetch with the Authorization header alone, without the
    // User-Agent and Polar-Version headers the client must send.
    const minimal = () => fetch(`${base}/v1/customers/${ID}`, { method: "DELETE", headers: { authorization: headers.authorization } });
    await interleave({ raw, client }); // warm-up: JIT, connection pool
    const { rawMedians, clientMedians } = await interleave({ raw, client });
    const { rawMedians: minimalMedians, clientMedians: againMedians } = await interleave({ raw: minimal, client });
    const rawMicros = median(rawMedians);
    const clientMicros = median(clientMedians);
    const minimalRatio = median(againMedians) / median(minimalMedians);
    return { rawMicros, clientMicros, ratio: clientMicros / rawMicros, minimalMicros: median(minimalMedians), minimalRatio };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = resolve(process.argv[2] ?? "generated/polar");
  const { rawMicros, clientMicros, ratio, minimalMicros, minimalRatio } = await measureOverhead(folder);
  console.log(`client overhead (${folder}): raw fetch of the same request ${rawMicros.toFixed(1)} µs/call, client ${clientMicros.toFixed(1)} µs/call, ratio ${ratio.toFixed(3)} (target ≤ ${TARGET})`);
  console.log(`  reference: raw fetch with Authorization only ${minimalMicros.toFixed(1)} µs/call, ratio ${minimalRatio.toFixed(3)}`);
  if (ratio > TARGET) process.exitCode = 1;
}

/** For bench/run.mjs. */
export async function bench() {
  const { rawMicros, clientMicros, ratio, minimalMicros, minimalRatio } = await measureOverhead(resolve("generated/polar"));
  const round = (value) => Math.round(value * 1000) / 1000;
  return [
    { against: "raw fetch, same headers", rawMicrosPerCall: round(rawMicros), clientMicrosPerCall: round(clientMicros), ratio: round(ratio), target: `≤ ${TARGET}` },
    { against: "raw fetch, Authorization only", rawMicrosPerCall: round(minimalMicros), clientMicrosPerCall: "-", ratio: round(minimalRatio), target: "-" },
  ];
}
