// Requests per second of the fake Polar (`polar-codegen serve --quiet` on the 2026-10
// spec) against a bare node:http handler answering 204, both in child processes, loaded
// in turn by autocannon from this process, on 127.0.0.1, in one run. The fake's request
// is a full one: route, bearer check, uuid4 decoding, the store, a JSON 404 body.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 10;
const SPEC = "../shared/specs/polar/polar-2026-10.openapi.yaml";
// The peer the target is set against, and the same handler sending the fake's exact 404
// bytes: the difference between the two is what the response itself costs node:http.
const BARE = `import { createServer } from "node:http";
const body = JSON.stringify({ error: "ResourceNotFound", detail: "Not found" });
const answer = process.argv[2] === "404"
  ? (request, response) => response.writeHead(404, ["content-type", "application/json", "content-length", body.length]).end(body)
  : (request, response) => response.writeHead(204).end();
const server = createServer(answer);
server.listen(0, "127.0.0.1", () => process.stdout.write("listening on http://127.0.0.1:" + server.address().port + "\\n"));
process.on("SIGTERM", () => server.close());
`;

function start(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited ${code}`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ url, stop: () => child.kill("SIGTERM") });
    });
  });
}

async function load(url) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    method: "DELETE",
    headers: { authorization: "Bearer bench" },
  });
  if (result.errors || result.non2xx !== result["4xx"]) throw new Error(`load against ${url} had errors or 5xx`);
  return result.requests.average;
}

export async function bench() {
  const scratch = mkdtempSync(join(tmpdir(), "polar-codegen-bench-rps-"));
  const bareFile = join(scratch, "bare.mjs");
  writeFileSync(bareFile, BARE);
  const fake = await start(["dist/generator/cli.js", "serve", "--quiet", "--spec", SPEC, "--port", "0"], { POLAR_CODEGEN_CACHE_DIR: join(scratch, "cache") });
  const bare = await start([bareFile], {});
  const bare404 = await start([bareFile, "404"], {});
  try {
    const targets = {
      bare: `${bare.url}/`,
      bare404: `${bare404.url}/`,
      fake: `${fake.url}/v1/customers/6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b`,
    };
    // Warm-up: JIT every server before measuring.
    for (const url of Object.values(targets)) await load(url);
    const rps = { bare: [], bare404: [], fake: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of Object.entries(targets)) rps[name].push(await load(url));
    }
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const row = (server, name) => ({ server, requestsPerSecond: Math.round(mean(rps[name])), ratioToBare204: Math.round((mean(rps[name]) / mean(rps.bare)) * 100) / 100 });
    return [
      row("bare node:http, 204 (the peer)", "bare"),
      row("bare node:http, the fake's 404 JSON bytes", "bare404"),
      row("fake Polar (serve --quiet): DELETE /v1/customers/{id} → 404", "fake"),
    ];
  } finally {
    fake.stop();
    bare.stop();
    bare404.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await bench());
