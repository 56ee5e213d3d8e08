// `polar-codegen test`: the generated contract suite, run for teams that have not wired
// vitest themselves; against the fake by default, a live URL with --base-url.
import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createPolarServer, toNodeListener } from "../../generated/polar/index.js";
import { createFakePolar, type FakePolar, type FakeSeed } from "../../generated/polar/fake.js";
import { CLI, runCliProcess } from "../helpers/cli.js";

const PLAIN = { NO_COLOR: "1", FORCE_COLOR: "0" };
const SEED = JSON.parse(readFileSync("generated/polar/contract/fixtures.json", "utf8")) as FakeSeed & { customer_sessions: Array<{ token: string }> };
/** As a team sets them for a live server: a live run never borrows the built-in fixtures' tokens. */
const LIVE_CREDENTIALS = { POLAR_CONTRACT_ACCESS_TOKEN: "polar_oat_staging", POLAR_CONTRACT_CUSTOMER_SESSION: SEED.customer_sessions[0]!.token };
/** Should the refusal ever regress, the suite's fetch still cannot leave the machine. */
const LOOPBACK_ONLY = { NODE_OPTIONS: `--import ${pathToFileURL(resolve("test/fixtures/server/loopback-only.mjs")).href}` };

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
  let fake: FakePolar;
  beforeAll(async () => {
    // The staging token of LIVE_CREDENTIALS, as the server under test knows it.
    fake = createFakePolar({ seed: { ...SEED, access_tokens: [{ token: LIVE_CREDENTIALS.POLAR_CONTRACT_ACCESS_TOKEN, scopes: ["customers:write"] }] } });
    server = createServer(toNodeListener(createPolarServer(fake)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("runs the generated suite against the generated fake: exit 0", () => {
    const run = runCliProcess({ args: ["test"], env: PLAIN });
    expect(run.stdout).toMatch(/Tests\s+\d+ passed/);
    expect(run.code).toBe(0);
    // vitest's cache went elsewhere: nothing is left in the generated folder.
    expect(readdirSync("generated/polar/contract")).not.toContain("node_modules");
  });

  it.each([
    ["without --allow-destructive", [], "a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1"],
    ["with --allow-destructive but no --fixtures", ["--allow-destructive"], "a live server without POLAR_CONTRACT_FIXTURES naming records that exist on it"],
  ])("against a live URL %s, runs only what destroys nothing, names what it did not run and why", async (_, flags, why) => {
    const run = await runCliAsync(["test", "--base-url", baseUrl, ...flags], LIVE_CREDENTIALS);
    expect(run.output).toContain(`contract tests: destructive cases NOT run (${why}): "customers:delete a customer: 204, no body", "customers:delete it again: 404 ResourceNotFound", "customers:delete_external by the customer's external id, anonymize=true: 204", "customers:delete_external it again: 404 ResourceNotFound"`);
    expect(run.output).toContain('"customers:delete_external of a bystander no step named: 204 (it survived the others)". Only the negative cases');
    expect(run.output).toMatch(/Tests\s+\d+ passed/);
    expect(run.code).toBe(0);
    // Nothing was deleted or cancelled on the server.
    expect(fake.state().customers.filter((customer) => customer.deleted_at)).toStrictEqual([]);
    expect(fake.state().subscriptions.filter((subscription) => subscription.cancel_at_period_end)).toStrictEqual([]);
  }, 60_000);

  it("with --allow-destructive and --fixtures, runs the destructive cases too", async () => {
    const run = await runCliAsync(["test", "--base-url", baseUrl, "--allow-destructive", "--fixtures", "generated/polar/contract/fixtures.json"], LIVE_CREDENTIALS);
    expect(run.output).not.toContain("destructive cases NOT run");
    // A live server's state is read only from POLAR_CONTRACT_STATE_URL: those checks say they did not run.
    expect(run.output).toContain("contract tests: state checks NOT run (a live server without POLAR_CONTRACT_STATE_URL)");
    expect(run.output).toMatch(/Tests\s+\d+ passed/);
    expect(run.code).toBe(0);
    // The customer deleted by id, the one deleted by external id, and last the bystander.
    expect(fake.state().customers.filter((customer) => customer.deleted_at).length).toBe(3);
  }, 60_000);

  // Every other spelling of the URL is held by test/contract/target.test.ts, without a process.
  it.each(["https://api.polar.sh", "https://API.POLAR.SH:443"])(
    "refuses destructive cases against the spec's production server (%s), before any request",
    (url) => {
      const run = runCliProcess({ args: ["test", "--base-url", url, "--allow-destructive"], env: { ...PLAIN, ...LOOPBACK_ONLY, ...LIVE_CREDENTIALS, POLAR_CONTRACT_FIXTURES: "generated/polar/contract/fixtures.json" } });
      expect(run.stdout + run.stderr).toContain(`refusing destructive contract tests against ${url}: it is the spec's production server`);
      expect(run.stdout + run.stderr).not.toContain("loopback-only: refused");
      expect(run.code).toBe(1);
    },
  );

  it("the loopback-only preload those runs use does keep fetch on the machine", () => {
    const probe = spawnSync(process.execPath, ["-e", "fetch('https://api.polar.sh/').catch((error) => console.log(error.message))"], { encoding: "utf8", env: { ...process.env, ...LOOPBACK_ONLY } });
    expect(probe.stdout.trim()).toBe("loopback-only: refused a request to api.polar.sh");
  });

  it("a usage mistake exits 2", () => {
    const run = runCliProcess({ args: ["test", "--no-such-flag"] });
    expect(run.code).toBe(2);
  });
});
