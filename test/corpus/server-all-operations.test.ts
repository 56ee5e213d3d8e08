// Every operation of polar-2026-10 (`--operations '*'`): the server and the fake
// generate, and the fake answers each operation, called as a client would with valid
// parameters and body, with a documented status and a body valid against the spec's
// schema (Ajv), or 501 naming it as not modelled. Never a 500.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleOf, sampleSchema } from "../../generator/emit/fake/sample.js";
import { atEpoch } from "../../generator/emit/server/error-bodies.js";
import type { OperationModel } from "../../generator/model/types.js";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { buildOutput } from "../../generator/pipeline.js";
import { specFile } from "./specs-dir.js";

const SPEC = specFile("polar-2026-10.openapi.json");
const UUID = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";
const root = mkdtempSync(join(tmpdir(), "polar-server-all-"));
let operations: OperationModel[] = [];
let document: OpenApiDocument;
let server: { fetch(request: Request): Promise<Response> };
let coverage: { modelled: string[]; examples: string[]; notModelled: string[] };
const reported: unknown[] = [];
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  const built = await buildOutput({ config: false, spec: SPEC, out: root, operations: ["*"] });
  for (const file of built.files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.contents);
  }
  writeFileSync(join(root, "package.json"), '{"type":"module"}\n');
  operations = built.model.operations;
  document = JSON.parse(readFileSync(join(root, "openapi.json"), "utf8")) as OpenApiDocument;
  const serverModule = await import(join(root, "server.ts"));
  const fakeModule = await import(join(root, "fake.ts"));
  coverage = fakeModule.fakeCoverage;
  const scopes = [...new Set(operations.flatMap((operation) => operation.scopes))];
  const fake = fakeModule.createFakePolar({
    seed: {
      customers: [{ id: UUID }],
      access_tokens: [{ token: "polar_oat_all", scopes }, { token: "polar_pat_all", scopes }, { token: "polar_at_u_all", scopes }],
      customer_sessions: [{ token: "polar_cst_all", customer_id: UUID }],
      member_sessions: [{ token: "polar_mst_all", customer_id: UUID, role: "owner" }],
    },
  });
  server = serverModule.createPolarServer({ ...fake, onError: (event: unknown) => reported.push(event) });
}, 300_000);

const TOKENS: Record<string, string> = { oat: "polar_oat_all", pat: "polar_pat_all", oidc: "polar_at_u_all", customer_session: "polar_cst_all", member_session: "polar_mst_all" };

/** A request a client would send: every path and required query parameter, a sampled body. */
function requestFor(operation: OperationModel): Request {
  let path = operation.path;
  for (const parameter of operation.pathParams) path = path.replace(`{${parameter.name}}`, parameter.format?.startsWith("uuid") ? UUID : "x");
  const search = new URLSearchParams();
  for (const parameter of operation.query.filter((each) => each.required)) {
    const value = atEpoch(sampleOf({ document, schema: rawParameter({ operation, name: parameter.name }), path: [parameter.name] }));
    for (const item of Array.isArray(value) ? value : [value]) search.append(parameter.name, String(item));
  }
  const headers: Record<string, string> = {};
  const scheme = operation.security[0]?.schemes[0]?.scheme;
  if (scheme) headers.authorization = `Bearer ${TOKENS[scheme]}`;
  let body: string | undefined;
  if (operation.requestBody?.required) {
    const media = operation.requestBody.contentType;
    const value = atEpoch(sampleOf({ document, schema: bodySchema({ operation, media }), path: ["body"] }));
    headers["content-type"] = media;
    body = media.includes("json") ? JSON.stringify(value) : new URLSearchParams(Object.entries(value as object).map(([key, item]) => [key, String(item)])).toString();
  }
  const query = search.toString();
  return new Request(`http://fake${path}${query ? `?${query}` : ""}`, { method: operation.method.toUpperCase(), headers, ...(body === undefined ? {} : { body }) });
}

function rawOperation(operation: OperationModel): Record<string, any> {
  return (document.paths as Record<string, any>)[operation.path][operation.method];
}

function rawParameter(options: { operation: OperationModel; name: string }): unknown {
  return (rawOperation(options.operation).parameters as Array<Record<string, unknown>>).find((each) => each.name === options.name)?.schema;
}

function bodySchema(options: { operation: OperationModel; media: string }): unknown {
  return rawOperation(options.operation).requestBody.content[options.media].schema;
}

function ajvFor(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addFormat("ipvanyaddress", true);
  ajv.addFormat("uuid4", /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/i);
  ajv.addSchema({ $id: "spec", components: document.components });
  return ajv;
}

describe("polar-2026-10, every operation", () => {
  it("server.ts and fake.ts compile strictly for every operation", () => {
    const program = ts.createProgram([join(root, "server.ts"), join(root, "fake.ts")], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noPropertyAccessFromIndexSignature: true,
      verbatimModuleSyntax: true,
      noUnusedLocals: true,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName.slice(root.length)} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    expect(problems).toStrictEqual([]);
  }, 120_000);

  it("the sampler builds a valid value for every component schema, recursive ones included", () => {
    const ajv = ajvFor();
    const names = Object.keys((document.components as { schemas: Record<string, unknown> }).schemas);
    const invalid = names.filter((schemaName) => {
      const value = atEpoch(sampleSchema({ document, schemaName }));
      return !ajv.validate({ $ref: `spec#/components/schemas/${schemaName}` }, value);
    });
    expect(names.length).toBeGreaterThan(500);
    expect(invalid).toStrictEqual([]);
  });

  it("Polar's 422 for a scalar-or-array union, a body and malformed JSON; Polar's 401", async () => {
    const token = { authorization: "Bearer polar_oat_all" };
    const many = await server.fetch(new Request(`http://fake/v1/benefit-grants/?organization_id=${UUID}&organization_id=nope`, { headers: token }));
    expect([many.status, await many.json()]).toStrictEqual([
      422,
      { error: "RequestValidationError", detail: [expect.objectContaining({ type: "uuid_parsing", loc: ["query", "organization_id", 1], input: "nope" })] },
    ]);
    expect((await server.fetch(new Request(`http://fake/v1/benefit-grants/?organization_id=${UUID}&organization_id=${UUID}`, { headers: token }))).status).toBe(200);
    const malformed = await server.fetch(new Request("http://fake/v1/customers/", { method: "POST", headers: { ...token, "content-type": "application/json" }, body: "{" }));
    expect(await malformed.json()).toStrictEqual({ error: "RequestValidationError", detail: [{ type: "json_invalid", loc: ["body", 1], msg: "JSON decode error", input: {}, ctx: { error: "Expecting property name enclosed in double quotes" } }] });
    const bad = await server.fetch(new Request("http://fake/v1/customers/", { method: "POST", headers: { ...token, "content-type": "application/json" }, body: "{}" }));
    // CustomerCreate is a oneOf of two shapes: the body as a whole matches neither.
    expect([bad.status, (await bad.json()).detail[0]]).toStrictEqual([422, { type: "value_error", loc: ["body"], msg: "must match one of its 2 schemas", input: {} }]);
    // metadata as deepObject: metadata[key]=value pairs.
    expect((await server.fetch(new Request("http://fake/v1/customers/?metadata[plan]=pro&metadata[seats]=3", { headers: token }))).status).toBe(200);
    const anonymous = await server.fetch(new Request("http://fake/v1/benefit-grants/"));
    expect([anonymous.status, await anonymous.json(), anonymous.headers.get("www-authenticate")]).toStrictEqual([401, { error: "Unauthorized", detail: "Unauthorized" }, 'Bearer realm="polar"']);
  });

  it("generates all 186 operations, each modelled or answering an example or 501", () => {
    expect(operations.length).toBe(186);
    const listed = [...coverage.modelled, ...coverage.examples, ...coverage.notModelled].sort();
    expect(listed).toStrictEqual(operations.map((operation) => operation.id).sort());
    expect(coverage.modelled).toStrictEqual(["customer_portal:subscriptions:cancel", "customers:delete", "customers:delete_external"]);
  });

  it("the fake answers each with a documented status and a schema-valid body, or 501", async () => {
    const ajv = ajvFor();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const operation of operations) {
      const response = await server.fetch(requestFor(operation));
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const text = await response.text();
      if (response.status === 501) {
        expect(JSON.parse(text).detail).toContain(operation.id);
        continue;
      }
      const documented = rawOperation(operation).responses[String(response.status)];
      if (!documented) {
        failures.push(`${operation.id}: ${response.status} is not documented: ${text.slice(0, 300)}`);
        continue;
      }
      const media = documented.content ? Object.keys(documented.content)[0] : undefined;
      if (!media) {
        if (text !== "") failures.push(`${operation.id}: ${response.status} has a body`);
        continue;
      }
      expect(response.headers.get("content-type")).toBe(media);
      if (!media.includes("json")) continue;
      const stringified = JSON.stringify(documented.content[media].schema);
      const schema = stringified.includes('"$ref"') ? JSON.parse(stringified.replaceAll('"#/components/', '"spec#/components/')) : documented.content[media].schema;
      const check = ajv.compile(schema);
      if (!check(JSON.parse(text))) failures.push(`${operation.id}: ${response.status} body invalid: ${ajv.errorsText(check.errors)} ${text.slice(0, 200)}`);
    }
    expect(failures).toStrictEqual([]);
    expect(reported).toStrictEqual([]);
    expect(statuses.has(500)).toBe(false);
    console.log(Object.fromEntries(statuses));
  }, 300_000);
});
