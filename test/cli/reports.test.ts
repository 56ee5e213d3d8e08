// The CLI's reports for machines and CI: `diff` (text, json, --fail-on), `--check
// --format json`, and GitHub Actions annotations. Small edits of the embedded spec; the
// real Polar version pairs are in test/corpus/diff-cli.test.ts.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, scratchDir } from "../helpers/cli.js";
import { EMBEDDED_TEXT, withDeleteParameter } from "../helpers/embedded-spec.js";

const EMBEDDED = readFileSync("spec/polar.openapi.yaml", "utf8");
/** The embedded spec with one more query parameter on customers:delete. */
const withParameter = withDeleteParameter;

const cwd = scratchDir();
beforeAll(async () => {
  writeFileSync(join(cwd, "old.yaml"), EMBEDDED);
  writeFileSync(join(cwd, "required.yaml"), withParameter("{ name: reason, in: query, required: true, schema: { type: string } }"));
  writeFileSync(join(cwd, "optional.yaml"), withParameter("{ name: note, in: query, required: false, schema: { type: string } }"));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("polar-codegen diff", () => {
  it("prints each change marked breaking or ok, and exits 0 without --fail-on", async () => {
    const run = await runCli({ args: ["diff", "old.yaml", "required.yaml"], cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "Changes from old.yaml to required.yaml:\n\ncustomers:delete:\n  BREAKING  required query parameter reason added\n\n1 change(s), 1 breaking.\n",
    );
  });

  it("--format json: the same report as data", async () => {
    const run = await runCli({ args: ["diff", "old.yaml", "optional.yaml", "--format", "json"], cwd });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toStrictEqual({
      before: "old.yaml",
      after: "optional.yaml",
      operations: ["customer_portal:subscriptions:cancel", "customers:delete", "customers:delete_external"],
      breaking: false,
      changes: [{ operation: "customers:delete", kind: "parameter-added", breaking: false, location: "query parameter note", message: "optional query parameter note added" }],
    });
  });

  it("--fail-on breaking exits 1 on a breaking change and 0 on a compatible one; --fail-on any exits 1 on either", async () => {
    expect((await runCli({ args: ["diff", "old.yaml", "required.yaml", "--fail-on", "breaking"], cwd })).code).toBe(1);
    expect((await runCli({ args: ["diff", "old.yaml", "optional.yaml", "--fail-on", "breaking"], cwd })).code).toBe(0);
    expect((await runCli({ args: ["diff", "old.yaml", "optional.yaml", "--fail-on", "any"], cwd })).code).toBe(1);
    expect((await runCli({ args: ["diff", "old.yaml", "old.yaml", "--fail-on", "any"], cwd })).stdout).toBe(
      "No changes to customer_portal:subscriptions:cancel, customers:delete, customers:delete_external between old.yaml and old.yaml.\n",
    );
  });

  it("exits 2 on a usage mistake or a broken spec", async () => {
    expect((await runCli({ args: ["diff", "old.yaml"], cwd })).stderr).toContain("diff takes two specs: polar-codegen diff OLD NEW");
    expect((await runCli({ args: ["diff", "old.yaml", "required.yaml", "--fail-on", "minor"], cwd })).code).toBe(2);
    const missing = await runCli({ args: ["diff", "old.yaml", "gone.yaml"], cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("spec file not found: gone.yaml [spec-not-found]");
  });
});

describe("polar-codegen --check for machines and CI", () => {
  beforeAll(async () => {
    // Generated from spec.yaml, which then gains a required parameter nobody regenerated for.
    writeFileSync(join(cwd, "spec.yaml"), EMBEDDED);
    expect((await runCli({ args: ["--spec", "spec.yaml", "--out", "out", "--quiet"], cwd })).code).toBe(0);
    writeFileSync(join(cwd, "spec.yaml"), readFileSync(join(cwd, "required.yaml")));
  });

  it("--format json: files that drifted and which operations changed, exit 1; under GitHub Actions, annotations on stderr", async () => {
    const run = await runCli({ args: ["--check", "--spec", "spec.yaml", "--out", "out", "--format", "json"], cwd, env: { GITHUB_ACTIONS: "true" } });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; status: string }> } & Record<string, unknown>;
    // Every emitted file that depends on the parameters drifted; none was added or removed.
    const drifted = report.files.map((file) => file.path);
    expect(drifted).toEqual(expect.arrayContaining(["client.ts", "openapi.json", "server.ts", "types.ts", "validators.ts"]));
    expect(report.files.every((file) => file.status === "changed")).toBe(true);
    expect({ ...report, files: undefined }).toStrictEqual({
      inSync: false,
      out: "out",
      files: undefined,
      changes: [{ operation: "customers:delete", kind: "parameter-added", breaking: true, location: "query parameter reason", message: "required query parameter reason added" }],
    });
    // One error per drifted file, one annotation per changed operation.
    expect(run.stderr.split("\n")).toStrictEqual([
      ...drifted.map((path) => `::error file=out/${path},title=polar-codegen drift::${path} is out of date; run polar-codegen to regenerate`),
      "::error title=Polar spec%3A customers%3Adelete::required query parameter reason added (breaking)",
      "",
    ]);
  });

  it("the text report ends with the summary naming the operation, and no annotations outside GitHub Actions", async () => {
    const run = await runCli({ args: ["--check", "--spec", "spec.yaml", "--out", "out"], cwd, env: { GITHUB_ACTIONS: "" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(
      /polar-codegen: out is out of date with the spec:\n(  changed  \S+\n)*  changed  client\.ts\n(  changed  \S+\n)*Operations changed:\n  customers:delete: required query parameter reason added \(breaking\)\nRun `polar-codegen` to regenerate\.\n$/,
    );
  });
});

describe("polar-codegen --check says why, for edits that change no operation's shape", () => {
  const DATED = EMBEDDED_TEXT;
  const edit = (from: string, to: string) => {
    if (!DATED.includes(from)) throw new Error(`the embedded spec no longer has ${JSON.stringify(from)}`);
    return DATED.replace(from, to);
  };
  beforeAll(async () => {
    writeFileSync(join(cwd, "why.yaml"), DATED);
    expect((await runCli({ args: ["--spec", "why.yaml", "--out", "why", "--quiet"], cwd })).code).toBe(0);
  });
  async function summary(text: string): Promise<string> {
    writeFileSync(join(cwd, "why-edited.yaml"), text);
    const run = await runCli({ args: ["--check", "--spec", "why-edited.yaml", "--out", "why"], cwd });
    expect(run.code).toBe(1);
    return run.stdout.slice(run.stdout.lastIndexOf("is out of date with the spec:"));
  }

  const cases = [
    { name: "a new API version (the Polar-Version header)", text: () => edit("  version: 2026-10\n", "  version: 2026-11\n"), expected: "Spec changed:\n  API version 2026-10 → 2026-11 (the Polar-Version header the client sends)\n" },
    { name: "the server URL", text: () => edit("  - url: https://api.polar.sh\n", "  - url: https://api.polar.example\n"), expected: "Spec changed:\n  server production URL changed: https://api.polar.sh → https://api.polar.example (breaking)\n" },
    { name: "an operation's description", text: () => edit("Deletes a customer for good, found by its Polar ID.", "Deletes a customer for ever, found by its Polar ID."), expected: "Operations changed:\n  customers:delete: docs changed (description)\n" },
    { name: "a schema's description", text: () => edit("A subscription as the customer portal shows it", "A subscription as the portal shows it"), expected: "Spec changed:\n  schema CustomerSubscription changed: /description\n" },
    {
      name: "a field of a schema, named with the schema",
      text: () => edit("        - ends_at\n", ""),
      expected: 'Operations changed:\n  customer_portal:subscriptions:cancel: response 200 body /ends_at: schema CustomerSubscription changed: field "ends_at" is no longer required (breaking)\n',
    },
  ];
  it.each(cases)("$name", async ({ text, expected }) => {
    expect(await summary(text())).toContain(expected);
  });
});

describe("polar-codegen --check on bad input, for machines and CI", () => {
  it("--format json prints the problems as JSON and exits 2; under GitHub Actions each is an annotation at its line", async () => {
    writeFileSync(join(cwd, "broken.yaml"), "openapi: 3.1.0\ninfo:\n  title: [unclosed\n");
    const run = await runCli({ args: ["--check", "--spec", "broken.yaml", "--out", "out", "--format", "json"], cwd, env: { GITHUB_ACTIONS: "true" } });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { inSync: boolean; out: string; problems: Array<{ code: string; position: unknown }> };
    expect(report.inSync).toBe(false);
    expect(report.problems.map(({ code, position }) => ({ code, position }))).toStrictEqual([{ code: "yaml-syntax", position: { file: "broken.yaml", line: 4, col: 1 } }]);
    expect(run.stderr).toMatch(/^broken\.yaml:4:1: malformed YAML: .* \[yaml-syntax\]\n::error file=broken\.yaml,line=4,col=1,title=polar-codegen yaml-syntax::malformed YAML: .*\n$/);
  });

  it("--format json reports a config that cannot be read, too", async () => {
    const project = join(cwd, "bad-config");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "polar-codegen.config.json"), '{ "spek": "x.yaml" }');
    const run = await runCli({ args: ["--check", "--format", "json"], cwd: project });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toStrictEqual({
      inSync: false,
      problems: [{ severity: "error", code: "config-invalid", message: 'unknown key "spek"; did you mean "spec"?', path: "/spek", position: { file: "polar-codegen.config.json", line: 1, col: 3 } }],
    });
  });
});
