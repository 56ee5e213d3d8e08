import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client-file.js";
import { formatFiles } from "../../generator/format.js";
import { credentialNames } from "../../generator/emit/client/security.js";
import { doneStatus } from "../../generator/emit/client/operation.js";
import { readTemplate } from "../../generator/templates.js";
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
      "runtime/options.ts",
      "runtime/read.ts",
      "runtime/result.ts",
      "runtime/retry-after.ts",
      "runtime/send.ts",
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
        '  query: { anonymize: "anonymize" },',
        '  auth: ["accessToken"],',
        '  responses: { 204: 0, 404: "ResourceNotFound", 422: "HTTPValidationError" },',
        "  done: 404,",
        "};",
      ].join("\n"),
    );
  });

  it("documents irreversibility, credentials and scopes", async () => {
    const [client] = await emitClient(dated);
    const docs = client!.contents.slice(0, client!.contents.indexOf("export function customersDelete<"));
    expect(docs.slice(docs.lastIndexOf("/**"))).toMatch(/\*\*This cannot be undone\.\*\*[\s\S]*Credentials: `accessToken`\.[\s\S]*Scopes: `customers:write`\./);
  });

  it("refuses a security scheme a bearer header cannot carry", async () => {
    const model: Model = { ...embedded.model, securitySchemes: embedded.model.securitySchemes.map((scheme) => ({ ...scheme, type: "apiKey", bearer: false })) };
    await expect(emitClient({ ...embedded, model })).rejects.toThrow(/is not a bearer scheme/);
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

  it("a delete is done once it answers 404; a cancel once it answers 403 already canceled", () => {
    expect(doneStatus(operation(dated.model, "customers:delete"))).toBe(404);
    expect(doneStatus(operation(dated.model, "customer_portal:subscriptions:cancel"))).toBe(403);
  });
});
