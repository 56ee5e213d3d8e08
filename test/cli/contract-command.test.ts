// `polar-codegen test`: the generated contract suite, run for teams that have not wired
// vitest themselves; against the fake by default, a live URL with --base-url.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakePolar, createPolarServer, toNodeListener, type FakeSeed } from "../../generated/polar/index.js";
import { CLI, runCli } from "../helpers/cli.js";

const PLAIN = { NO_COLOR: "1", FORCE_COLOR: "0" };

/** Asynchronous: the server under test lives in this process and must keep answering. */
function runCliAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...PLAIN, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("polar-codegen test", () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    const seed = JSON.parse(readFileSync("generated/polar/contract/fixtures.json", "utf8")) as FakeSeed;
    server = createServer(toNodeListener(createPolarServer(createFakePolar({ seed }))));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("runs the generated suite against the generated fake: exit 0", () => {
    const run = runCli({ args: ["test"], env: PLAIN });
    expect(run.stdout).toMatch(/Tests\s+\d+ passed/);
    expect(run.code).toBe(0);
    // vitest's cache went elsewhere: nothing is left in the generated folder.
    expect(readdirSync("generated/polar/contract")).not.toContain("node_modules");
  });

  it("against a live URL without --allow-destructive, runs only what destroys nothing, and says so", async () => {
    const run = await runCliAsync(["test", "--base-url", baseUrl], { POLAR_CONTRACT_ACCESS_TOKEN: "polar_oat_staging" });
    expect(run.output).toContain("destructive cases NOT run");
    expect(run.output).toMatch(/Tests\s+\d+ passed/);
    expect(run.code).toBe(0);
  }, 60_000);

  it("refuses destructive cases against the spec's production server, before any request", () => {
    const run = runCli({ args: ["test", "--base-url", "https://api.polar.sh", "--allow-destructive"], env: { ...PLAIN, POLAR_CONTRACT_FIXTURES: "generated/polar/contract/fixtures.json" } });
    expect(run.stdout + run.stderr).toContain("refusing destructive contract tests against https://api.polar.sh: it is the spec's production server");
    expect(run.code).toBe(1);
  });

  it("a usage mistake exits 2", () => {
    const run = runCli({ args: ["test", "--no-such-flag"] });
    expect(run.code).toBe(2);
  });
});
