// Names derived from the spec: the mapping of an operationId to the function it becomes,
// and the list of names the generated modules use already, held to those modules.
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { GENERATED_NAMES, operationDeclarations, operationFunctionName } from "../../generator/model/names.js";
import { buildOutput } from "../../generator/pipeline.js";
import { ProblemError } from "../../generator/problems.js";
import { clientFiles } from "../fixtures/client/generate.js";
import { tempFolders } from "../helpers/temp-folders.js";

/** Every top-level name a module declares, imports or exports. */
function topLevelNames(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((element) => element.name.text));
    } else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) names.push(...clause.elements.map((element) => element.name.text));
    } else if (ts.isVariableStatement(statement)) {
      names.push(...statement.declarationList.declarations.map((declaration) => (declaration.name as ts.Identifier).text));
    } else if (ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      names.push(statement.name!.text);
    }
  }
  return names;
}

describe("names the generated modules use", () => {
  it("GENERATED_NAMES is every top-level name of client.ts, server.ts and index.ts that no operation gives", () => {
    const fromOperations = new Set(["customersDelete", "customersDeleteExternal", "customerPortalSubscriptionsCancel"].flatMap(operationDeclarations));
    const used = ["client.ts", "server.ts", "index.ts"].flatMap((name) => topLevelNames(`generated/polar/${name}`)).filter((name) => !fromOperations.has(name));
    // Runtime functions client.ts imports only when an operation needs them (the three operations need none).
    const onlyWhenUsed = ["formBody", "headerParams", "jsonBody", "Multipart", "multipartBody", "queryDeep", "queryList", "rawBody"];
    expect([...new Set([...used, ...onlyWhenUsed])].sort()).toStrictEqual([...GENERATED_NAMES("Polar")].sort());
  });

  it("GENERATED_NAMES names the API's own exports after the API", () => {
    const names = GENERATED_NAMES("Acme");
    expect(["createAcmeClient", "AcmeClient", "AcmeClientOptions", "AcmeCredentials", "AcmeCore", "createAcmeCore", "AcmeError"].filter((name) => !names.has(name))).toStrictEqual([]);
    expect([...names].filter((name) => name.includes("Polar"))).toStrictEqual([]);
  });

  it("steps aside from the names of the API it is generated for", () => {
    expect(operationFunctionName({ operationId: "createAcmeClient", apiName: "Acme" })).toBe("createAcmeClient_");
    expect(operationFunctionName({ operationId: "createPolarClient", apiName: "Acme" })).toBe("createPolarClient");
  });
});

describe("operationFunctionName", () => {
  it("camelCases the id in ASCII, and makes it a name the module can declare", () => {
    const ids = ["customers:delete_external", "customer_portal:subscriptions:cancel", "kündigen:jetzt", "𓺛x", "ä", "constructor", "class", "1x", "send", "any", "createPolarClient", "*/x", ":::", ""];
    expect(Object.fromEntries(ids.map((id) => [id, operationFunctionName({ operationId: id, apiName: "Polar" })]))).toStrictEqual({
      "customers:delete_external": "customersDeleteExternal",
      "customer_portal:subscriptions:cancel": "customerPortalSubscriptionsCancel",
      "kündigen:jetzt": "kundigenJetzt",
      "𓺛x": "x",
      ä: "a",
      constructor: "constructor",
      class: "class_",
      "1x": "_1x",
      // The client imports `send`; `AnyResult` is one of its types.
      send: "send_",
      any: "any_",
      createPolarClient: "createPolarClient_",
      "*/x": "x",
      ":::": "",
      "": "",
    });
  });

  it("steps aside from the names of the API it is generated for", () => {
    expect(operationFunctionName({ operationId: "createAcmeClient", apiName: "Acme" })).toBe("createAcmeClient_");
    expect(operationFunctionName({ operationId: "createPolarClient", apiName: "Acme" })).toBe("createPolarClient");
  });
});

describe("security the client sends", () => {
  const folders = tempFolders("polar-names-security-");
  const spec = (security: string) => `openapi: 3.1.0
info: { title: Key API, version: "1" }
servers: [{ url: "https://key.test" }]
paths:
  /things:
    get:
      operationId: things:list
      security: ${security}
      responses: { "204": { description: ok } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
    token: { type: http, scheme: bearer }
`;
  async function problemsOf(security: string): Promise<unknown[]> {
    const dir = await folders.folderWith({ "spec.yaml": spec(security) });
    try {
      await buildOutput({ config: false, spec: join(dir, "spec.yaml"), operations: ["things:list"] });
      return [];
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      return error.problems.map((found) => [found.code, found.path]);
    }
  }

  it("takes an operation whose only alternative is an API key: the client sends the key", async () => {
    expect(await problemsOf("[{ key: [] }]")).toStrictEqual([]);
    const dir = await folders.folderWith({ "spec.yaml": spec("[{ key: [] }]") });
    const client = (await clientFiles(join(dir, "spec.yaml"), ["*"])).find((file) => file.path === "client.ts")!;
    expect(client.contents).toContain(`encode: signed([["key", "header", "X-Key"]])`);
  });

  it("sends an API key or a bearer token, whichever the call or the client has", async () => {
    const dir = await folders.folderWith({ "spec.yaml": spec("[{ key: [] }, { token: [] }]") });
    const client = (await clientFiles(join(dir, "spec.yaml"), ["*"])).find((file) => file.path === "client.ts")!;
    expect(client.contents).toContain(`encode: signed([["key", "header", "X-Key"], ["token"]])`);
    expect(client.contents).toContain(`auth: []`);
  });

  it("refuses what neither the client nor the server carries, at the operation's security, once", async () => {
    expect(await problemsOf("[{ key: [], token: [] }]")).toStrictEqual([["security-scheme-unsupported", "/paths/~1things/get/security"]]);
  });
});
