// The generated contract suite of a spec that is not Polar's (a pet store: an open list
// with query parameters, a create with a body and security, an open read and delete by
// id), generated with `--operations '*'`: it has tests for every operation and no empty
// group, passes against a server that keeps to the spec, fails on each named defect,
// changes nothing on a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1 and says
// what it left out, and passes against the generated fake. The suites run in one vitest
// process, as in mutants.test.ts.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toNodeListener } from "../../generated/polar/server.js";
import { runCli } from "../helpers/cli.js";
import { PET_MUTANTS, PET_TOKEN, petStore, type Mutation } from "./pet-store.js";

const SPEC = "test/fixtures/contract/petstore.openapi.yaml";
const OPERATIONS = ["createPet", "deletePet", "listPets", "showPet"];

interface SuiteRun {
  passed: string[];
  failed: string[];
  messages: string;
  /** What the suite printed (console.log), for the cases it says it did not run. */
  output: string;
  /** Files vitest failed without a test failing (an empty suite, a collection error). */
  fileErrors: string[];
}

const servers: Server[] = [];
let root = "";
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The pet store, with one defect between it and the wire, on 127.0.0.1; the ids it deleted. */
async function serve(mutate?: Mutation): Promise<{ url: string; deleted: string[] }> {
  const deleted: string[] = [];
  const forward = petStore(deleted);
  const fetch = (request: Request) => (mutate ? mutate({ request, forward }) : forward(request));
  const server = createServer(toNodeListener({ fetch } as never));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, deleted };
}

/**
 * Each run a file beside the generated suite that sets its POLAR_CONTRACT_* variables and
 * loads it (vitest gives each file its own process.env and modules); one vitest process.
 */
async function runSuites(runs: Array<{ folder: string; env: Record<string, string> }>): Promise<SuiteRun[]> {
  const fileOf = (index: number) => join(root, runs[index]!.folder, "contract", `run-${String(index).padStart(2, "0")}.test.ts`);
  runs.forEach((run, index) => {
    writeFileSync(fileOf(index), `Object.assign(process.env, ${JSON.stringify(run.env)});\nawait import("./contract.test.ts");\n`);
  });
  writeFileSync(join(root, "vitest.config.mjs"), 'export default { test: { include: ["*/contract/run-*.test.ts"], maxWorkers: 2, testTimeout: 60000 } };\n');
  const report = join(root, "report.json");
  const args = ["node_modules/vitest/vitest.mjs", "run", "--config", join(root, "vitest.config.mjs"), "--root", root, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  const output = await new Promise<string>((resolve, reject) => {
    const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith("POLAR_CONTRACT_") && name !== "FORCE_COLOR");
    const env = { ...Object.fromEntries(inherited), NO_COLOR: "1" };
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("close", () => resolve(text));
  });
  type Result = { fullName: string; status: string; failureMessages: string[] };
  const parsed = JSON.parse(readFileSync(report, "utf8")) as { testResults: Array<{ name: string; status: string; message: string; assertionResults: Result[] }> };
  return runs.map((_, index) => {
    const files = parsed.testResults.filter((file) => file.name === fileOf(index));
    const results = files.flatMap((file) => file.assertionResults);
    const failed = results.filter((result) => result.status === "failed");
    // vitest prints each file's console output headed by its path.
    const name = `run-${String(index).padStart(2, "0")}.test.ts`;
    return {
      passed: results.filter((result) => result.status === "passed").map((result) => result.fullName),
      failed: failed.map((result) => result.fullName),
      messages: failed.flatMap((result) => result.failureMessages).join("\n"),
      output: output.split(/\n(?=std(?:out|err) \|)/).filter((block) => block.includes(name)).join("\n"),
      fileErrors: files.filter((file) => file.status === "failed" && file.message).map((file) => file.message),
    };
  });
}

describe("the contract suite of a spec that is not Polar's", () => {
  const names = Object.keys(PET_MUTANTS);
  let runs: Promise<SuiteRun[]>;
  let untouched: { url: string; deleted: string[] };
  beforeAll(async () => {
    root = mkdtempSync(join(process.cwd(), ".polar-codegen-tmp-any-spec-"));
    // Named Polar for the servers' runs: the entry names the client and server have on
    // every branch; under its own name (PetStore) for the run against its generated fake.
    for (const [folder, extra] of [["named", ["--name", "Polar"]], ["pets", []]] as const) {
      const result = await runCli({ args: ["--spec", SPEC, "--operations", "*", "--out", join(root, folder), "--quiet", ...extra] });
      expect(result.code, result.stderr).toBe(0);
    }
    const urls = await Promise.all([serve(), ...names.map((name) => serve(PET_MUTANTS[name]!.mutate))]);
    untouched = await serve();
    const live = (url: string, destructive: boolean) => ({
      folder: "named",
      env: { POLAR_CONTRACT_BASE_URL: url, POLAR_CONTRACT_ACCESS_TOKEN: PET_TOKEN, ...(destructive ? { POLAR_CONTRACT_ALLOW_DESTRUCTIVE: "1" } : {}) },
    });
    runs = runSuites([...urls.map(({ url }) => live(url, true)), live(untouched.url, false), { folder: "pets", env: {} }]);
  }, 120_000);

  it("passes against a server that keeps to the spec, with tests for every operation and no empty group", async () => {
    const [control] = await runs;
    expect(control!.failed, control!.messages).toStrictEqual([]);
    expect(control!.fileErrors).toStrictEqual([]);
    for (const id of OPERATIONS) expect(control!.passed.filter((name) => name.includes(`${id}: `)).length, id).toBeGreaterThan(1);
    // Polar's outcome sequences and negative cases are not there: no operation is Polar's.
    expect(control!.passed.filter((name) => /documented outcomes|negative cases|property-based/.test(name))).toStrictEqual([]);
    expect(control!.passed).toContain("schema-level checks: documented statuses, media types, schemas and credentials deletePet: a valid request without credentials answers a documented success or 404, media type and schema");
    expect(control!.passed.some((name) => /deletePet: without credentials answers 401/.test(name))).toBe(false);
    expect(control!.passed.some((name) => /createPet: without credentials answers 401/.test(name))).toBe(true);
  }, 600_000);

  it.each(names.map((name, index) => [name, index + 1] as const))("catches: %s", async (name, index) => {
    const result = (await runs)[index]!;
    expect(result.failed.length, `${name}: the suite passed`).toBeGreaterThan(0);
    expect(result.failed.some((test) => PET_MUTANTS[name]!.caughtBy.test(test)), `${name}: failed only ${JSON.stringify(result.failed)}`).toBe(true);
  }, 600_000);

  it("against a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1 it passes, changes nothing and names what it did not run", async () => {
    const run = (await runs)[names.length + 1]!;
    expect(run.failed, run.messages).toStrictEqual([]);
    expect(run.fileErrors).toStrictEqual([]);
    expect(run.passed.some((name) => name.includes("listPets: a valid request"))).toBe(true);
    expect(run.passed.filter((name) => /createPet|deletePet/.test(name) && !name.includes("client"))).toStrictEqual([]);
    expect(run.output).toContain("schema-level checks NOT run for POST createPet, DELETE deletePet");
    expect(untouched.deleted).toStrictEqual([]);
  }, 600_000);

  it("polar-codegen test against a live server asks for a token only for the operations with security", async () => {
    await runs; // the suites read the folder it generates into first
    const args = ["test", "--spec", SPEC, "--operations", "*", "--out", join(root, "named"), "--name", "Polar", "--base-url", untouched.url];
    const run = await runCli({ args, env: { POLAR_CONTRACT_ACCESS_TOKEN: "", POLAR_CONTRACT_CUSTOMER_SESSION: "" } });
    expect(run.stderr).toContain("a live run (--base-url) needs credentials in the environment: set POLAR_CONTRACT_ACCESS_TOKEN (for createPet)\n");
    expect(run.code).toBe(2);
  }, 600_000);

  // Needs the fake to answer the operations it does not model with their examples.
  it("passes against its generated fake, in process", async () => {
    const run = (await runs).at(-1)!;
    expect(run.failed, run.messages).toStrictEqual([]);
    expect(run.fileErrors).toStrictEqual([]);
    for (const id of OPERATIONS) expect(run.passed.some((name) => name.includes(`${id}: a valid request`)), id).toBe(true);
  }, 600_000);
});
