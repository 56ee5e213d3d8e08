// Every real Polar spec: generate the server stubs and the fake, type-check them
// strictly in one program, then run each fake through the documented semantics of the
// operations that spec has, checking every body against the spec's own schemas.

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitFake } from "../../generator/emit/fake-file.js";
import { emitIndex } from "../../generator/emit/index-file.js";
import { emitOpenApi } from "../../generator/emit/openapi-file.js";
import { emitServer } from "../../generator/emit/server-file.js";
import { emitTypes } from "../../generator/emit/types-file.js";
import { emitValidators } from "../../generator/emit/validators-file.js";
import { formatFiles } from "../../generator/format.js";
import { validatorsFor } from "../fixtures/server/ajv.js";
import { contextFor } from "../fixtures/client/generate.js";
import { SPECS_DIR } from "./specs-dir.js";

const specs = readdirSync(SPECS_DIR).filter((name) => /\.openapi\.(ya?ml|json)$/.test(name)).sort();
const root = mkdtempSync(join(tmpdir(), "polar-server-corpus-"));
const dirs = new Map<string, { dir: string; operations: string[] }>();
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  for (const spec of specs) {
    const context = contextFor(join(SPECS_DIR, spec));
    const produced = [
      ...(await emitTypes(context)),
      ...(await emitOpenApi(context)),
      ...(await emitValidators(context)),
      ...(await emitServer(context)),
      ...(await emitFake(context)),
    ];
    const files = await formatFiles([...produced, ...emitIndex(context, produced)]);
    const dir = join(root, spec.replace(/\W+/g, "-"));
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.contents);
    }
    writeFileSync(join(dir, "package.json"), '{"type":"module"}\n');
    dirs.set(spec, { dir, operations: context.model.operations.map((operation) => operation.id) });
  }
}, 300_000);

describe("server and fake: every real Polar spec", () => {
  it("compile strictly (exactOptionalPropertyTypes, verbatimModuleSyntax, no @types/node)", () => {
    const program = ts.createProgram(
      [...dirs.values()].flatMap(({ dir }) => [join(dir, "server.ts"), join(dir, "fake.ts")]),
      {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        types: [],
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: true,
        noUnusedLocals: true,
        noEmit: true,
      },
    );
    // The server's and the fake's files (validators.ts, which server.ts imports, is the validators corpus test's).
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => !diagnostic.file || /\/(server|fake)[.-]/.test(diagnostic.file.fileName))
      .map((diagnostic) => `${diagnostic.file?.fileName.slice(root.length)} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    expect(specs.length).toBeGreaterThanOrEqual(7);
    expect(problems).toStrictEqual([]);
  });

  it.each(specs)("%s: the fake keeps Polar's semantics, every body valid against the spec", async (spec) => {
    const { dir, operations } = dirs.get(spec)!;
    const module = { ...(await import(join(dir, "index.ts"))), ...(await import(join(dir, "fake.ts"))) };
    const validators = validatorsFor(join(dir, "openapi.json"));
    const C = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";
    const S = "0b5e1c7a-2f4d-4e8b-9c1a-3d5f7e9b1c2d";
    const fake = module.createFakePolar({
      seed: { customers: [{ id: C, external_id: "user-42" }, { id: "2c9d4e6f-8a1b-4c3d-9e5f-7a8b9c0d1e2f", external_id: "user-43" }], subscriptions: [{ id: S, customer_id: C, status: "active" }], access_tokens: [{ token: "polar_oat_t", scopes: ["customers:write"] }], customer_sessions: [{ token: "polar_cst_s", customer_id: C }] },
    });
    // The spec's schemas through Ajv (strict oneOf, so the fake's own choices are held to it) ...
    const server = module.createPolarServer({ ...fake, validateResponses: validators, onError: (event: unknown) => { throw new Error(JSON.stringify(event)); } });
    const call = async (path: string, token = "polar_oat_t") => {
      const response = await server.fetch(new Request(`http://x${path}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }));
      return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
    };
    if (operations.includes("customer_portal:subscriptions:cancel")) {
      const first = await call(`/v1/customer-portal/subscriptions/${S}`, "polar_cst_s");
      expect(first.status).toBe(200);
      expect(validators.CustomerSubscription!(first.body)).toStrictEqual([]);
      expect((await call(`/v1/customer-portal/subscriptions/${S}`, "polar_cst_s")).status).toBe(403);
    }
    if (operations.includes("customers:delete")) {
      expect((await call(`/v1/customers/${C}`)).status).toBe(204);
      expect(await call(`/v1/customers/${C}`)).toStrictEqual({ status: 404, body: { error: "ResourceNotFound", detail: "Not found" } });
      expect((await call(`/v1/customers/abc`)).status).toBe(422);
    }
    if (operations.includes("customers:delete_external")) {
      expect((await call(`/v1/customers/external/user-43?anonymize=true`)).status).toBe(204);
      expect((await call(`/v1/customers/external/user-43`)).status).toBe(404);
    }
    expect(operations.length).toBeGreaterThanOrEqual(2);
  });
});
