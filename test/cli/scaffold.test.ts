// `polar-codegen scaffold-handlers FILE`: a typed skeleton outside the generated folder
// that compiles strictly against it, and is never overwritten.

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli, scratchDir } from "../helpers/cli.js";

let scratch: string;
beforeAll(async () => {
  scratch = scratchDir("polar-codegen-scaffold-");
  writeFileSync(join(scratch, "polar-codegen.config.json"), JSON.stringify({ spec: resolve("spec/polar.openapi.yaml"), out: "src/generated/polar" }));
  expect((await runCli({ args: ["--quiet"], cwd: scratch })).code).toBe(0);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function compile(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    noUnusedLocals: true,
    noUnusedParameters: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    types: [],
  });
  // Only the skeleton's own: the generated folder's strictness is the corpus tests' concern.
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === file)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe("scaffold-handlers", () => {
  it("writes one typed handler per operation, importing from the output folder, that compiles strictly", async () => {
    const run = await runCli({ args: ["scaffold-handlers", "src/handlers/polar.ts"], cwd: scratch });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("polar-codegen: wrote src/handlers/polar.ts: 3 handlers, importing from ../generated/polar/index.js\n");
    const text = readFileSync(join(scratch, "src/handlers/polar.ts"), "utf8");
    expect(text).toContain(`from "../generated/polar/index.js";`);
    expect(text.match(/^  async (\w+)\(context\)/gm)).toStrictEqual([
      "  async customerPortalSubscriptionsCancel(context)",
      "  async customersDelete(context)",
      "  async customersDeleteExternal(context)",
    ]);
    expect(compile(join(scratch, "src/handlers/polar.ts"))).toStrictEqual([]);
  });

  it("until written, each handler answers 500 (not implemented) through the server it exports", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { server } = await import(join(scratch, "src/handlers/polar.ts"));
    const response = await server.fetch(new Request("http://x/v1/customers/external/u1", { method: "DELETE", headers: { authorization: "Bearer t" } }));
    const calls = [...logged.mock.calls];
    logged.mockRestore();
    expect(response.status).toBe(500);
    expect(String(calls[0]?.[1])).toContain("customersDeleteExternal is not implemented yet");
  });

  it("never overwrites: an existing FILE exits 2 and keeps its content", async () => {
    const file = join(scratch, "src/handlers/polar.ts");
    writeFileSync(file, "// my handlers\n");
    const run = await runCli({ args: ["scaffold-handlers", "src/handlers/polar.ts"], cwd: scratch });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("polar-codegen: src/handlers/polar.ts already exists; scaffold-handlers never overwrites a file. Delete it or choose another FILE.\n");
    expect(readFileSync(file, "utf8")).toBe("// my handlers\n");
  });

  it("refuses a FILE inside the generated folder, and a missing FILE", async () => {
    const inside = await runCli({ args: ["scaffold-handlers", "src/generated/polar/handlers.ts"], cwd: scratch });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain("is inside the output folder, which regeneration rewrites");
    const none = await runCli({ args: ["scaffold-handlers"], cwd: scratch });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("scaffold-handlers takes exactly one FILE");
  });

  it("regenerating leaves the handlers file alone", async () => {
    const file = join(scratch, "src/handlers/keep.ts");
    expect((await runCli({ args: ["scaffold-handlers", "src/handlers/keep.ts"], cwd: scratch })).code).toBe(0);
    const before = readFileSync(file, "utf8");
    expect((await runCli({ args: ["--force", "--quiet"], cwd: scratch })).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
