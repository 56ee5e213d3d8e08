import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { validateSpec } from "../../generator/validate.js";
import { tempFolders } from "../helpers/temp-folders.js";

const { folderWith } = tempFolders("polar-codegen-validate-");

async function validate(text: string) {
  const cwd = await folderWith({ "spec.yaml": text });
  const { spec, problems } = await loadSpec({ source: "spec.yaml", cwd });
  if (!spec) throw new Error(`did not load: ${JSON.stringify(problems)}`);
  return validateSpec(spec);
}

const HEAD = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\n";
const at = (line: number, col: number) => ({ file: "spec.yaml", line, col });

describe("validateSpec", () => {
  it("finds nothing wrong with the embedded spec", async () => {
    const { spec } = await loadSpec({ source: "spec/polar.openapi.yaml" });
    expect(validateSpec(spec!)).toStrictEqual([]);
  });

  it("reports a spec with no paths", async () => {
    expect(await validate(HEAD)).toStrictEqual([
      {
        severity: "error",
        code: "no-paths",
        message: 'the spec has no "paths" object; there are no operations to generate',
        path: "/paths",
        position: at(1, 1),
      },
    ]);
  });

  it("reports a dangling internal ref at the $ref", async () => {
    const text = `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/Nope' }\n`;
    expect(await validate(text)).toStrictEqual([
      {
        severity: "error",
        code: "ref-dangling",
        message: '$ref "#/components/responses/Nope" points at nothing in the spec',
        path: "/paths/~1a/get/responses/200/$ref",
        position: at(7, 18),
      },
    ]);
  });

  it("reports each place a dangling ref is used, deep in arrays, and nothing for the refs that resolve", async () => {
    const text = [
      `${HEAD}paths:`,
      "  /a:",
      "    get:",
      "      responses:",
      "        '200': { $ref: '#/components/responses/Ok' }",
      "        '404': { $ref: '#/components/responses/Ok' }",
      "components:",
      "  responses:",
      "    Ok:",
      "      description: ok",
      "      content:",
      "        application/json:",
      "          schema: { allOf: [{ $ref: '#/components/schemas/Thing' }, { $ref: '#/components/responses/Gone' }] }",
      "  schemas:",
      "    Thing: { type: object, properties: { tags: { type: array, items: { oneOf: [{ $ref: '#/components/responses/Gone' }] } } } }",
      "",
    ].join("\n");
    const problems = await validate(text);
    expect(problems.map((each) => [each.code, each.path])).toStrictEqual([
      ["ref-dangling", "/components/responses/Ok/content/application~1json/schema/allOf/1/$ref"],
      ["ref-dangling", "/components/schemas/Thing/properties/tags/items/oneOf/0/$ref"],
    ]);
  });

  it("reports an operation without responses", async () => {
    expect(await validate(`${HEAD}paths:\n  /a:\n    get: { operationId: a }\n`)).toStrictEqual([
      {
        severity: "error",
        code: "operation-no-responses",
        message: 'GET /a has no "responses"',
        path: "/paths/~1a/get",
        position: at(5, 5),
      },
    ]);
  });

  it("reports a parameter without a name, through a $ref", async () => {
    const text = `${HEAD}paths:\n  /a:\n    get:\n      parameters: [{ $ref: '#/components/parameters/P' }]\n      responses: {}\ncomponents:\n  parameters:\n    P: { in: query }\n`;
    expect(await validate(text)).toStrictEqual([
      {
        severity: "error",
        code: "parameter-invalid",
        message: 'parameter 0 has no "name"',
        path: "/paths/~1a/get/parameters/0",
        position: at(6, 20),
      },
    ]);
  });

  it("reports path template parameters that are not declared, and declared ones not in the path", async () => {
    const text = `${HEAD}paths:\n  /a/{id}:\n    delete:\n      parameters: [{ name: other, in: path }]\n      responses: {}\n`;
    expect((await validate(text)).map(({ code, severity, message }) => ({ code, severity, message }))).toStrictEqual([
      {
        code: "path-param-undeclared",
        severity: "error",
        message: 'DELETE /a/{id}: path parameter "{id}" is not declared as an "in: path" parameter',
      },
      {
        code: "path-param-unused",
        severity: "warning",
        message: 'DELETE /a/{id}: parameter "other" is declared "in: path" but the path has no "{other}"',
      },
    ]);
  });

  it("accepts path parameters declared on the path item", async () => {
    const text = `${HEAD}paths:\n  /a/{id}:\n    parameters: [{ name: id, in: path, required: true }]\n    get: { responses: {} }\n`;
    expect(await validate(text)).toStrictEqual([]);
  });

  it("reports a duplicate operationId", async () => {
    const text = `${HEAD}paths:\n  /a:\n    get: { operationId: x, responses: {} }\n  /b:\n    post: { operationId: x, responses: {} }\n`;
    expect(await validate(text)).toStrictEqual([
      {
        severity: "error",
        code: "operation-id-duplicate",
        message: 'operationId "x" is used twice: by GET /a and by POST /b',
        path: "/paths/~1b/post/operationId",
        position: at(7, 13),
      },
    ]);
  });
});
