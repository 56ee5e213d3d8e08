// Bad input through the CLI: exit 2, a message that points at the fault, nothing written.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, runCli, scratchDir } from "../helpers/cli.js";

const root = scratchDir();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const minimalPaths = `paths:
  /v1/customers/{id}:
    delete:
      operationId: customers:delete
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        "204": { description: Deleted. }
`;

const cases: Array<{ name: string; file: string; text: string; expected: RegExp }> = [
  { name: "an empty file", file: "spec.yaml", text: "", expected: /spec\.yaml.*empty/i },
  { name: "malformed YAML", file: "spec.yaml", text: "openapi: 3.1.0\ninfo:\n  title: [unclosed\n", expected: /^spec\.yaml:\d+:\d+: .*\[yaml-syntax\]$/m },
  { name: "malformed JSON", file: "spec.json", text: '{\n  "openapi": "3.1.0",\n  "info": {,\n}', expected: /^spec\.json:3:\d+: .*\[json-syntax\]$/m },
  { name: "a spec with no paths", file: "spec.yaml", text: "openapi: 3.1.0\ninfo: { title: T, version: '1' }\n", expected: /\[no-paths\]/ },
  {
    name: "a dangling $ref",
    file: "spec.yaml",
    text: `openapi: 3.1.0\ninfo: { title: T, version: '1' }\n${minimalPaths.replace('"204": { description: Deleted. }', '"204": { $ref: "#/components/responses/Gone" }')}`,
    expected: /^spec\.yaml:\d+:\d+: .*#\/components\/responses\/Gone.*\[ref-dangling\]$/m,
  },
  {
    name: "a $ref escaping the spec's folder",
    file: "spec.yaml",
    text: `openapi: 3.1.0\ninfo: { title: T, version: '1' }\n${minimalPaths.replace("schema: { type: string }", 'schema: { $ref: "../outside.yaml" }')}`,
    expected: /^spec\.yaml:\d+:\d+: .*\[ref-escapes-folder\]$/m,
  },
  {
    name: "a YAML alias bomb",
    file: "spec.yaml",
    text: ["openapi: 3.1.0", "a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [*${"abcdefgh"[i]}, *${"abcdefgh"[i]}, *${"abcdefgh"[i]}, *${"abcdefgh"[i]}, *${"abcdefgh"[i]}, *${"abcdefgh"[i]}, *${"abcdefgh"[i]}, *${"abcdefgh"[i]}, *${"abcdefgh"[i]}]`), "paths: {}"].join("\n"),
    expected: /\[yaml-alias-bomb\]/,
  },
  { name: "Swagger 2.0", file: "spec.yaml", text: "swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths: {}\n", expected: /Swagger 2\.0.*\[swagger-2\]/ },
  {
    name: "a parameter schema type that is no JSON Schema type",
    file: "spec.yaml",
    text: `openapi: 3.1.0\ninfo: { title: T, version: '1' }\n${minimalPaths.replace("schema: { type: string }", "schema: { type: strin }")}`,
    expected: /^spec\.yaml:8:59: schema type "strin" is not a JSON Schema type; did you mean "string"\? \[schema-type-invalid\]$/m,
  },
  {
    name: "a security requirement naming a scheme that is not defined",
    file: "spec.yaml",
    text: `openapi: 3.1.0\ninfo: { title: T, version: '1' }\ncomponents:\n  securitySchemes:\n    oat: { type: http, scheme: bearer }\n${minimalPaths.replace("      parameters:", "      security:\n        - oidc: []\n      parameters:")}`,
    expected: /^spec\.yaml:11:11: customers:delete: security scheme "oidc" is not defined in components\.securitySchemes; did you mean "oat"\? \[security-scheme-undefined\]$/m,
  },
];

describe("bad input", () => {
  it.each(cases)("$name: exit 2, a pointed message, nothing written", async ({ name, file, text, expected }) => {
    const cwd = join(root, name.replace(/\W+/g, "-"));
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, file), text);
    const run = await runCli({ args: ["--spec", file, "--out", "out", "--operations", "customers:delete"], cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(run.stdout).toBe("");
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("a failed run over existing output leaves it exactly as it was", async () => {
    const cwd = join(root, "keeps-output");
    mkdirSync(cwd, { recursive: true });
    expect((await runCli({ args: ["--out", "out"], cwd })).code).toBe(0);
    writeFileSync(join(cwd, "broken.yaml"), "openapi: 3.1.0\npaths: [\n");
    const before = await runCli({ args: ["--check", "--out", "out"], cwd });
    const failed = await runCli({ args: ["--spec", "broken.yaml", "--out", "out"], cwd });
    expect(failed.code).toBe(2);
    expect(await runCli({ args: ["--check", "--out", "out"], cwd })).toStrictEqual(before);
  });
});

describe("inspect", () => {
  it("prints the model of the embedded spec as JSON", async () => {
    const run = await runCli({ args: ["inspect"], cwd: root });
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout) as { operations: Array<{ id: string }>; schemas: unknown[] };
    expect(model.operations.map((operation) => operation.id)).toStrictEqual([
      "customer_portal:subscriptions:cancel",
      "customers:delete",
      "customers:delete_external",
    ]);
  });
});

describe("a spec URL that never answers", () => {
  it("gives up after the fetch timeout with a clear message: exit 2, nothing written", async () => {
    // Accepts the connection and never answers.
    const server: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.yaml`;
      const cwd = join(root, "silent-url");
      mkdirSync(cwd, { recursive: true });
      const run = await runCli({ args: ["--spec", url, "--out", "out"], cwd, env: { POLAR_CODEGEN_FETCH_TIMEOUT_MS: "300" } });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`could not fetch ${url}: no complete answer within 0.3 s (set POLAR_CODEGEN_FETCH_TIMEOUT_MS to wait longer) [spec-fetch-failed]\n`);
      expect(existsSync(join(cwd, "out"))).toBe(false);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("output piped into a reader that stops early", () => {
  it("`inspect | head` stops quietly, without a stack trace", async () => {
    const cwd = join(root, "pipe");
    mkdirSync(cwd, { recursive: true });
    // A model well over a pipe's 64 KiB buffer, so the write is still going when head exits.
    const properties = Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`field_${index}`, { type: "string" }]));
    const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties } } } } };
    const spec = { openapi: "3.1.0", info: { title: "Big", version: "1" }, paths: { "/things": { get: { operationId: "things:list", responses: ok } } } };
    writeFileSync(join(cwd, "big.json"), JSON.stringify(spec));
    const command = `set -o pipefail; "${process.execPath}" "${CLI}" inspect --spec big.json --operations things:list | head -c 20 > /dev/null`;
    const child = spawnSync("bash", ["-c", command], { cwd, encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
  });
});

describe("spec text in messages", () => {
  it("reaches the terminal with escape sequences, carriage returns and bidi overrides written as \\uXXXX", async () => {
    const dir = join(root, "terminal-safe");
    mkdirSync(dir, { recursive: true });
    // A $ref the spec names, quoted by the message: the ESC would recolour the terminal, the CR rewrite the line.
    const target = "\u001b[2J\rok\u202egpj.yaml";
    const text = `openapi: 3.1.0\ninfo: { title: T, version: '1' }\n${minimalPaths.replace("schema: { type: string }", `schema: { $ref: ${JSON.stringify(target)} }`)}`;
    writeFileSync(join(dir, "spec.yaml"), text);
    const run = await runCli({ args: ["--spec", "spec.yaml", "--out", "out", "--operations", "customers:delete"], cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("\\u001b[2J\\u000dok\\u202egpj.yaml");
    expect(run.stderr).not.toMatch(/[\u001b\r\u202e]/);
  });
});
