// A spec given as a URL, through the real command: a refused redirect or an answer over
// the size cap is one clear line on stderr, exit 2, and nothing written. The CLI runs as
// a child process while this process serves, so it is spawned without blocking.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, scratchDir } from "../helpers/cli.js";

const cwd = scratchDir();
let api: Server;
let other: Server;
let base = "";
let otherBase = "";
const otherRequests: string[] = [];

beforeAll(async () => {
  other = createServer((request, response) => {
    otherRequests.push(request.url ?? "");
    response.writeHead(200).end("openapi: 3.1.0\n");
  });
  api = createServer((request, response) => {
    if (request.url === "/moved.yaml") return void response.writeHead(302, { location: `${otherBase}/spec.yaml` }).end();
    // Endless: the cap must stop it.
    response.writeHead(200);
    const more = (): void => {
      while (!response.destroyed && response.write("x".repeat(64 * 1024)));
      if (!response.destroyed) response.once("drain", more);
    };
    more();
  });
  for (const server of [api, other]) await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const server of [api, other]) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  rmSync(cwd, { recursive: true, force: true });
});

function runCli(options: { args: string[]; env?: Record<string, string> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...options.args], { cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("polar-codegen --spec URL", () => {
  it("refuses a redirect to another origin: exit 2, one line, nothing written, nothing asked of the other origin", async () => {
    const run = await runCli({ args: ["--spec", `${base}/moved.yaml`, "--out", "out"] });
    expect([run.code, run.stdout, run.stderr]).toStrictEqual([
      2,
      "",
      `could not fetch ${base}/moved.yaml: redirected to ${otherBase}/spec.yaml: another origin than the spec's URL; give that URL as --spec, or allow it with --allow-remote-refs [spec-redirect-refused]\n`,
    ]);
    expect([existsSync(join(cwd, "out")), otherRequests]).toStrictEqual([false, []]);
  });

  it("stops an endless answer at the size cap: exit 2, nothing written", async () => {
    const run = await runCli({ args: ["--spec", `${base}/spec.yaml`, "--out", "out"], env: { POLAR_CODEGEN_MAX_SPEC_BYTES: "1048576" } });
    expect([run.code, run.stderr]).toStrictEqual([
      2,
      `could not fetch ${base}/spec.yaml: more than 1048576 bytes, the limit for a spec and the files its $refs fetch, together (set POLAR_CODEGEN_MAX_SPEC_BYTES to change it) [spec-too-large]\n`,
    ]);
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });
});
