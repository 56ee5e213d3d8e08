// How the build loads ts-morph (generator/emit/ts-morph.ts): one TypeScript compiler shared
// with openapi-typescript, and @ts-morph/common without its 2.4 MB of lib .d.ts text,
// which is read only if something asks for it. Each case runs in a child process, so it
// is Node's own module loader at work, as in the CLI, and nothing was loaded before.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const tsMorphModule = resolve("dist/generator/emit/ts-morph.js");

/** Runs an ES module body with `require` (from the project) in scope; returns its stdout as JSON. */
function run(body: string): unknown {
  const script = `import { createRequire } from "node:module";
import { createHash } from "node:crypto";
const require = createRequire(${JSON.stringify(resolve("package.json"))});
const commonPath = createRequire(require.resolve("ts-morph")).resolve("@ts-morph/common");
const digest = (value) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
${body}`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

describe("loading ts-morph for the emitters", () => {
  it("cuts the lib files out of @ts-morph/common and still gives the published ones when asked", () => {
    const published = run(`console.log(JSON.stringify({ libFiles: digest(require(commonPath).getLibFiles()) }));`) as { libFiles: string };
    const loaded = run(`
const { loadTsMorph } = await import(${JSON.stringify(tsMorphModule)});
loadTsMorph();
const cut = Symbol.for("polar-codegen.loadLibFiles") in require.cache[commonPath];
const libFiles = require(commonPath).getLibFiles();
console.log(JSON.stringify({ cut, count: libFiles.length, libFiles: digest(libFiles) }));`) as { cut: boolean; count: number; libFiles: string };
    // If a ts-morph release changes the literal's shape, the module loads whole: this says so.
    expect(loaded.cut).toBe(true);
    expect(loaded.count).toBeGreaterThan(50);
    expect(loaded.libFiles).toBe(published.libFiles);
  });

  it("prints from a project without reading the lib files, on the one TypeScript compiler", () => {
    const result = run(`
const { createPrintingProject, loadTsMorph } = await import(${JSON.stringify(tsMorphModule)});
loadTsMorph();
const common = require.cache[commonPath];
const load = common[Symbol.for("polar-codegen.loadLibFiles")];
let libFilesRead = 0;
common[Symbol.for("polar-codegen.loadLibFiles")] = () => (libFilesRead++, load());
const file = createPrintingProject().createSourceFile("a.ts", { statements: ["export const a = 1;"] });
console.log(JSON.stringify({
  text: file.getFullText(),
  libFilesRead,
  compilers: Object.keys(require.cache).filter((path) => path.endsWith("typescript.js")).map((path) => path === require.resolve("typescript")),
}));`);
    expect(result).toStrictEqual({ text: "export const a = 1;\n", libFilesRead: 0, compilers: [true] });
  });
});
