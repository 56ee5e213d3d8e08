import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { tempFolders } from "../helpers/temp-folders.js";

const { folderWith } = tempFolders("polar-codegen-refs-");

/** A spec whose one operation answers 200 with `schema` (a YAML flow mapping). */
function specWith(schema: string, extra = ""): string {
  return [
    "openapi: 3.1.0",
    "info: { title: t, version: '1' }",
    "paths:",
    "  /c:",
    "    get:",
    "      operationId: c:get",
    "      responses:",
    "        '200':",
    "          description: ok",
    "          content:",
    `            application/json: { schema: ${schema} }`,
    extra,
  ].join("\n");
}

const schemaRef = (spec: { document: { paths?: Record<string, Record<string, unknown>> } } | undefined) =>
  (spec?.document.paths?.["/c"]?.get as any)?.responses["200"].content["application/json"].schema;

describe("loadSpec: $ref folding", () => {
  it("folds a relative file ref and the refs inside it into components", async () => {
    const cwd = await folderWith({
      "spec.yaml": specWith("{ $ref: './schemas/customer.yaml#/Customer' }"),
      "schemas/customer.yaml": "Customer:\n  type: object\n  properties:\n    address: { $ref: '#/Address' }\n    tag: { $ref: 'tag.json' }\nAddress:\n  type: string\n",
      "schemas/tag.json": '{"type": "string", "enum": ["a"]}',
    });
    const { spec, problems } = await loadSpec({ source: "spec.yaml", cwd });
    expect(problems).toStrictEqual([]);
    expect(schemaRef(spec)).toStrictEqual({ $ref: "#/components/schemas/Customer" });
    expect(spec?.document.components).toStrictEqual({
      schemas: {
        Customer: {
          type: "object",
          properties: { address: { $ref: "#/components/schemas/Address" }, tag: { $ref: "#/components/schemas/tag" } },
        },
        Address: { type: "string" },
        tag: { type: "string", enum: ["a"] },
      },
    });
    expect(spec?.files).toStrictEqual(
      ["spec.yaml", "schemas/customer.yaml", "schemas/tag.json"].map((name) => join(cwd, name)),
    );
  });

  it("gives a folded target a fresh name when the spec already has one", async () => {
    const cwd = await folderWith({
      "spec.yaml": specWith("{ $ref: 'other.yaml#/Customer' }", "components:\n  schemas:\n    Customer: { type: integer }\n"),
      "other.yaml": "Customer: { type: string }\n",
    });
    const { spec } = await loadSpec({ source: "spec.yaml", cwd });
    expect([schemaRef(spec), spec?.document.components?.schemas]).toStrictEqual([
      { $ref: "#/components/schemas/Customer_2" },
      { Customer: { type: "integer" }, Customer_2: { type: "string" } },
    ]);
  });

  it("folds a parameter into components/parameters", async () => {
    const cwd = await folderWith({
      "spec.yaml": "openapi: 3.1.0\npaths:\n  /c/{id}:\n    get:\n      parameters:\n        - $ref: 'params.yaml#/Id'\n      responses: {}\n",
      "params.yaml": "Id: { name: id, in: path, required: true }\n",
    });
    const { spec } = await loadSpec({ source: "spec.yaml", cwd });
    expect([(spec?.document.paths?.["/c/{id}"]?.get as any).parameters, spec?.document.components]).toStrictEqual([
      [{ $ref: "#/components/parameters/Id" }],
      { parameters: { Id: { name: "id", in: "path", required: true } } },
    ]);
  });

  it("ends circular refs across files", async () => {
    const cwd = await folderWith({
      "spec.yaml": specWith("{ $ref: 'a.yaml#/A' }", "components:\n  schemas:\n    Root: { $ref: 'a.yaml#/A' }\n"),
      "a.yaml": "A: { type: object, properties: { b: { $ref: 'b.yaml#/B' }, root: { $ref: 'spec.yaml#/components/schemas/Root' } } }\n",
      "b.yaml": "B: { type: object, properties: { a: { $ref: 'a.yaml#/A' }, self: { $ref: '#/B' } } }\n",
    });
    const { spec, problems } = await loadSpec({ source: "spec.yaml", cwd });
    expect(problems).toStrictEqual([]);
    expect(spec?.document.components?.schemas).toStrictEqual({
      Root: { $ref: "#/components/schemas/A" },
      A: {
        type: "object",
        properties: { b: { $ref: "#/components/schemas/B" }, root: { $ref: "#/components/schemas/Root" } },
      },
      B: {
        type: "object",
        properties: { a: { $ref: "#/components/schemas/A" }, self: { $ref: "#/components/schemas/B" } },
      },
    });
  });

  it("keeps internal refs, circular ones included, as they are", async () => {
    const text = specWith("{ $ref: '#/components/schemas/Tree' }", "components:\n  schemas:\n    Tree: { type: array, items: { $ref: '#/components/schemas/Tree' } }\n");
    const cwd = await folderWith({ "spec.yaml": text });
    const { spec, problems } = await loadSpec({ source: "spec.yaml", cwd });
    expect([problems, spec?.document.components?.schemas]).toStrictEqual([
      [],
      { Tree: { type: "array", items: { $ref: "#/components/schemas/Tree" } } },
    ]);
  });

  it("locates a folded component in the file it came from", async () => {
    const cwd = await folderWith({
      "spec.yaml": specWith("{ $ref: 'other.yaml#/Customer' }"),
      "other.yaml": "# leading comment\nCustomer:\n  type: object\n  required: [id]\n",
    });
    const { spec } = await loadSpec({ source: "spec.yaml", cwd });
    expect(spec?.locate("/components/schemas/Customer/required")).toStrictEqual({ file: "other.yaml", line: 4, col: 3 });
  });
});

describe("loadSpec: refused and broken refs", () => {
  const refProblem = (code: string, message: string) => ({
    severity: "error",
    code,
    message,
    path: "/paths/~1c/get/responses/200/content/application~1json/schema/$ref",
    position: { file: "spec/spec.yaml", line: 11, col: 43 },
  });

  it("refuses a ref that leaves the spec's folder", async () => {
    const cwd = await folderWith({ "spec/spec.yaml": specWith("{ $ref: '../x.yaml#/X' }"), "x.yaml": "X: {}\n" });
    expect((await loadSpec({ source: "spec/spec.yaml", cwd })).problems).toStrictEqual([
      refProblem("ref-escapes-folder", `$ref "../x.yaml#/X" leads outside the spec's folder; only files in or below it may be referenced`),
    ]);
  });

  it("refuses an absolute path", async () => {
    const cwd = await folderWith({ "spec/spec.yaml": specWith("{ $ref: '/etc/passwd' }") });
    expect((await loadSpec({ source: "spec/spec.yaml", cwd })).problems.map((found) => found.code)).toStrictEqual([
      "ref-escapes-folder",
    ]);
  });

  it("refuses a symlink that leads out", async () => {
    const cwd = await folderWith({ "spec/spec.yaml": specWith("{ $ref: 'link.yaml#/X' }"), "outside.yaml": "X: {}\n" });
    await symlink(join(cwd, "outside.yaml"), join(cwd, "spec", "link.yaml"));
    expect((await loadSpec({ source: "spec/spec.yaml", cwd })).problems.map((found) => found.code)).toStrictEqual([
      "ref-escapes-folder",
    ]);
  });

  it("refuses a remote ref unless allowed", async () => {
    const cwd = await folderWith({ "spec/spec.yaml": specWith("{ $ref: 'https://example.test/x.yaml#/X' }") });
    expect((await loadSpec({ source: "spec/spec.yaml", cwd })).problems).toStrictEqual([
      refProblem(
        "ref-remote-refused",
        `remote $ref "https://example.test/x.yaml#/X" refused; allow remote refs (--allow-remote-refs) to fetch it`,
      ),
    ]);
  });

  it("fetches and folds a remote ref when allowed", async () => {
    const cwd = await folderWith({ "spec.yaml": specWith("{ $ref: 'https://example.test/x.yaml#/X' }") });
    const fetch = async () => new Response("X: { type: boolean }\n");
    const { spec, problems } = await loadSpec({ source: "spec.yaml", cwd, allowRemoteRefs: true, fetch });
    expect([problems, spec?.document.components, spec?.files]).toStrictEqual([
      [],
      { schemas: { X: { type: "boolean" } } },
      [join(cwd, "spec.yaml")],
    ]);
  });

  it("reports a ref to a missing file", async () => {
    const cwd = await folderWith({ "spec/spec.yaml": specWith("{ $ref: 'gone.yaml#/X' }") });
    expect((await loadSpec({ source: "spec/spec.yaml", cwd })).problems).toStrictEqual([
      // Named as well as pointed at: watch mode waits for it to appear.
      { ...refProblem("ref-not-found", "file named by $ref not found: spec/gone.yaml"), file: "spec/gone.yaml" },
    ]);
  });

  it("reports a ref to nothing inside another file", async () => {
    const cwd = await folderWith({ "spec/spec.yaml": specWith("{ $ref: 'other.yaml#/Nope' }"), "spec/other.yaml": "X: {}\n" });
    expect((await loadSpec({ source: "spec/spec.yaml", cwd })).problems).toStrictEqual([
      refProblem("ref-dangling", `$ref "other.yaml#/Nope" points at nothing in spec/other.yaml`),
    ]);
  });
});
