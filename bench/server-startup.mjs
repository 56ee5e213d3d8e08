// `polar-codegen serve` on the 2026-10 spec's selection: time from spawning the process
// to the first response, against a bare node:http server (an ESM file answering 204)
// spawned the same way, interleaved so machine noise hits both alike. Warm runs use a
// cache the first run filled; cold runs each get an empty cache (generate + compile).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 2);
const SPEC = "../shared/specs/polar/polar-2026-10.openapi.yaml";
const BARE = `import { createServer } from "node:http";
const server = createServer((request, response) => response.writeHead(204).end());
server.listen(0, "127.0.0.1", () => process.stdout.write("listening on http://127.0.0.1:" + server.address().port + "\\n"));
process.on("SIGTERM", () => server.close());
`;

/** Milliseconds from spawn to "listening" and to the first complete response. */
function startOnce(options) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, options.args, { env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let sent = false;
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => {
      if (!sent) reject(new Error(`exited ${code} before listening:\n${err}`));
    });
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (!port || sent) return;
      sent = true;
      const listening = performance.now() - started;
      // A raw socket: the measuring side's own HTTP client set-up is not in the figure.
      const socket = connect(Number(port), "127.0.0.1", () =>
        socket.write(`DELETE ${options.target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer bench\r\nConnection: close\r\n\r\n`),
      );
      let reply = "";
      socket.on("data", (data) => (reply += data));
      socket.on("error", reject);
      socket.on("end", () => {
        const first = performance.now() - started;
        child.kill("SIGTERM");
        child.on("close", () => resolve({ listening, first, status: reply.slice(9, 12) }));
      });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Math.round(value * 10) / 10;

export async function bench() {
  const scratch = mkdtempSync(join(tmpdir(), "polar-codegen-bench-startup-"));
  const bareFile = join(scratch, "bare.mjs");
  writeFileSync(bareFile, BARE);
  const serveArgs = ["dist/generator/cli.js", "serve", "--spec", SPEC, "--port", "0"];
  const target = "/v1/customers/external/nobody";
  try {
    const cold = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      cold.push(await startOnce({ args: serveArgs, env: { POLAR_CODEGEN_CACHE_DIR: join(scratch, `cold-${run}`) }, target }));
    }
    const warmEnv = { POLAR_CODEGEN_CACHE_DIR: join(scratch, "cold-0") };
    const warm = [];
    const bare = [];
    for (let run = 0; run < RUNS; run++) {
      warm.push(await startOnce({ args: serveArgs, env: warmEnv, target }));
      bare.push(await startOnce({ args: [bareFile], env: {}, target }));
    }
    const row = (name, runs) => ({
      server: name,
      runs: runs.length,
      listeningMs: round(median(runs.map((run) => run.listening))),
      firstResponseMs: round(median(runs.map((run) => run.first))),
      bestFirstResponseMs: round(Math.min(...runs.map((run) => run.first))),
      status: runs[0].status,
    });
    const rows = [row("serve, warm cache (2026-10)", warm), row("bare node:http answering 204", bare), row("serve, cold (generate + compile)", cold)];
    rows[0].overBareMs = round(rows[0].firstResponseMs - rows[1].firstResponseMs);
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await bench());
