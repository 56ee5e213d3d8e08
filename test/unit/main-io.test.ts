// main(argv, io): a command reads its working directory and environment from io and
// writes only to io's streams, even with another run in flight in the same process.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../generator/main.js";
import { scratchDir } from "../helpers/cli.js";
import { SPEC_2026_01_29, SPEC_2026_10 } from "../fixtures/specs/index.js";

const root = scratchDir("polar-codegen-main-");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folderWith(name: string, spec: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  copyFileSync(resolve(spec), join(dir, "spec.yaml"));
  return dir;
}

function capture(cwd: string, env: Record<string, string | undefined> = {}) {
  const out = { stdout: "", stderr: "" };
  const io = { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) }, cwd, env };
  return { io, out };
}

describe("main(argv, io)", () => {
  it("two runs in flight at once each read their own folder and write their own streams", async () => {
    const dated = capture(folderWith("dated", SPEC_2026_10));
    const undated = capture(folderWith("undated", SPEC_2026_01_29));
    const codes = await Promise.all([main(["inspect", "--spec", "spec.yaml"], dated.io), main(["inspect", "--spec", "spec.yaml"], undated.io)]);
    expect(codes).toStrictEqual([0, 0]);
    expect([dated.out.stderr, undated.out.stderr]).toStrictEqual(["", ""]);
    expect((JSON.parse(dated.out.stdout) as { apiVersion?: string }).apiVersion).toBe("2026-10");
    expect((JSON.parse(undated.out.stdout) as { apiVersion?: string }).apiVersion).toBeUndefined();
  });

  it("a failure is reported on io's stderr with the exit code, relative to io's cwd", async () => {
    const run = capture(join(root, "dated"));
    expect(await main(["--spec", "missing.yaml", "--out", "out"], run.io)).toBe(2);
    expect(run.out).toStrictEqual({ stdout: "", stderr: "spec file not found: missing.yaml [spec-not-found]\n" });
  });

  it("reads the environment from io: GITHUB_ACTIONS=true adds an annotation", async () => {
    const run = capture(join(root, "dated"), { GITHUB_ACTIONS: "true" });
    expect(await main(["--spec", "missing.yaml", "--out", "out"], run.io)).toBe(2);
    expect(run.out.stderr).toContain("::error title=polar-codegen spec-not-found::");
  });
});
