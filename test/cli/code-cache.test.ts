// The V8 code cache (generator/code-cache.ts) is an optimisation only: a first run
// writes it, later runs read it, and a damaged cache changes nothing but speed.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliProcess, scratchDir } from "../helpers/cli.js";

describe("code cache", () => {
  const temp = scratchDir();
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const generate = (out: string) => {
    const run = runCliProcess({ args: ["--spec", "spec/polar.openapi.yaml", "--out", join(temp, out), "--quiet", "--force"], env: { TMPDIR: temp } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return readFileSync(join(temp, out, "types.ts"), "utf8") + readFileSync(join(temp, out, "client.ts"), "utf8");
  };
  const caches = () => {
    const folder = readdirSync(temp).find((name) => name.startsWith("polar-codegen-code-cache-"));
    return folder ? readdirSync(join(temp, folder)).map((name) => join(temp, folder, name)) : [];
  };

  it("is written by a first run, read by the next, and a damaged one is ignored", () => {
    const first = generate("first");
    // TypeScript, ts-morph and prettier's big files: at least the compiler and prettier. The
    // compiler's (over a megabyte) is written by the build worker, which must flush it itself.
    expect(caches().length).toBeGreaterThanOrEqual(2);
    expect(caches().some((file) => statSync(file).size > 1024 * 1024)).toBe(true);
    expect(generate("second")).toBe(first);
    for (const file of caches()) writeFileSync(file, "not a V8 code cache");
    expect(generate("third")).toBe(first);
  });

  it("POLAR_CODEGEN_NO_CODE_CACHE=1 runs without one", () => {
    const run = runCliProcess({ args: ["--spec", "spec/polar.openapi.yaml", "--out", join(temp, "none"), "--quiet"], env: { TMPDIR: join(temp, "elsewhere"), POLAR_CODEGEN_NO_CODE_CACHE: "1" } });
    expect(run.code).toBe(0);
    expect(() => readdirSync(join(temp, "elsewhere"))).toThrow();
  });
});
