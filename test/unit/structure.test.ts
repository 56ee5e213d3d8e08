// The document's structure, stage by stage: keys that every object inherits stay data,
// recursion through structure works while a loop with none is refused, and nesting past
// the documented limits is a positioned error before anything recurses through it.
import { describe, expect, it } from "vitest";
import { cloneJson, sortKeys, stableStringify } from "../../generator/json.js";
import { MAX_DOCUMENT_DEPTH, tooDeepAt } from "../../generator/load/depth.js";
import { loadSpec } from "../../generator/load/index.js";
import { validateSpec } from "../../generator/validate.js";
import { buildModel } from "../../generator/model/build.js";
import { credentialFor } from "../../generator/model/naming.js";
import { selectOperations } from "../../generator/select.js";
import { checkStructure, MAX_SCHEMA_DEPTH } from "../../generator/structure-checks.js";
import { recursiveSchemas } from "../../generator/emit/types/recursive-aliases.js";
import { tempFolders } from "../helpers/temp-folders.js";

const folders = tempFolders("polar-codegen-structure-");

/** One operation whose 200 body is `#/components/schemas/Root`, with these schemas. */
function specWith(schemas: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: { "/x": { get: { operationId: "x", responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Root" } } } } } } } },
    components: { schemas },
  };
}

function codes(schemas: Record<string, unknown>): Array<[string, string]> {
  return checkStructure(specWith(schemas)).map((found) => [found.code, found.path]);
}

const nest = (levels: number, wrap: (inner: unknown) => unknown): unknown => {
  let schema: unknown = { type: "string" };
  for (let level = 1; level < levels; level++) schema = wrap(schema);
  return schema;
};

describe("keys every object inherits are data", () => {
  const parsed = JSON.parse(`{"__proto__": {"type": "http"}, "constructor": [1], "b": 2}`) as Record<string, unknown>;

  it("cloneJson, sortKeys and stableStringify keep an own __proto__ and leave the prototype alone", () => {
    for (const copy of [cloneJson(parsed), sortKeys(parsed)]) {
      expect(Object.keys(copy).sort()).toStrictEqual(["__proto__", "b", "constructor"]);
      expect(Object.hasOwn(copy, "__proto__")).toBe(true);
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    }
    expect(Object.keys(sortKeys(parsed))).toStrictEqual(["__proto__", "b", "constructor"]);
    expect(stableStringify(parsed)).toBe(`{"__proto__":{"type":"http"},"b":2,"constructor":[1]}`);
  });

  it("a security scheme named __proto__ survives selection and reaches the model as a scheme", () => {
    const document = JSON.parse(`{
      "openapi": "3.1.0", "info": {"title": "T", "version": "1"},
      "paths": {"/x": {"get": {"operationId": "x", "security": [{"__proto__": []}], "responses": {"204": {"description": "ok"}}}}},
      "components": {"securitySchemes": {"__proto__": {"type": "http", "scheme": "bearer"}}}
    }`);
    const { selected, problems } = selectOperations({ document, operationIds: ["x"] });
    expect(problems).toStrictEqual([]);
    const model = buildModel({ selected: selected!, specFile: "spec.json" });
    expect(model.securitySchemes.map((scheme) => [scheme.name, scheme.bearer, scheme.credential])).toStrictEqual([["__proto__", true, "proto"]]);
    expect(model.operations[0]!.security).toStrictEqual([{ schemes: [{ scheme: "__proto__", scopes: [] }] }]);
  });

  it("bundling folds a component named __proto__ or constructor from another file in as that name", async () => {
    const root = `openapi: 3.1.0
info: { title: T, version: "1" }
paths:
  /x:
    get:
      operationId: x
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                anyOf:
                  - $ref: "./other.json#/components/schemas/__proto__"
                  - $ref: "./other.json#/components/schemas/constructor"
`;
    const other = JSON.stringify({ components: { schemas: JSON.parse(`{"__proto__": {"type": "string"}, "constructor": {"type": "integer"}}`) } });
    const cwd = await folders.folderWith({ "spec.yaml": root, "other.json": other });
    const { spec, problems } = await loadSpec({ source: "spec.yaml", cwd });
    expect(problems).toStrictEqual([]);
    const schemas = spec!.document.components!.schemas!;
    expect([Object.keys(schemas).sort(), Object.getPrototypeOf(schemas) === Object.prototype]).toStrictEqual([["__proto__", "constructor"], true]);
    expect([schemas["__proto__"], schemas["constructor"]]).toStrictEqual([{ type: "string" }, { type: "integer" }]);
  });

  it("names in generated code never shadow an inherited member", () => {
    expect([credentialFor("constructor"), credentialFor("toString"), credentialFor("customer_session")]).toStrictEqual(["constructor_", "toString_", "customerSession"]);
  });
});

describe("recursion", () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  it("through structure is accepted: an array of itself, a property of itself, allOf and anyOf through either", () => {
    expect(codes({ Root: { type: "array", items: ref("Root") } })).toStrictEqual([]);
    expect(codes({ Root: { allOf: [ref("Base"), { properties: { children: { type: "array", items: ref("Root") } } }] }, Base: { type: "object" } })).toStrictEqual([]);
    expect(codes({ Root: { anyOf: [{ type: "string" }, { type: "array", items: ref("Other") }] }, Other: { anyOf: [ref("Root"), { type: "integer" }] } })).toStrictEqual([]);
  });

  it("with nothing in between is refused once per cycle, at the first schema's $ref", () => {
    expect(codes({ Root: ref("A"), A: ref("B"), B: ref("A") })).toStrictEqual([["recursive-ref", "/components/schemas/A/$ref"]]);
    expect(codes({ Root: { allOf: [ref("Root"), { type: "object" }] } })).toStrictEqual([["recursive-ref", "/components/schemas/Root/allOf/0/$ref"]]);
    expect(codes({ Root: { anyOf: [{ not: ref("Root") }] } })).toStrictEqual([["recursive-ref", "/components/schemas/Root/anyOf/0/not/$ref"]]);
    const [found] = checkStructure(specWith({ Root: ref("A"), A: ref("B"), B: ref("A") }));
    expect(found!.message).toBe(`schema "A" checks a value against itself with no property or item in between (A → B → A); a validator would never finish`);
  });

  it("the schemas on a cycle are the ones types.ts writes as aliases", () => {
    const schemas = { Root: { type: "object", properties: { tree: ref("Tree") } }, Tree: { type: "array", items: ref("Tree") }, A: { anyOf: [{ type: "array", items: ref("B") }] }, B: { properties: { a: ref("A") } }, Leaf: { type: "string" } };
    expect(recursiveSchemas(specWith(schemas))).toStrictEqual(["A", "B", "Tree"]);
  });

  it("a parameter or response that is only a $ref chain back to itself is refused", () => {
    const document = { ...specWith({ Root: { type: "string" } }), components: { schemas: { Root: { type: "string" } }, responses: { R: { $ref: "#/components/responses/S" }, S: { $ref: "#/components/responses/R" } } } };
    expect(checkStructure(document).map((found) => [found.code, found.path])).toStrictEqual([
      ["recursive-ref", "/components/responses/R/$ref"],
      ["recursive-ref", "/components/responses/S/$ref"],
    ]);
  });
});

describe("limits", () => {
  it(`a schema ${MAX_SCHEMA_DEPTH} levels deep is accepted; one level more is refused where it starts`, () => {
    expect(codes({ Root: nest(MAX_SCHEMA_DEPTH, (inner) => ({ type: "object", properties: { x: inner } })) })).toStrictEqual([]);
    const tooDeep = codes({ Root: nest(MAX_SCHEMA_DEPTH + 1, (inner) => ({ anyOf: [inner, { type: "null" }] })) });
    expect(tooDeep).toStrictEqual([["schema-too-deep", `/components/schemas/Root${"/anyOf/0".repeat(MAX_SCHEMA_DEPTH)}`]]);
  });

  it(`a document ${MAX_DOCUMENT_DEPTH} levels deep passes the loader's check; deeper, or inside itself, it does not`, () => {
    const deep = (levels: number): unknown => JSON.parse("[".repeat(levels) + "]".repeat(levels));
    expect(tooDeepAt(deep(MAX_DOCUMENT_DEPTH))).toBeUndefined();
    expect(tooDeepAt({ a: deep(MAX_DOCUMENT_DEPTH) })).toStrictEqual({ pointer: `/a${"/0".repeat(MAX_DOCUMENT_DEPTH - 1)}`, cycle: false });
    const loop: Record<string, unknown> = { b: [] };
    (loop.b as unknown[]).push(loop);
    expect(tooDeepAt({ a: loop })).toStrictEqual({ pointer: "/a/b/0", cycle: true });
  });

  it("a 5 000-level JSON spec is refused by validation, at the value one level past the limit, within a second", async () => {
    const spec = `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "x-deep": ${"[".repeat(5_000)}${"]".repeat(5_000)}}`;
    const cwd = await folders.folderWith({ "spec.json": spec });
    const started = performance.now();
    const { spec: loaded } = await loadSpec({ source: "spec.json", cwd });
    const problems = validateSpec(loaded!);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems.map((found) => [found.code, found.position?.line, found.position?.col])).toStrictEqual([["document-too-deep", 1, spec.indexOf("[") + MAX_DOCUMENT_DEPTH]]);
  });

  it("media types a content-type header cannot carry are refused where they are", () => {
    const document = specWith({ Root: { type: "string" } }) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    document.paths["/x"]!.get!.responses["404"] = { description: "no", content: { "text/plain\u0000": {}, " application/json": {}, "application/problem+json; charset=utf-8": {} } };
    expect(checkStructure(document).map((found) => [found.code, found.path])).toStrictEqual([
      ["media-type-invalid", "/paths/~1x/get/responses/404/content/text~1plain\u0000"],
      ["media-type-invalid", "/paths/~1x/get/responses/404/content/ application~1json"],
    ]);
  });
});
