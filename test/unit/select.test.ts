import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { selectOperations } from "../../generator/select.js";
import type { OpenApiDocument } from "../../generator/openapi.js";

const embedded = parse(readFileSync("spec/polar.openapi.yaml", "utf8")) as OpenApiDocument;

const tiny: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "Tiny", version: "1" },
  paths: {
    "/a/{id}": {
      delete: {
        operationId: "a:delete",
        parameters: [{ $ref: "#/components/parameters/Id" }],
        responses: { "404": { content: { "application/json": { schema: { $ref: "#/components/schemas/NotFound" } } } } },
        "x-codeSamples": [{ lang: "sh", source: "curl" }],
      },
      get: { operationId: "a:get", responses: { "200": { $ref: "#/components/responses/Big" } } },
    },
  },
  webhooks: { hook: { post: { operationId: "hook" } } },
  components: {
    parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
    responses: { Big: { description: "big", content: { "application/json": { schema: { $ref: "#/components/schemas/Big" } } } } },
    schemas: {
      NotFound: { type: "object", properties: { detail: { $ref: "#/components/schemas/Detail" } } },
      Detail: { type: "string" },
      Tree: { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/Tree" } } } },
      Big: { type: "object" },
    },
  },
};

describe("selectOperations", () => {
  it("keeps the selected operation and the closure of what it reaches, dropping the rest", () => {
    const { selected, problems } = selectOperations({ document: tiny, operationIds: ["a:delete"] });
    expect(problems).toStrictEqual([]);
    expect(selected!.document).toStrictEqual({
      openapi: "3.1.0",
      info: { title: "Tiny", version: "" },
      paths: {
        "/a/{id}": {
          delete: {
            operationId: "a:delete",
            parameters: [{ $ref: "#/components/parameters/Id" }],
            responses: { "404": { content: { "application/json": { schema: { $ref: "#/components/schemas/NotFound" } } } } },
          },
        },
      },
      components: {
        parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
        schemas: {
          Detail: { type: "string" },
          NotFound: { type: "object", properties: { detail: { $ref: "#/components/schemas/Detail" } } },
        },
      },
    });
  });

  it("follows circular references without looping", () => {
    const document = structuredClone(tiny);
    (document.paths!["/a/{id}"]!.get as { responses: unknown }).responses = {
      "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Tree" } } } },
    };
    const { selected } = selectOperations({ document, operationIds: ["a:get"] });
    expect(Object.keys(selected!.document.components!.schemas!)).toStrictEqual(["Tree"]);
  });

  it("names the closest operation ids when one is unknown", () => {
    const { selected, problems } = selectOperations({ document: embedded, operationIds: ["customers:delet"] });
    expect(selected).toBeUndefined();
    expect(problems).toStrictEqual([
      {
        severity: "error",
        code: "operation-not-found",
        message: 'operation "customers:delet" is not in the spec; did you mean "customers:delete"?',
        path: "/paths",
      },
    ]);
  });

  it("names the nearest operation ids even when none is close", () => {
    const { problems } = selectOperations({ document: embedded, operationIds: ["refunds:create"] });
    expect(problems.map((found) => found.message)).toStrictEqual([
      'operation "refunds:create" is not in the spec; the closest ids there are "customers:delete", "customers:delete_external", "customer_portal:subscriptions:cancel"',
    ]);
  });

  it("reports a security requirement naming a scheme that is not defined, at the requirement", () => {
    const document = structuredClone(tiny);
    (document.paths!["/a/{id}"]!.delete as Record<string, unknown>).security = [{ oauth: [] }];
    document.components!.securitySchemes = { oat: { type: "http", scheme: "bearer" } };
    const { selected, problems } = selectOperations({ document, operationIds: ["a:delete"] });
    expect(selected).toBeUndefined();
    expect(problems).toStrictEqual([
      {
        severity: "error",
        code: "security-scheme-undefined",
        message: 'a:delete: security scheme "oauth" is not defined in components.securitySchemes; did you mean "oat"?',
        path: "/paths/~1a~1{id}/delete/security/0/oauth",
      },
    ]);
  });

  it("reports a schema type that is not a JSON Schema type, in a parameter and in a reached component", () => {
    const document = structuredClone(tiny);
    document.components!.parameters!.Id = { name: "id", in: "path", required: true, schema: { type: "strin" } };
    document.components!.schemas!.NotFound = { type: "object", properties: { detail: { type: ["string", "nul"] } } };
    const { problems } = selectOperations({ document, operationIds: ["a:delete"] });
    expect(problems.map(({ code, message, path }) => ({ code, message, path }))).toStrictEqual([
      { code: "schema-type-invalid", message: 'schema type "strin" is not a JSON Schema type; did you mean "string"?', path: "/components/parameters/Id/schema/type" },
      { code: "schema-type-invalid", message: 'schema type "nul" is not a JSON Schema type; did you mean "null"?', path: "/components/schemas/NotFound/properties/detail/type" },
    ]);
  });

  it("reports a dangling $ref reached from a selected operation", () => {
    const document = structuredClone(tiny);
    delete document.components!.schemas!.Detail;
    const { problems } = selectOperations({ document, operationIds: ["a:delete"] });
    expect(problems).toStrictEqual([
      { severity: "error", code: "ref-dangling", message: '$ref "#/components/schemas/Detail" points at nothing', path: "/components/schemas/Detail" },
    ]);
  });

  it("keeps the security schemes the operations use, and only those", () => {
    const { selected } = selectOperations({ document: embedded, operationIds: ["customer_portal:subscriptions:cancel"] });
    expect(Object.keys(selected!.document.components!.securitySchemes!)).toStrictEqual(["customer_session", "member_session"]);
    const deletes = selectOperations({ document: embedded, operationIds: ["customers:delete"] }).selected!;
    expect(Object.keys(deletes.document.components!.securitySchemes!)).toStrictEqual(["oat", "oidc", "pat"]);
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify(embedded);
    selectOperations({ document: embedded, operationIds: ["customers:delete", "customers:delete_external"] });
    expect(JSON.stringify(embedded)).toBe(before);
  });
});

describe("read-only selections (what the contract fingerprints select, once per operation)", () => {
  const specs = ["spec/polar.openapi.yaml", "test/fixtures/specs/polar-2026-10.openapi.yaml", "test/fixtures/specs/client-shapes.openapi.yaml"];

  it.each(specs)("%s: each operation selected read-only is the copying selection, and the document is left as it was", (path) => {
    const document = parse(readFileSync(path, "utf8")) as OpenApiDocument;
    const before = structuredClone(document);
    const readOnly = { refs: new WeakMap<object, string[]>(), checked: false };
    const ids = Object.values(document.paths ?? {}).flatMap((item) => Object.values(item as Record<string, { operationId?: unknown }>).map((operation) => operation?.operationId)).filter((id): id is string => typeof id === "string");
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) {
      const copied = selectOperations({ document, operationIds: [id] });
      const shared = selectOperations({ document, operationIds: [id], readOnly });
      expect(shared, id).toStrictEqual(copied);
    }
    expect(document).toStrictEqual(before);
  });

  it("share the document's objects, and still report what a copying selection reports", () => {
    const readOnly = { refs: new WeakMap<object, string[]>(), checked: false };
    const shared = selectOperations({ document: tiny, operationIds: ["a:delete"], readOnly }).selected!.document;
    expect(shared.components!.schemas!.Detail).toBe(tiny.components!.schemas!.Detail);
    const broken = structuredClone(tiny);
    (broken.components!.schemas!.Detail as { type: string }).type = "strin";
    const problems = selectOperations({ document: broken, operationIds: ["a:delete"], readOnly: { refs: new WeakMap(), checked: false } }).problems;
    expect(problems.map((found) => found.code)).toStrictEqual(selectOperations({ document: broken, operationIds: ["a:delete"] }).problems.map((found) => found.code));
    expect(problems.length).toBeGreaterThan(0);
  });
});
