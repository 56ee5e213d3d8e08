import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildModel } from "../../generator/model/build.js";
import { toTypeRef } from "../../generator/model/type-ref.js";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { DEFAULT_OPERATIONS, selectOperations } from "../../generator/select.js";
import { SPEC_2026_01_29 } from "../fixtures/specs/index.js";

describe("toTypeRef", () => {
  it("folds FastAPI's anyOf-with-null into nullable", () => {
    expect(toTypeRef({ anyOf: [{ type: "string", format: "date-time" }, { type: "null" }] })).toStrictEqual({
      kind: "nullable",
      inner: { kind: "primitive", type: "string", format: "date-time" },
    });
  });

  it("folds OpenAPI 3.0 nullable: true into nullable", () => {
    expect(toTypeRef({ type: "integer", nullable: true })).toStrictEqual({
      kind: "nullable",
      inner: { kind: "primitive", type: "integer" },
    });
  });

  it("folds a type list with null into nullable", () => {
    expect(toTypeRef({ type: ["string", "null"] })).toStrictEqual({
      kind: "nullable",
      inner: { kind: "primitive", type: "string" },
    });
  });

  it("keeps a discriminated oneOf as a union with its discriminator", () => {
    expect(
      toTypeRef({ oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }], discriminator: { propertyName: "kind" } }),
    ).toStrictEqual({ kind: "union", discriminator: "kind", variants: [{ kind: "model", name: "A" }, { kind: "model", name: "B" }] });
  });

  it("reads const as a literal and enum as an enum", () => {
    expect(toTypeRef({ type: "string", const: "ResourceNotFound" })).toStrictEqual({ kind: "literal", value: "ResourceNotFound" });
    expect(toTypeRef({ type: "string", enum: ["a", "b"] })).toStrictEqual({ kind: "enum", values: ["a", "b"] });
  });

  it("reads additionalProperties without properties as a map", () => {
    expect(toTypeRef({ type: "object", additionalProperties: { type: "boolean" } })).toStrictEqual({
      kind: "map",
      values: { kind: "primitive", type: "boolean" },
    });
  });

  it("reads an object's properties sorted, with required flags", () => {
    expect(toTypeRef({ type: "object", required: ["b"], properties: { b: { type: "string" }, a: { type: "number" } } })).toStrictEqual({
      kind: "object",
      properties: [
        { name: "a", required: false, type: { kind: "primitive", type: "number" } },
        { name: "b", required: true, type: { kind: "primitive", type: "string" } },
      ],
    });
  });
});

describe("buildModel on the embedded spec", () => {
  const document = parse(readFileSync("spec/polar.openapi.yaml", "utf8")) as OpenApiDocument;
  const { selected } = selectOperations({ document, operationIds: DEFAULT_OPERATIONS });
  const model = buildModel({ selected: selected!, specFile: "spec/polar.openapi.yaml" });

  it("matches the reviewed IR snapshot", async () => {
    await expect(JSON.stringify(model, null, 2) + "\n").toMatchFileSnapshot("./__snapshots__/model.embedded.json");
  });

  it("names operations and groups them as the ids say", () => {
    expect(model.operations.map((operation) => [operation.id, operation.group, operation.functionName])).toStrictEqual([
      ["customer_portal:subscriptions:cancel", ["customerPortal", "subscriptions", "cancel"], "customerPortalSubscriptionsCancel"],
      ["customers:delete", ["customers", "delete"], "customersDelete"],
      ["customers:delete_external", ["customers", "deleteExternal"], "customersDeleteExternal"],
    ]);
  });

  it("reads the 2026-10 security: oidc, pat or oat with customers:write; a customer or member session", () => {
    const cancel = model.operations.find((operation) => operation.id === "customer_portal:subscriptions:cancel")!;
    const remove = model.operations.find((operation) => operation.id === "customers:delete")!;
    const portal = ["customer_portal:write"];
    expect(cancel.security).toStrictEqual([{ schemes: [{ scheme: "customer_session", scopes: portal }] }, { schemes: [{ scheme: "member_session", scopes: portal }] }]);
    const write = ["customers:write"];
    expect(remove.security).toStrictEqual(["oidc", "pat", "oat"].map((scheme) => ({ schemes: [{ scheme, scopes: write }] })));
  });

  it("sends the date version as the API version header", () => {
    expect(model.apiVersion).toBe("2026-10");
  });
});

describe("buildModel on the 2026-01-29 fixture", () => {
  const document = parse(readFileSync(SPEC_2026_01_29, "utf8")) as OpenApiDocument;
  const { selected } = selectOperations({ document, operationIds: DEFAULT_OPERATIONS });
  const model = buildModel({ selected: selected!, specFile: SPEC_2026_01_29 });

  it("takes per-operation security over the global one", () => {
    const cancel = model.operations.find((operation) => operation.id === "customer_portal:subscriptions:cancel")!;
    const remove = model.operations.find((operation) => operation.id === "customers:delete")!;
    const portal = ["customer_portal:write"];
    expect(cancel.security).toStrictEqual([{ schemes: [{ scheme: "customer_session", scopes: portal }] }, { schemes: [{ scheme: "member_session", scopes: portal }] }]);
    expect(remove.security).toStrictEqual([{ schemes: [{ scheme: "access_token", scopes: [] }] }]);
  });

  it("has no API version header for a non-date version", () => {
    expect(model.apiVersion).toBeUndefined();
  });
});

describe("buildModel with referenced parameters and responses", () => {
  const document = parse(`
openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /v1/customers/external/{external_id}:
    delete:
      operationId: customers:delete_external
      parameters:
        - { name: external_id, in: path, required: true, schema: { type: string } }
        - $ref: "#/components/parameters/Anonymize"
      responses:
        "204": { description: Deleted. }
        "404": { $ref: "#/components/responses/NotFound" }
components:
  parameters:
    Anonymize:
      name: anonymize
      in: query
      description: Also erase personal data.
      schema: { type: boolean, default: false }
  responses:
    NotFound:
      description: No such customer.
      content: { application/json: { schema: { $ref: "#/components/schemas/ResourceNotFound" } } }
  schemas:
    ResourceNotFound: { type: object, properties: { detail: { type: string } } }
`) as OpenApiDocument;
  const { selected } = selectOperations({ document, operationIds: ["customers:delete_external"] });
  const model = buildModel({ selected: selected!, specFile: "inline.yaml" });

  it("resolves them", () => {
    const remove = model.operations[0]!;
    expect(remove.query).toStrictEqual([
      {
        name: "anonymize",
        codeName: "anonymize",
        in: "query",
        required: false,
        style: "form",
        explode: true,
        type: { kind: "primitive", type: "boolean" },
        default: false,
        description: "Also erase personal data.",
      },
    ]);
    expect(remove.errors.map((response) => [response.status, response.description, response.body])).toStrictEqual([
      [404, "No such customer.", { kind: "model", name: "ResourceNotFound" }],
    ]);
  });
});

describe("buildModel: is the spec Polar's?", () => {
  const modelOf = (options: { title: string; servers?: string[] }) =>
    buildModel({
      selected: {
        document: { openapi: "3.1.0", info: { title: options.title, version: "2026-10" }, ...(options.servers ? { servers: options.servers.map((url) => ({ url })) } : {}), paths: {} },
        operationIds: [],
      },
      specFile: "spec.yaml",
    });

  it.each([
    { title: "Polar API", servers: undefined, polar: true },
    { title: "Billing", servers: ["https://sandbox-api.polar.sh"], polar: true },
    { title: "Polar Bear Sightings", servers: undefined, polar: false },
    { title: "Billing", servers: ["https://api.polar.sh.example.com"], polar: false },
    { title: "Billing", servers: ["/relative"], polar: false },
  ])("$title on $servers: polar $polar, and Polar-Version only then", ({ title, servers, polar }) => {
    const model = modelOf({ title, ...(servers ? { servers } : {}) });
    expect(model.polar).toBe(polar);
    expect(model.apiVersion).toBe(polar ? "2026-10" : undefined);
  });
});
