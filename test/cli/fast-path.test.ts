// The build stamp's fast path trusts nothing the output depends on: not only the spec
// and the config, but the generator's code and templates. Run on a copy of the package
// (dist/, templates/, spec/, package.json; node_modules linked) so a template can be edited.
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../helpers/cli.js";

const root = scratchDir("polar-codegen-fast-path-");
const pkg = join(root, "package");
const work = join(root, "work");
const UP_TO_DATE = "polar-codegen: out: up to date (spec, config and generator unchanged)\n";

function generate(...flags: string[]) {
  const child = spawnSync(process.execPath, [join(pkg, "dist/generator/cli.js"), "--spec", "spec.yaml", "--out", "out", ...flags], { cwd: work, encoding: "utf8" });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

beforeAll(() => {
  // Timestamps kept: the code hash recorded at build time (dist/generator/code-fingerprint.json) stays valid.
  for (const part of ["dist", "templates", "spec", "package.json"]) cpSync(resolve(part), join(pkg, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(resolve("node_modules"), join(pkg, "node_modules"));
  mkdirSync(work);
  writeFileSync(join(work, "spec.yaml"), readFileSync("spec/polar.openapi.yaml"));
  expect(generate().code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the build stamp's fast path", () => {
  it("exits at once when nothing changed, even when files were touched without being changed", () => {
    expect(generate().stdout).toBe(UP_TO_DATE);
    // The same operations listed in another order make the same output.
    expect(generate("--operations", "customers:delete_external,customers:delete,customer_portal:subscriptions:cancel").stdout).toBe(UP_TO_DATE);
    const later = new Date(Date.now() + 5_000);
    for (const file of [join(work, "spec.yaml"), join(work, "out/types.ts"), join(pkg, "templates/client/runtime/url.ts")]) utimesSync(file, later, later);
    expect(generate().stdout).toBe(UP_TO_DATE);
  });

  it("regenerates when a template was edited, and the output then holds the edit", () => {
    const template = join(pkg, "templates/client/runtime/url.ts");
    writeFileSync(template, `${readFileSync(template, "utf8")}// an edit to the generator\n`);
    const run = generate();
    expect(run.stdout).toMatch(/^polar-codegen: out: 1 written, \d+ unchanged\n$/);
    expect(readFileSync(join(work, "out/runtime/url.ts"), "utf8")).toContain("// an edit to the generator");
    expect(generate().stdout).toBe(UP_TO_DATE);
  });

  it("regenerates after the generator's code was rebuilt", () => {
    // A build rewrites every file of dist/; the hash recorded at build time no longer vouches for it.
    const module = join(pkg, "dist/generator/write/generator-fingerprint.js");
    const later = new Date(Date.now() + 10_000);
    utimesSync(module, later, later);
    const emitter = join(pkg, "dist/generator/emit/index-file.js");
    writeFileSync(emitter, `${readFileSync(emitter, "utf8")}// rebuilt\n`);
    expect(generate().stdout).toMatch(/^polar-codegen: out: 0 written, \d+ unchanged\n$/);
    expect(generate().stdout).toBe(UP_TO_DATE);
  });
});
