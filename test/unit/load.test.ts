import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadSpec } from "../../generator/load/index.js";
import { tempFolders } from "../helpers/temp-folders.js";

const { folderWith } = tempFolders("polar-codegen-load-");

async function problemsOf(files: Record<string, string>, source = Object.keys(files)[0]!) {
  const cwd = await folderWith(files);
  return (await loadSpec({ source, cwd })).problems;
}

const MINIMAL = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n";

describe("loadSpec: bad input", () => {
  it("reports a missing file", async () => {
    const cwd = await folderWith({});
    expect((await loadSpec({ source: "nope.yaml", cwd })).problems).toStrictEqual([
      { severity: "error", code: "spec-not-found", message: "spec file not found: nope.yaml", path: "", file: "nope.yaml" },
    ]);
  });

  it("reports an empty file", async () => {
    expect(await problemsOf({ "spec.yaml": "" })).toStrictEqual([
      { severity: "error", code: "spec-empty", message: "spec file is empty: spec.yaml", path: "" },
    ]);
  });

  it("reports a file holding only comments as empty", async () => {
    expect((await problemsOf({ "spec.yaml": "# nothing here\n" }))[0]?.code).toBe("spec-empty");
  });

  it("reports malformed YAML with its position", async () => {
    expect(await problemsOf({ "spec.yaml": "openapi: 3.1.0\ninfo:\n  title: x\n bad: 1\npaths: {}\n" })).toStrictEqual([
      {
        severity: "error",
        code: "yaml-syntax",
        message: "malformed YAML: All mapping items must start at the same column",
        path: "",
        position: { file: "spec.yaml", line: 4, col: 1 },
      },
    ]);
  });

  it("reports one YAML mistake once, though the parser finds it twice at one place", async () => {
    const problems = await problemsOf({ "spec.yaml": "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get: foo: bar\n" });
    expect(problems.map((found) => [found.code, found.position?.line, found.position?.col])).toStrictEqual([["yaml-syntax", 5, 10]]);
  });

  it("reports a YAML error deep in a part no operation reads", async () => {
    const text = `${MINIMAL}components:\n  schemas:\n    Unused:\n      description: "bad \\q escape"\n`;
    const [found] = await problemsOf({ "spec.yaml": text });
    expect([found?.code, found?.position]).toStrictEqual(["yaml-syntax", { file: "spec.yaml", line: 7, col: 25 }]);
  });

  it("reports malformed JSON with its position", async () => {
    expect(await problemsOf({ "spec.json": '{\n  "openapi": "3.1.0",\n  "paths": {,}\n}\n' })).toStrictEqual([
      {
        severity: "error",
        code: "json-syntax",
        message: "malformed JSON in spec.json: Expected property name or '}'",
        path: "",
        position: { file: "spec.json", line: 3, col: 13 },
      },
    ]);
  });

  it("positions truncated JSON at the end", async () => {
    const [found] = await problemsOf({ "spec.json": '{\n  "openapi": "3.1.0",\n  "paths": {}\n' });
    expect([found?.code, found?.position]).toStrictEqual(["json-syntax", { file: "spec.json", line: 4, col: 1 }]);
  });

  it("reports a duplicate key", async () => {
    expect(await problemsOf({ "spec.yaml": "openapi: 3.1.0\npaths: {}\ninfo:\n  title: a\n  title: b\n" })).toStrictEqual([
      {
        severity: "error",
        code: "yaml-duplicate-key",
        message: 'duplicate key "title" in YAML mapping',
        path: "",
        position: { file: "spec.yaml", line: 5, col: 3 },
      },
    ]);
  });

  it("stops a billion-laughs alias bomb quickly", async () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let level = 1; level < 9; level += 1) {
      const [prev, name] = [String.fromCharCode(96 + level), String.fromCharCode(97 + level)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    expect(await problemsOf({ "spec.yaml": `${MINIMAL}x-bomb:\n  ${levels.join("\n  ")}\n` })).toStrictEqual([
      {
        severity: "error",
        code: "yaml-alias-bomb",
        message: 'YAML aliases in spec.yaml expand beyond 100 references (a "billion laughs" document?)',
        path: "",
        position: { file: "spec.yaml", line: 6, col: 10 },
      },
    ]);
  });

  it("refuses a document that is not an object", async () => {
    expect(await problemsOf({ "spec.yaml": "- 1\n- 2\n" })).toStrictEqual([
      {
        severity: "error",
        code: "spec-not-object",
        message: "spec.yaml is not an OpenAPI document: expected an object at the top level, found an array",
        path: "",
        position: { file: "spec.yaml", line: 1, col: 1 },
      },
    ]);
  });

  it("refuses Swagger 2.0", async () => {
    expect(await problemsOf({ "spec.yaml": "info:\n  title: x\nswagger: '2.0'\npaths: {}\n" })).toStrictEqual([
      {
        severity: "error",
        code: "swagger-2",
        message:
          "Swagger 2.0 is not supported; convert it to OpenAPI 3 (for example with swagger2openapi or https://converter.swagger.io) and try again",
        path: "/swagger",
        position: { file: "spec.yaml", line: 3, col: 1 },
      },
    ]);
  });

  it("refuses a document without an openapi field", async () => {
    expect((await problemsOf({ "spec.yaml": "paths: {}\n" }))[0]?.code).toBe("openapi-missing");
  });

  it("refuses an OpenAPI version other than 3.0 or 3.1", async () => {
    expect(await problemsOf({ "spec.json": '{"openapi": "4.0.0", "paths": {}}' })).toStrictEqual([
      {
        severity: "error",
        code: "openapi-unsupported",
        message: 'OpenAPI version "4.0.0" is not supported; expected 3.0.x or 3.1.x',
        path: "/openapi",
        position: { file: "spec.json", line: 1, col: 2 },
      },
    ]);
  });

  it("accepts OpenAPI 3.0", async () => {
    expect(await problemsOf({ "spec.yaml": "openapi: 3.0.3\npaths: {}\n" })).toStrictEqual([]);
  });
});

describe("loadSpec: sources", () => {
  it("fetches a URL with the injected fetch", async () => {
    const fetch = async () => new Response(MINIMAL);
    const result = await loadSpec({ source: "https://example.test/spec.yaml", fetch });
    expect([result.problems, result.spec?.document.openapi, result.spec?.files]).toStrictEqual([[], "3.1.0", []]);
  });

  it("reports an HTTP error", async () => {
    const fetch = async () => new Response("gone", { status: 404, statusText: "Not Found" });
    expect((await loadSpec({ source: "https://example.test/spec.yaml", fetch })).problems).toStrictEqual([
      {
        severity: "error",
        code: "spec-fetch-failed",
        message: "could not fetch https://example.test/spec.yaml: HTTP 404 Not Found",
        path: "",
      },
    ]);
  });

  it("reports a network failure", async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError("fetch failed");
    };
    const [found] = (await loadSpec({ source: "https://example.test/spec.yaml", fetch })).problems;
    expect([found?.code, found?.message]).toStrictEqual([
      "spec-fetch-failed",
      "could not fetch https://example.test/spec.yaml: fetch failed",
    ]);
  });

  it("reads through an injected readFile", async () => {
    const readFile = async (path: string) => (path === "/virtual/spec.yaml" ? MINIMAL : "");
    const result = await loadSpec({ source: "spec.yaml", cwd: "/virtual", readFile });
    expect([result.problems, result.spec?.source, result.spec?.files]).toStrictEqual([[], "spec.yaml", ["/virtual/spec.yaml"]]);
  });

  it("locates pointers in a JSON spec", async () => {
    const cwd = await folderWith({ "spec.json": '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/a": {}\n  }\n}\n' });
    const { spec } = await loadSpec({ source: "spec.json", cwd });
    expect(spec?.locate("/paths/~1a")).toStrictEqual({ file: "spec.json", line: 4, col: 5 });
  });

  it("loads the embedded spec identically from YAML and JSON", async () => {
    const text = readFileSync("spec/polar.openapi.yaml", "utf8");
    const cwd = await folderWith({ "spec.yaml": text, "spec.json": JSON.stringify(parse(text), null, 2) });
    const fromYaml = await loadSpec({ source: "spec.yaml", cwd });
    const fromJson = await loadSpec({ source: "spec.json", cwd });
    expect(fromJson.problems).toStrictEqual([]);
    expect(fromJson.spec?.document).toStrictEqual(fromYaml.spec?.document);
  });
});
