// Any OpenAPI 3.x spec, every operation: three specs of our own (a 3.0 pet store with an
// API key on its writes, a 3.1 billing API shaped like Polar's, a spec with no security)
// generated with `--operations '*'` as a user would, then held to what a user of them
// notices: the output type-checks under the strictest settings, its names are the API's
// (createPetstoreClient, never Polar's), the client sends no Polar-only header, its calls
// are answered by the generated fake, and the generated contract suite passes.

import { readFileSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliProcess } from "../helpers/cli.js";
import { diagnosticsOf, STRICTEST } from "../helpers/strict-compile.js";
import { tempFolders } from "../helpers/temp-folders.js";

interface Fixture {
  file: string;
  /** The config's "name", when the test gives one. */
  configName?: string;
  /** The API name the output must be built on. */
  name: string;
  operationIds: string[];
}

const FIXTURES: Fixture[] = [
  { file: "petstore-3.0.yaml", name: "Petstore", operationIds: ["createPet", "deletePet", "getStatus", "listPets", "showPetById"] },
  { file: "billing-3.1.yaml", configName: "Billing", name: "Billing", operationIds: ["files:upload", "invoices:create", "invoices:get", "invoices:list", "oauth2:token"] },
  { file: "weather-open.yaml", name: "OpenWeatherService", operationIds: ["getReadings", "listStations", "submitReading"] },
];

const folders = tempFolders("polar-codegen-any-spec-");
const NODE_MODULES = resolve("node_modules");
const STRICT_NODENEXT = { ...STRICTEST, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };

/** A user's project: the spec, a config selecting every operation, and the project's dependencies. */
async function project(fixture: Fixture): Promise<string> {
  const config = { spec: fixture.file, out: "api", operations: "*", ...(fixture.configName ? { name: fixture.configName } : {}) };
  const root = await folders.folderWith({
    [fixture.file]: readFileSync(join("test/fixtures/any-spec", fixture.file), "utf8"),
    "polar-codegen.config.json": JSON.stringify(config),
    "package.json": JSON.stringify({ name: "user-project", private: true, type: "module" }),
  });
  // The generated contract suite imports vitest, and the type-check needs @types/node: resolved as in a user's project.
  symlinkSync(NODE_MODULES, join(root, "node_modules"), "dir");
  return root;
}

/** Every name a module exports, types included, as a user's editor lists them. */
function exportedNames(file: string): string[] {
  const program = ts.createProgram({ rootNames: [file], options: STRICT_NODENEXT });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!);
  return symbol ? checker.getExportsOfModule(symbol).map((each) => each.name).sort() : [];
}

type Module = Record<string, unknown>;
const load = (file: string) => import(pathToFileURL(file).href) as Promise<Module>;
const fn = (module: Module, name: string) => module[name] as (...args: unknown[]) => any;

/** A fetch that records each request and answers 200 with an empty JSON list, for looking at what the client sends. */
function recordingFetch(): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response("[]", { status: 200, headers: { "content-type": "application/json" } });
  };
  return { fetch: fake as typeof fetch, requests };
}

for (const fixture of FIXTURES) {
  describe(`${fixture.file}, every operation`, () => {
    let root: string;
    let out: string;
    let generated: { code: number; stderr: string };
    beforeAll(async () => {
      root = await project(fixture);
      out = join(root, "api");
      const run = await runCli({ args: ["--quiet"], cwd: root });
      generated = { code: run.code ?? -1, stderr: run.stderr };
    });

    it("generates with --operations '*' (config \"operations\": \"*\"), every operation in the output", async () => {
      expect(generated).toStrictEqual({ code: 0, stderr: "" });
      const index = await load(join(out, "index.ts"));
      expect(index.operationIds).toStrictEqual(fixture.operationIds);
    });

    it("type-checks under the strictest settings", () => {
      expect(generated.code).toBe(0);
      expect(diagnosticsOf({ root: out, options: STRICT_NODENEXT })).toStrictEqual([]);
    });

    it(`names its exports after the API (${fixture.name}), none after Polar`, () => {
      expect(generated.code).toBe(0);
      const N = fixture.name;
      const names = exportedNames(join(out, "index.ts"));
      expect(names).toEqual(expect.arrayContaining([`create${N}Client`, `${N}Client`, `${N}ClientOptions`, `${N}Error`, `create${N}Server`, `${N}Server`, `${N}Handlers`]));
      expect(exportedNames(join(out, "fake.ts"))).toEqual(expect.arrayContaining([`createFake${N}`, `Fake${N}`, `Fake${N}Options`]));
      for (const file of ["index.ts", "client.ts", "server.ts", "fake.ts"]) expect(exportedNames(join(out, file)).filter((name) => /polar/i.test(name))).toStrictEqual([]);
    });

    it("the client sends no Polar-Version header", async () => {
      expect(generated.code).toBe(0);
      const client = await load(join(out, "client.ts"));
      const { fetch, requests } = recordingFetch();
      const credentials = fixture.file === "billing-3.1.yaml" ? { accessToken: "token" } : {};
      const api = fn(client, `create${fixture.name}Client`)({ baseUrl: "http://127.0.0.1:9", fetch, ...credentials });
      const firstRead = { "petstore-3.0.yaml": () => api.listPets({}), "billing-3.1.yaml": () => api.invoices.list({}), "weather-open.yaml": () => api.listStations({ near: "Oslo" }) }[fixture.file]!;
      await firstRead();
      expect(requests).toHaveLength(1);
      expect(requests[0]!.headers.get("polar-version")).toBeNull();
      expect(requests[0]!.url.startsWith("http://127.0.0.1:9/")).toBe(true);
    });

    describe("against the generated fake", () => {
      let server: Server | undefined;
      let baseUrl: string;
      let fake: Record<string, any>;
      let api: Record<string, any>;
      beforeAll(async () => {
        if (generated.code !== 0) return;
        const index = await load(join(out, "index.ts"));
        fake = fn(await load(join(out, "fake.ts")), `createFake${fixture.name}`)({});
        server = createServer(fn(index, "toNodeListener")(fn(index, `create${fixture.name}Server`)(fake)));
        await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
        baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
        // Another API's fake offers no default token and takes any bearer token present.
        const accessToken = fake.accessToken ?? (fixture.file === "billing-3.1.yaml" ? "any-bearer-token" : undefined);
        api = fn(index, `create${fixture.name}Client`)({ baseUrl, ...(accessToken ? { accessToken } : {}) });
      });
      afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

      it("answers the client's reads with the spec's success status and a body of its shape", async () => {
        expect(server).toBeDefined();
        if (fixture.file === "petstore-3.0.yaml") {
          expect(await api.listPets({ page: 1, limit: 5, species: ["cat", "dog"] })).toMatchObject({ kind: "success", status: 200, data: expect.any(Array) });
          expect(await api.getStatus({})).toMatchObject({ kind: "success", status: 200, data: expect.any(String) });
          // Another API's fake keeps no state: each operation answers its lowest documented 2xx, the example or a sample of its schema.
          expect(await api.showPetById({ petId: 424242 })).toMatchObject({ kind: "success", status: 200, data: { id: expect.any(Number), name: expect.any(String) } });
        } else if (fixture.file === "billing-3.1.yaml") {
          const listed = await api.invoices.list({ organizationId: ["4d3c1a5e-8f7b-4f3e-9a1d-2b6c7e8f9a0b", "5e4d2b6f-9a8c-4a4f-8b2e-3c7d8f9a0b1c"], page: 1, limit: 10 });
          expect(listed).toMatchObject({ kind: "success", status: 200, data: { items: expect.any(Array), pagination: { total_count: expect.any(Number), max_page: expect.any(Number) } } });
          // As the pet store's: a success of the schema's shape, whatever the id.
          expect(await api.invoices.get({ id: "6f5e3c7a-0b9d-4b5a-9c3f-4d8e9f0a1b2c" })).toMatchObject({ kind: "success", status: 200, data: { id: expect.any(String), amount: expect.any(Number) } });
        } else {
          expect(await api.listStations({ near: "Oslo", radiusKm: 10 })).toMatchObject({ kind: "success", status: 200, data: expect.any(Array) });
          expect(await api.getReadings({ code: "OSLO", xUnits: "metric" })).toMatchObject({ kind: expect.stringMatching(/^(success|error)$/) });
        }
      });

      it("takes the client's writes: a JSON body, and (billing) a form body and a multipart upload", async () => {
        expect(server).toBeDefined();
        if (fixture.file === "petstore-3.0.yaml") {
          const shopKey = typeof fake.accessToken === "string" ? fake.accessToken : "shop-key";
          const created = await api.createPet({ body: { name: "Biscuit", species: "dog", nickname: null }, shopKey });
          expect(created).toMatchObject({ kind: "success", status: 201, data: { name: expect.any(String), species: expect.any(String), id: expect.any(Number), adopted: expect.any(Boolean) } });
        } else if (fixture.file === "billing-3.1.yaml") {
          const draft = { organization_id: "4d3c1a5e-8f7b-4f3e-9a1d-2b6c7e8f9a0b", amount: 1200, currency: "eur", memo: null };
          expect(await api.invoices.create({ body: draft })).toMatchObject({ kind: "success", status: 201, data: { amount: expect.any(Number), currency: expect.any(String) } });
          expect(await api.oauth2.token({ body: { grant_type: "client_credentials", client_id: "id", client_secret: "secret" } })).toMatchObject({ kind: "success", status: 200 });
          // A multipart body is an object of fields, a Blob where the spec has `format: binary` (the client's `Multipart<T>`).
          const receipt = new Blob(["receipt"], { type: "text/plain" });
          expect(await api.files.upload({ body: { file: receipt } })).toMatchObject({ kind: "success", status: 201 });
        } else {
          expect(await api.submitReading({ code: "OSLO", body: { taken_at: "2026-01-01T00:00:00Z", temperature: -3.5 } })).toMatchObject({ kind: "success", status: 202 });
        }
      });
    });

    it("scaffold-handlers writes a skeleton on the API's names that type-checks against the output", async () => {
      expect(generated.code).toBe(0);
      const run = await runCli({ args: ["scaffold-handlers", "src/handlers.ts"], cwd: root });
      expect(run.code).toBe(0);
      const skeleton = readFileSync(join(root, "src", "handlers.ts"), "utf8");
      expect(skeleton).toContain(`import { create${fixture.name}Server, type ${fixture.name}Handlers } from "../api/index.js";`);
      const { noUnusedParameters: _, ...options } = STRICT_NODENEXT;
      expect(diagnosticsOf({ root: join(root, "src"), options })).toStrictEqual([]);
    });

    it("passes its own generated contract suite (polar-codegen test, against the fake)", () => {
      expect(generated.code).toBe(0);
      const run = runCliProcess({ args: ["test"], cwd: root, env: { NO_COLOR: "1", FORCE_COLOR: "0" } });
      expect(run.stdout + run.stderr).toMatch(/Tests\s+\d+ passed/);
      expect(run.code).toBe(0);
    });
  });
}

describe("--check after the API's name changes", () => {
  it("reports the output built with another name as out of date, exit 1", async () => {
    const fixture = FIXTURES[2]!;
    const root = await project(fixture);
    expect((await runCli({ args: ["--quiet"], cwd: root })).code).toBe(0);
    const run = await runCli({ args: ["--check", "--name", "Skies"], cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("client.ts");
  });
});
