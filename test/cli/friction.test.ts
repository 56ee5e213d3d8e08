// What a newcomer runs into, each through the CLI as they would meet it: `test` for another
// spec, `test --base-url` without credentials, `--help` on every subcommand, `--check`
// naming the command to run and noticing edited files, the user's prettier, an output
// "folder" that is a file, an unclosed quote, `diff --format json` on failure, an absolute
// spec shown as typed, `serve` with an empty store, and `--watch` on one broken save.

import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { runCliProcess, scratchDir } from "../helpers/cli.js";
import { startWatch } from "../helpers/watch.js";
import { startServe } from "../fixtures/server/serve-process.js";
import { listFiles } from "../../generator/write/plan.js";

const EMBEDDED = resolve("spec/polar.openapi.yaml");
const root = scratchDir("polar-codegen-friction-");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const NO_CREDENTIALS = { POLAR_CONTRACT_ACCESS_TOKEN: "", POLAR_CONTRACT_PERSONAL_ACCESS_TOKEN: "", POLAR_CONTRACT_OIDC_TOKEN: "", POLAR_CONTRACT_CUSTOMER_SESSION: "", POLAR_CONTRACT_MEMBER_SESSION: "", POLAR_CONTRACT_FIXTURES: "", NO_COLOR: "1" };

describe("polar-codegen test", () => {
  it("generates for the spec named before running the suite, so it never runs another spec's suite", () => {
    const cwd = folder("test-other-spec");
    symlinkSync(resolve("node_modules"), join(cwd, "node_modules"), "dir");
    expect(runCliProcess({ args: ["--out", "out", "-q"], cwd }).code).toBe(0);
    // Another spec file (the same text: the headers name the spec, so every file differs).
    cpSync(EMBEDDED, join(cwd, "other.yaml"));
    const run = runCliProcess({ args: ["test", "--spec", "other.yaml", "--out", "out"], cwd, env: NO_CREDENTIALS });
    expect(run.stderr).toMatch(/^polar-codegen: generated out from other\.yaml first \(\d+ written\)$/m);
    expect(run.stdout).toMatch(/Tests\s+\d+ passed/);
    expect(run.code).toBe(0);
    expect(readFileSync(join(cwd, "out", "openapi.json"), "utf8")).toContain("from ../other.yaml.");
  }, 120_000);

  it("refuses --base-url without credentials up front, in one line naming the variables", () => {
    const run = runCliProcess({ args: ["test", "--base-url", "http://127.0.0.1:9"], env: NO_CREDENTIALS });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "polar-codegen: error: a live run (--base-url) needs credentials in the environment: set POLAR_CONTRACT_CUSTOMER_SESSION or POLAR_CONTRACT_MEMBER_SESSION (for customer_portal:subscriptions:cancel) and POLAR_CONTRACT_ACCESS_TOKEN or POLAR_CONTRACT_PERSONAL_ACCESS_TOKEN or POLAR_CONTRACT_OIDC_TOKEN (for customers:delete, customers:delete_external)\n",
    );
  });
});

describe("--help on every subcommand", () => {
  it.each(["test", "diff", "inspect", "scaffold-handlers", "serve"])("%s --help prints its usage and exits 0", (name) => {
    const run = runCliProcess({ args: [name, "--help"] });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^polar-codegen ${name}: .+\\n\\nUsage:\\n  polar-codegen ${name}`));
    expect(run.stderr).toBe("");
  });
});

describe("--check", () => {
  it("names the exact command, quoted, and says when the files were edited rather than the spec changed", async () => {
    const cwd = folder("check-edited");
    writeFileSync(join(cwd, "codegen.json"), JSON.stringify({ operations: ["customers:delete"] }));
    const args = ["--config", "codegen.json", "--out", "my out"];
    expect(runCliProcess({ args: [...args, "-q"], cwd }).code).toBe(0);
    const client = join(cwd, "my out", "client.ts");
    // A user's prettier run over the output, with their style.
    writeFileSync(client, await prettier.format(readFileSync(client, "utf8"), { parser: "typescript", semi: false }));
    const run = runCliProcess({ args: ["--check", ...args], cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("polar-codegen: my out is out of date with the spec:\n  changed  client.ts\n");
    expect(run.stdout).toContain("these files were edited after generation (by hand, or by a\nformatter such as prettier)");
    expect(run.stdout).not.toContain("Operations changed");
    expect(run.stdout.endsWith("Run `polar-codegen --config codegen.json --out 'my out'` to regenerate.\n")).toBe(true);
  });

  it('with "format": "prettier", writes what the user\'s prettier would, so their prettier and --check agree', async () => {
    const cwd = folder("user-prettier");
    writeFileSync(join(cwd, ".prettierrc.json"), JSON.stringify({ semi: false, singleQuote: true, printWidth: 80, useTabs: true }));
    writeFileSync(join(cwd, "polar-codegen.config.json"), JSON.stringify({ out: "out", format: "prettier", operations: ["customers:delete"] }));
    expect(runCliProcess({ args: ["-q"], cwd }).code).toBe(0);
    const client = readFileSync(join(cwd, "out", "client.ts"), "utf8");
    expect(client).toContain("from './runtime/send.js'\n");
    for (const name of ["client.ts", "runtime/send.ts", "openapi.json"]) {
      const filepath = join(cwd, "out", name);
      const options = (await prettier.resolveConfig(filepath)) ?? {};
      expect(await prettier.check(readFileSync(filepath, "utf8"), { ...options, filepath })).toBe(true);
    }
    expect(runCliProcess({ args: ["--check"], cwd }).code).toBe(0);
    // Its own files, in the user's style (JSON indented with tabs), are still known as its own.
    writeFileSync(join(cwd, "polar-codegen.config.json"), JSON.stringify({ out: "out", format: "prettier", operations: ["customers:delete", "customers:delete_external"] }));
    const again = runCliProcess({ args: [], cwd });
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(readFileSync(join(cwd, "out", "openapi.json"), "utf8")).toMatch(/^\{\n\t"x-generated-by": .*\n[\s\S]*"operationId": "customers:delete_external"/);
  });
});

describe("bad input, said plainly", () => {
  it("--out naming a file: exit 2, one line, nothing written", () => {
    const cwd = folder("out-is-a-file");
    writeFileSync(join(cwd, "notes.txt"), "mine\n");
    const run = runCliProcess({ args: ["--out", "notes.txt"], cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("the output folder notes.txt is a file, not a folder; choose another --out [out-not-a-folder]\n");
    expect(readFileSync(join(cwd, "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("a file where the output needs a folder: exit 2, one line naming it, no file written", async () => {
    const cwd = folder("file-in-the-way");
    mkdirSync(join(cwd, "out"));
    writeFileSync(join(cwd, "out", "runtime"), "mine\n");
    const run = runCliProcess({ args: ["--out", "out"], cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("polar-codegen: error: cannot write the output folder out: a file is in the way of a folder (at out/runtime) [EEXIST]; nothing in it was changed\n");
    expect(await listFiles(join(cwd, "out"))).toStrictEqual(["runtime"]);
  });

  it("an unclosed quote is reported where it opens", () => {
    const cwd = folder("unclosed-quote");
    writeFileSync(join(cwd, "spec.yaml"), 'openapi: 3.1.0\ninfo:\n  title: "Unclosed\n  version: "1"\npaths: {}\nx: y\n');
    const run = runCliProcess({ args: ["--spec", "spec.yaml", "--out", "out"], cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('spec.yaml:3:10: malformed YAML: Missing closing "quote [yaml-syntax]\n');
  });

  it("diff --format json prints the problems as JSON when a spec cannot be read", () => {
    const run = runCliProcess({ args: ["diff", "--format", "json", join(root, "missing.yaml"), EMBEDDED] });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toStrictEqual({
      problems: [{ code: "spec-not-found", message: `spec file not found: ${join(root, "missing.yaml")}`, path: "", file: join(root, "missing.yaml"), severity: "error" }],
    });
  });

  it("a missing absolute --spec is shown as given", () => {
    const missing = join(root, "nowhere", "spec.yaml");
    const run = runCliProcess({ args: ["--spec", missing, "--out", "out"], cwd: folder("absolute-spec") });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`spec file not found: ${missing} [spec-not-found]\n`);
  });
});

describe("serve", () => {
  it("without --seed says the store is empty, and how to seed it (with .ts imports asked for, too)", async () => {
    const served = await startServe({ args: ["--port", "0", "--import-extension", "ts"], env: { POLAR_CODEGEN_CACHE_DIR: join(folder("serve"), "cache") } });
    try {
      expect(served.stderr()).toContain("polar-codegen: the store is empty (no --seed): every id answers 404; seed it with --seed FILE (format: serve --help)\n");
      const unknown = await fetch(`${served.url}/v1/customers/6a8f7a58-1b5e-4c1e-9f3a-2d8c4b7e9a10`, { method: "DELETE", headers: { authorization: "Bearer polar_oat_fake_polar_default" } });
      expect(unknown.status).toBe(404);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 60_000);
});

describe("--watch on a broken save", () => {
  it("prints the error at the fault with a count of the rest, once per save", async () => {
    const cwd = folder("watch");
    cpSync(EMBEDDED, join(cwd, "spec.yaml"));
    const watch = startWatch({ cwd, args: ["--spec", "spec.yaml", "--out", "out"] });
    try {
      await watch.line(/^polar-codegen: watching .*spec\.yaml \(Ctrl-C to stop\)$/);
      const lines = readFileSync(EMBEDDED, "utf8").split("\n");
      const at = lines.indexOf("      parameters:");
      expect(at).toBeGreaterThan(0);
      lines[at] = "      parameters";
      // Saved as some editors do: truncated, then written, then written again.
      writeFileSync(join(cwd, "spec.yaml"), "");
      writeFileSync(join(cwd, "spec.yaml"), lines.join("\n"));
      writeFileSync(join(cwd, "spec.yaml"), lines.join("\n"));
      await watch.line(/left as it was/, { stream: "stderr" });
      await new Promise((settle) => setTimeout(settle, 1000));
      const printed = watch.output().stderr.split("\n").filter((line) => line !== "");
      expect(printed).toHaveLength(2);
      expect(printed[0]).toMatch(new RegExp(`^spec\\.yaml:${at + 1}:\\d+: malformed`));
      expect(printed[0]).toMatch(/: malformed YAML: .+ \(and \d+ more YAML errors after it, likely caused by this one\) \[yaml-syntax\]$/);
      expect(printed[1]).toBe("polar-codegen: out left as it was; waiting for the next save");
    } finally {
      await watch.stop("SIGKILL");
    }
  }, 60_000);
});
