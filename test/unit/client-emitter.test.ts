import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client-file.js";
import { formatFiles } from "../../generator/format/format.js";
import { credentialNames } from "../../generator/emit/client/security.js";
import { doneStatus } from "../../generator/emit/client/operation.js";
import { readTemplate } from "../../generator/templates.js";
import { checkSecurity } from "../../generator/model/security.js";
import type { Model, OperationModel } from "../../generator/model/types.js";
import { contextFor } from "../fixtures/client/generate.js";
import { EMBEDDED_SPEC, SPEC_2026_10 } from "../fixtures/client/helpers.js";

const embedded = contextFor(EMBEDDED_SPEC);
const dated = contextFor(SPEC_2026_10);

function operation(model: Model, id: string): OperationModel {
  return model.operations.find((candidate) => candidate.id === id)!;
}

describe("emitClient", () => {
  it("writes client.ts and copies the runtime templates verbatim", async () => {
    const files = await emitClient(embedded);
    expect(files.map((file) => file.path)).toStrictEqual([
      "client.ts",
      "runtime/auth.ts",
      "runtime/options.ts",
      "runtime/paginate.ts",
      "runtime/query.ts",
      "runtime/read.ts",
      "runtime/result.ts",
      "runtime/retry.ts",
      "runtime/send.ts",
      "runtime/steps.ts",
      "runtime/url.ts",
    ]);
    for (const file of files.slice(1)) expect(file.contents).toBe(readTemplate(`client/${file.path}`));
  });

  it("is deterministic", async () => {
    expect(await emitClient(dated)).toStrictEqual(await emitClient(dated));
  });

  it("describes each operation for the runtime", async () => {
    const [client] = await formatFiles((await emitClient(dated)).slice(0, 1));
    expect(client!.contents).toContain(
      [
        "const customersDeleteExternalOperation: OperationInfo = {",
        '  id: "customers:delete_external",',
        '  method: "DELETE",',
        '  path: ["/v1/customers/external/", "externalId", ""],',
        '  query: { anonymize: ["anonymize", "boolean"] },',
        '  auth: ["accessToken"],',
        '  responses: { 204: 0, 404: "ResourceNotFound", 422: "HTTPValidationError" },',
        "  done: 404,",
        "};",
      ].join("\n"),
    );
  });

  it("reads the constants of the documented error bodies from their schemas", async () => {
    const [client] = await formatFiles((await emitClient(dated)).slice(0, 1));
    expect(client!.contents).toContain(
      [
        "  constants: {",
        '    AlreadyCanceledSubscription: { error: "AlreadyCanceledSubscription" },',
        '    ResourceNotFound: { error: "ResourceNotFound" },',
        "  },",
      ].join("\n"),
    );
    // Not hard-coded: another constant in the schema is what the client checks.
    const schemas = dated.model.schemas.map((schema) =>
      schema.name === "ResourceNotFound" && schema.type.kind === "object"
        ? { ...schema, type: { ...schema.type, properties: schema.type.properties.map((property) => (property.name === "error" ? { ...property, type: { kind: "literal" as const, value: "NotFound" } } : property)) } }
        : schema,
    );
    const [changed] = await emitClient({ ...dated, model: { ...dated.model, schemas } });
    expect(changed!.contents).toContain('ResourceNotFound: { error: "NotFound" }');
  });

  it("checks uuid4 path parameters, and query values by their schema's type", async () => {
    const [client] = await formatFiles((await emitClient(dated)).slice(0, 1));
    expect(client!.contents).toContain('  uuids: { id: "uuid4" },\n  query: { anonymize: ["anonymize", "boolean"] },');
  });

  it("documents irreversibility, credentials and scopes, each once", async () => {
    const [client] = await emitClient(dated);
    const docs = client!.contents.slice(0, client!.contents.indexOf("export function customersDelete<"));
    const own = docs.slice(docs.lastIndexOf("/**"));
    expect(own).toMatch(/\*\*This cannot be undone\.\*\*[\s\S]*Credentials: `accessToken`\./);
    // The 2026-10 description already ends with "**Scopes**: `customers:write`".
    expect(own.match(/customers:write/g)).toHaveLength(1);
    const bare: Model = { ...dated.model, operations: dated.model.operations.map((candidate) => ({ ...candidate, description: "Delete." })) };
    const [plain] = await emitClient({ ...dated, model: bare });
    const plainDocs = plain!.contents.slice(0, plain!.contents.indexOf("export function customersDelete<"));
    expect(plainDocs.slice(plainDocs.lastIndexOf("/**"))).toContain("Scopes: `customers:write`.");
  });

  it("refuses, before any emitter runs, operations whose every security scheme neither client nor server can carry", () => {
    const model: Model = { ...embedded.model, securitySchemes: embedded.model.securitySchemes.map((scheme) => ({ ...scheme, type: "http", httpScheme: "digest", bearer: false })) };
    const codes = checkSecurity({ model, document: embedded.subset }).map((found) => found.code);
    expect(codes).toStrictEqual(model.operations.map(() => "security-scheme-unsupported"));
  });
});

describe("client security and outcomes from the model", () => {
  it("oidc, pat and oat all travel as accessToken", () => {
    expect(credentialNames({ model: dated.model, operation: operation(dated.model, "customers:delete") })).toStrictEqual(["accessToken"]);
  });

  it("the portal cancel takes a customer or a member session", () => {
    expect(credentialNames({ model: dated.model, operation: operation(dated.model, "customer_portal:subscriptions:cancel") })).toStrictEqual([
      "customerSession",
      "memberSession",
    ]);
  });

  it("no \"probably succeeded\" without a constant to tell the documented error from another answer", () => {
    const withoutConstants: Model = { ...dated.model, schemas: dated.model.schemas.filter((schema) => schema.name !== "ResourceNotFound") };
    expect(doneStatus({ model: withoutConstants, operation: operation(withoutConstants, "customers:delete") })).toBeUndefined();
    expect(doneStatus({ model: withoutConstants, operation: operation(withoutConstants, "customer_portal:subscriptions:cancel") })).toBe(403);
  });

  it("a delete is done once it answers 404; a cancel once it answers 403 already canceled", () => {
    expect(doneStatus({ model: dated.model, operation: operation(dated.model, "customers:delete") })).toBe(404);
    expect(doneStatus({ model: dated.model, operation: operation(dated.model, "customer_portal:subscriptions:cancel") })).toBe(403);
  });
});
