// What the server runtime cannot serve is a positioned problem before any emitter runs,
// never a thrown Error: a security scheme it cannot check, an alternative that needs two
// credentials at once, an object in a form query, an array in a matrix path.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildOutput } from "../../../generator/pipeline.js";
import { ProblemError, type Problem } from "../../../generator/problems.js";
import { serverContext } from "../../fixtures/server/generate-server.js";

const dir = mkdtempSync(join(tmpdir(), "polar-server-unsupported-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(options: { security?: string; parameter?: string; schemes?: string }): string {
  return `openapi: 3.1.0
info: { title: Odd API, version: "1" }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
    bearer: { type: http, scheme: bearer }
${options.schemes ?? ""}
paths:
  /things/{id}:
    get:
      operationId: things:get
${options.security ? `      security: ${options.security}\n` : ""}      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
${options.parameter ? `        - ${options.parameter}\n` : ""}      responses:
        "204": { description: Done. }
`;
}

async function problemsOf(text: string): Promise<Problem[]> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  try {
    await buildOutput({ config: false, spec: file, out: join(dir, "out"), operations: ["*"] });
  } catch (error) {
    if (error instanceof ProblemError) return error.problems;
    throw error;
  }
  return [];
}

describe("what the server cannot serve", () => {
  it("http digest: a positioned problem naming the scheme", async () => {
    const [found] = await problemsOf(spec({ security: "[{ digest: [] }]", schemes: "    digest: { type: http, scheme: digest }" }));
    expect(found).toMatchObject({ code: "security-scheme-unsupported", severity: "error", message: expect.stringContaining('security scheme "digest" (http scheme "digest") is not supported') });
    expect(found!.position).toMatchObject({ line: expect.any(Number), col: expect.any(Number) });
  });

  it("a global security requirement: the problem points at the operation", async () => {
    const text = spec({ schemes: "    digest: { type: http, scheme: digest }" }).replace("paths:\n", "security: [{ digest: [] }]\npaths:\n");
    const [found] = await problemsOf(text);
    expect(found).toMatchObject({ code: "security-scheme-unsupported", path: "/paths/~1things~1{id}/get", position: { line: 11 } });
  });

  it("an API key whose name no header or cookie can carry", async () => {
    const header = await problemsOf(spec({ security: "[{ odd: [] }]", schemes: '    odd: { type: apiKey, in: header, name: "X Key: 1" }' }));
    expect(header[0]).toMatchObject({ code: "security-scheme-unsupported", message: expect.stringContaining('"X Key: 1" cannot name a header') });
    const cookie = await problemsOf(spec({ security: "[{ odd: [] }]", schemes: '    odd: { type: apiKey, in: cookie, name: "sid=x; admin" }' }));
    expect(cookie[0]?.message).toContain('"sid=x; admin" cannot name a cookie');
    // In the query any name is percent-encoded.
    expect(await problemsOf(spec({ security: "[{ odd: [] }]", schemes: '    odd: { type: apiKey, in: query, name: "api key" }' }))).toStrictEqual([]);
  });

  it("an alternative that needs two credentials at once", async () => {
    const [found] = await problemsOf(spec({ security: "[{ key: [], bearer: [] }]" }));
    expect(found?.message).toContain("needs key and bearer at once is not supported");
  });

  it("an object in a form query, an array in a matrix path", async () => {
    const object = await problemsOf(spec({ parameter: "{ name: where, in: query, schema: { type: object, properties: { a: { type: string } } } }" }));
    expect(object.map((each) => each.message)).toStrictEqual(['server: things:get: parameter "where": an object in query style "form" (only query deepObject objects are read)']);
    const matrix = await problemsOf(spec({ parameter: "{ name: ids, in: query, style: matrix, schema: { type: array, items: { type: string } } }" }));
    expect(matrix[0]?.code).toBe("server-unsupported");
  });

  it("apiKey, basic and bearer, alone or as alternatives, are served", () => {
    const file = join(dir, "served.yaml");
    writeFileSync(file, spec({ security: "[{ key: [] }, { bearer: [] }, { basic: [] }]", schemes: "    basic: { type: http, scheme: basic }" }));
    expect(serverContext(file).problems).toStrictEqual([]);
  });
});
