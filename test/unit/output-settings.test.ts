// The settings that shape the output beyond the spec: the import extension (applied to
// every relative import of every generated .ts file) and the config keys that set it.
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../generator/config-file.js";
import { withImportExtension } from "../../generator/emit/import-extension.js";

describe("withImportExtension", () => {
  const text = [
    'import type { A } from "./a.js";',
    'import {\n  b,\n} from "../b.js";',
    'export * from "./c.js";',
    'import "./side-effect.js";',
    'const later = () => import("./validators.js");',
    'import { readFileSync } from "node:fs";',
    'import { it } from "vitest";',
    'const notAnImport = "./d.js";',
  ].join("\n");

  it(".ts rewrites relative imports, static and dynamic, and nothing else", () => {
    const [file] = withImportExtension({ files: [{ path: "x.ts", contents: text }], extension: ".ts" });
    expect(file!.contents.split("\n")).toStrictEqual([
      'import type { A } from "./a.ts";',
      "import {",
      "  b,",
      '} from "../b.ts";',
      'export * from "./c.ts";',
      'import "./side-effect.ts";',
      'const later = () => import("./validators.ts");',
      'import { readFileSync } from "node:fs";',
      'import { it } from "vitest";',
      'const notAnImport = "./d.js";',
    ]);
  });

  it(".js leaves every file as it is, and .ts leaves JSON alone", () => {
    const files = [{ path: "x.ts", contents: text }, { path: "openapi.json", contents: '{ "a": "from \\"./a.js\\"" }' }];
    expect(withImportExtension({ files, extension: ".js" })).toBe(files);
    expect(withImportExtension({ files, extension: ".ts" })[1]).toStrictEqual(files[1]);
  });
});

describe("config: importExtension and format", () => {
  const parse = (value: unknown) => parseConfig({ text: JSON.stringify(value), label: "c.json" });

  it("accepts .js, .ts and prettier, at the top and per target", () => {
    expect(parse({ importExtension: ".ts", format: "prettier" }).problems).toStrictEqual([]);
    expect(parse({ targets: [{ name: "a", out: "a", importExtension: ".js" }] }).problems).toStrictEqual([]);
  });

  it("refuses anything else, naming the key and what it takes", () => {
    expect(parse({ importExtension: "ts" }).problems).toStrictEqual([
      { code: "config-invalid", message: 'c.json: "importExtension" must be ".js" or ".ts"', path: "/importExtension", severity: "error" },
    ]);
    expect(parse({ targets: [{ name: "a", out: "a", format: "biome" }] }).problems).toStrictEqual([
      { code: "config-invalid", message: 'c.json: targets[0] "format" must be "prettier" (or left out for the generator\'s own style)', path: "/targets/0/format", severity: "error" },
    ]);
  });
});
