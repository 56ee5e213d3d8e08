// Choosing operations by `*` and `tag:NAME`, and the API's name, as a user meets them on
// the command line and in the config: what is generated, the problems a typo gets, the
// build stamp seeing a new name, and `diff` and `--check` with selectors.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempFolders } from "../helpers/temp-folders.js";
import { SPEC_2025_02, SPEC_2026_10 } from "../fixtures/specs/index.js";

const WEATHER = readFileSync("test/fixtures/any-spec/weather-open.yaml", "utf8");
const folders = tempFolders("polar-codegen-selection-");
let cwd: string;

beforeAll(async () => {
  cwd = await folders.folderWith({ "weather.yaml": WEATHER, "old.yaml": readFileSync(SPEC_2025_02, "utf8"), "new.yaml": readFileSync(SPEC_2026_10, "utf8") });
});

interface InspectedModel {
  name: string;
  polar: boolean;
  operations: Array<{ id: string }>;
}

async function inspect(args: string[], where = cwd): Promise<InspectedModel> {
  const run = await runCli({ args: ["inspect", ...args], cwd: where });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as InspectedModel;
}

const config = async (value: unknown) => folders.folderWith({ "weather.yaml": WEATHER, "polar-codegen.config.json": JSON.stringify(value) });

describe("--operations with selectors", () => {
  it("'*' selects every operation", async () => {
    const model = await inspect(["--spec", "weather.yaml", "--operations", "*"]);
    expect(model.operations.map((operation) => operation.id)).toStrictEqual(["getReadings", "listStations", "submitReading"]);
  });

  it("tag:NAME selects the tagged operations, and mixes with ids", async () => {
    expect((await inspect(["--spec", "weather.yaml", "--operations", "tag:stations"])).operations.map((operation) => operation.id)).toStrictEqual(["getReadings", "listStations"]);
    const mixed = await inspect(["--spec", "weather.yaml", "--operations", "tag:readings,listStations"]);
    expect(mixed.operations.map((operation) => operation.id)).toStrictEqual(["getReadings", "listStations", "submitReading"]);
  });

  it("a tag no operation has: the problem at the spec's paths, with the nearest tag, exit 2, nothing written", async () => {
    const run = await runCli({ args: ["--spec", "weather.yaml", "--out", "typo", "--operations", "tag:station"], cwd });
    expect(run).toStrictEqual({ code: 2, stdout: "", stderr: 'weather.yaml:9:1: no operation is tagged "station"; did you mean "tag:stations"? [operation-not-found]\n' });
    expect((await runCli({ args: ["--check", "--spec", "weather.yaml", "--out", "typo", "--operations", "tag:station"], cwd })).code).toBe(2);
  });
});

describe('the config\'s "operations"', () => {
  it('"*" as a string, and a list of tags and ids', async () => {
    const all = await config({ spec: "weather.yaml", operations: "*" });
    expect((await inspect([], all)).operations).toHaveLength(3);
    const listed = await config({ spec: "weather.yaml", operations: ["tag:readings", "listStations"] });
    expect((await inspect([], listed)).operations.map((operation) => operation.id)).toStrictEqual(["getReadings", "listStations", "submitReading"]);
  });

  it.each([[[]], [[42]], [[""]], [""]])("refuses %j: a positioned config problem, exit 2", async (operations) => {
    const where = await config({ spec: "weather.yaml", operations });
    const run = await runCli({ args: [], cwd: where });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`polar-codegen.config.json:1:24: "operations" must be "*", or a non-empty array of operationIds, "tag:NAME" or "*" [config-invalid]\n`);
  });
});

describe("the API's name", () => {
  it("comes from the title by default, and says whether the spec is Polar's", async () => {
    expect(await inspect(["--spec", "weather.yaml", "--operations", "listStations"])).toMatchObject({ name: "OpenWeatherService", polar: false });
    expect(await inspect(["--spec", "new.yaml"])).toMatchObject({ name: "Polar", polar: true });
  });

  it("--name and the config's \"name\" set it; the flag wins", async () => {
    expect(await inspect(["--spec", "weather.yaml", "--operations", "*", "--name", "Petstore"])).toMatchObject({ name: "Petstore", polar: false });
    const named = await config({ spec: "weather.yaml", operations: "*", name: "Forecasts" });
    expect(await inspect([], named)).toMatchObject({ name: "Forecasts" });
    expect(await inspect(["--name", "Skies"], named)).toMatchObject({ name: "Skies" });
  });

  it('with "targets", the top-level "name" is every target\'s API name (a target\'s own "name" names the target)', async () => {
    const where = await config({ name: "Forecasts", spec: "weather.yaml", targets: [{ name: "all", out: "a", operations: "*" }, { name: "stations", out: "b", operations: ["tag:stations"] }] });
    expect(await inspect(["--target", "all"], where)).toMatchObject({ name: "Forecasts", operations: [{ id: "getReadings" }, { id: "listStations" }, { id: "submitReading" }] });
    expect(await inspect(["--target", "stations"], where)).toMatchObject({ name: "Forecasts", operations: [{ id: "getReadings" }, { id: "listStations" }] });
  });

  it("refuses a name that is not an identifier starting with a capital, exit 2", async () => {
    for (const name of ["petstore", "Pet-Store", "2Pets"]) {
      const run = await runCli({ args: ["--spec", "weather.yaml", "--operations", "*", "--name", name, "--out", "never"], cwd });
      expect(run).toStrictEqual({ code: 2, stdout: "", stderr: "--name must be an identifier starting with a capital letter, of letters and digits (--name Petstore) [name-invalid]\n" });
    }
    const run = await runCli({ args: [], cwd: await config({ spec: "weather.yaml", name: "weather" }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('polar-codegen.config.json:1:24: "name" must be an identifier starting with a capital letter, of letters and digits ("Petstore") [config-invalid]\n');
  });

  it("a new name regenerates though the spec is unchanged: the build stamp records it", async () => {
    const where = await config({ spec: "weather.yaml", out: "out", operations: "*", name: "Weather" });
    const counts = (stdout: string) => /^polar-codegen: out: (\d+) written, (\d+) unchanged\n$/.exec(stdout)?.slice(1).map(Number);
    const [files, unchanged] = counts((await runCli({ args: [], cwd: where })).stdout) ?? [];
    expect([files! > 0, unchanged]).toStrictEqual([true, 0]);
    expect((await runCli({ args: [], cwd: where })).stdout).toBe("polar-codegen: out: up to date (spec, config and generator unchanged)\n");
    // The same files again, those that carry the name rewritten.
    const [written, kept] = counts((await runCli({ args: ["--name", "Storm"], cwd: where })).stdout) ?? [];
    expect([written! > 0, written! + kept!]).toStrictEqual([true, files]);
    writeFileSync(join(where, "polar-codegen.config.json"), JSON.stringify({ spec: "weather.yaml", out: "out", operations: "*", name: "Rain" }));
    expect((await runCli({ args: [], cwd: where })).stdout).not.toContain("up to date");
    expect((await runCli({ args: [], cwd: where })).stdout).toContain("up to date");
  });
});

describe("serve's build cache and the API's name", () => {
  it("keeps a build per name: serving under a new name never reuses one built under another", async () => {
    const { resolveTarget } = await import("../../generator/config.js");
    const { cacheDirFor } = await import("../../generator/serve/cache.js");
    const dirFor = async (apiName?: string) => {
      const { target } = await resolveTarget({ cwd, config: false, spec: "weather.yaml", operations: ["*"], ...(apiName ? { apiName } : {}) });
      return cacheDirFor(target!);
    };
    const [untitled, storm, rain] = [await dirFor(), await dirFor("Storm"), await dirFor("Rain")];
    expect(new Set([untitled, storm, rain]).size).toBe(3);
    expect(await dirFor("Storm")).toBe(storm);
  });
});

describe("diff and --check with selectors", () => {
  it("diff --operations tag:NAME covers the tagged operations of both specs", async () => {
    const run = await runCli({ args: ["diff", "old.yaml", "new.yaml", "--operations", "tag:customers", "--format", "json"], cwd });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { operations: string[]; changes: Array<{ operation: string; kind: string }> };
    expect(report.operations).toStrictEqual(["customers:delete", "customers:delete_external"]);
    expect(report.changes).toContainEqual(expect.objectContaining({ operation: "customers:delete_external", kind: "operation-added" }));
    expect(report.changes.map((change) => change.operation)).not.toContain("customer_portal:subscriptions:cancel");
  });

  it("diff --operations '*' covers every operation of either spec; a tag in neither is a problem with the nearest tag", async () => {
    const all = await runCli({ args: ["diff", "old.yaml", "new.yaml", "--operations", "*", "--format", "json"], cwd });
    expect((JSON.parse(all.stdout) as { operations: string[] }).operations).toStrictEqual(["customer_portal:subscriptions:cancel", "customers:delete", "customers:delete_external"]);
    const typo = await runCli({ args: ["diff", "old.yaml", "new.yaml", "--operations", "tag:custmers"], cwd });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('no operation is tagged "custmers"; did you mean "tag:customers"?');
  });

  it("--check with '*' reports an operation the spec dropped as removed", async () => {
    const where = await config({ spec: "weather.yaml", out: "out", operations: "*" });
    expect((await runCli({ args: ["--quiet"], cwd: where })).code).toBe(0);
    const dropped = WEATHER.replace(/  \/stations:\n[\s\S]*?(?=  \/stations\/\{code\})/, "");
    expect(dropped).not.toContain("listStations");
    writeFileSync(join(where, "weather.yaml"), dropped);
    const run = await runCli({ args: ["--check", "--format", "json"], cwd: where });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { changes: Array<{ operation: string; kind: string; breaking: boolean }> };
    expect(report.changes).toContainEqual(expect.objectContaining({ operation: "listStations", kind: "operation-removed", breaking: true }));
  });
});

describe("help", () => {
  it("documents '*', tag:NAME and --name, and diff with selectors", async () => {
    const help = (await runCli({ args: ["--help"], cwd })).stdout;
    expect(help).toContain("tag:NAME");
    expect(help).toContain("'*'");
    expect(help).toContain("--name NAME");
    expect((await runCli({ args: ["diff", "--help"], cwd })).stdout).toContain("tag:NAME and '*'");
  });
});
