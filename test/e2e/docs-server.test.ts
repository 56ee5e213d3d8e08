// Every code block of docs/server.md works: the TypeScript ones compile strictly
// against the generated folder, the seed is one the fake takes, and the 422 shown is
// the one the server sends.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createPolarServer } from "../../generated/polar/index.js";
import { createFakePolar, DEFAULT_ACCESS_TOKEN } from "../../generated/polar/fake.js";

const docs = readFileSync("docs/server.md", "utf8");
const blocks = (language: string) => [...docs.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((match) => match[1]!);

describe("docs/server.md", () => {
  it("every TypeScript block compiles strictly against the generated folder", () => {
    // Inside the repository, so `express`, `hono` and @types/node resolve from its node_modules.
    const dir = mkdtempSync(join("test", ".docs-"));
    try {
      const files = blocks("ts").map((code, index) => {
        const file = resolve(dir, `block-${index}.ts`);
        writeFileSync(file, code.replace(/\.\/generated\/polar\/(\w+)\.js/g, (_path, name: string) => resolve(`generated/polar/${name}.js`)));
        return file;
      });
      expect(files.length).toBeGreaterThanOrEqual(4);
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
        types: ["node"],
        skipLibCheck: true,
      });
      const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
      expect(problems).toStrictEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the seed shown is one the fake takes, and the 422 shown is the server's", async () => {
    const [validation, seed] = blocks("json").map((text) => JSON.parse(text));
    const fake = createFakePolar({ seed });
    expect(fake.state().customers[0]).toMatchObject({ external_id: "user-42" });
    const token = seed.access_tokens?.[0]?.token ?? DEFAULT_ACCESS_TOKEN.token;
    const response = await createPolarServer(fake).fetch(new Request("http://x/v1/customers/abc", { method: "DELETE", headers: { authorization: `Bearer ${token}` } }));
    expect(await response.json()).toStrictEqual(validation);
  });
});
