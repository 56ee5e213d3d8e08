// docs/regen.md, held to what it says: its config runs (generate, --check, --watch over
// several targets), its CI steps run against a real git history, its sample output has
// the shape the CLI prints, and its build step is the one examples/monorepo builds with.
// Nx and Turborepo are not installed here: their snippets are checked for shape only.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI, runCli, scratchDir } from "../helpers/cli.js";
import { withDeleteParameter } from "../helpers/embedded-spec.js";
import { startWatch } from "../helpers/watch.js";

const DOC = readFileSync("docs/regen.md", "utf8");
const blocks = [...DOC.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1]!, text: match[2]! }));
const json = (index: number) => JSON.parse(blocks.filter((block) => block.lang === "json")[index]!.text) as Record<string, any>;
const EMBEDDED = readFileSync("spec/polar.openapi.yaml", "utf8");
const withParameter = withDeleteParameter;

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function scratch(): string {
  const dir = scratchDir();
  dirs.push(dir);
  return dir;
}
/** A documented shell command, with `npx polar-codegen` as this checkout's CLI. */
function shell(options: { command: string; cwd: string; env?: Record<string, string> }) {
  const command = options.command.replaceAll("npx polar-codegen", `"${process.execPath}" "${CLI}"`);
  const child = spawnSync("bash", ["-c", command], { cwd: options.cwd, encoding: "utf8", env: { ...process.env, GITHUB_ACTIONS: "", ...options.env } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("docs/regen.md", () => {
  it("its build step is examples/monorepo's, which test/corpus/monorepo.test.ts builds", async () => {
    const example = JSON.parse(readFileSync("examples/monorepo/packages/polar-client/package.json", "utf8")) as { scripts: { build: string } };
    expect(json(0).scripts.build).toBe(example.scripts.build);
  });

  it("its Nx and Turborepo tasks name the config, the spec and the generator as inputs, the output folder as output", async () => {
    const nx = json(1).nx.targets.generate;
    expect(nx.inputs).toStrictEqual(["{projectRoot}/polar-codegen.config.json", "{projectRoot}/spec/**/*", { externalDependencies: ["polar-codegen"] }]);
    expect(nx.outputs).toStrictEqual(["{projectRoot}/src/polar"]);
    const turbo = json(2).tasks;
    expect(turbo.generate.inputs).toStrictEqual(["polar-codegen.config.json", "spec/**"]);
    expect(turbo.build.dependsOn).toContain("generate");
    expect(JSON.parse(readFileSync("examples/monorepo/packages/polar-client/polar-codegen.config.json", "utf8")).out).toBe("src/polar");
  });

  it("its sample watch output has the CLI's shape", async () => {
    const sample = blocks.find((block) => block.lang === "text")!.text.trimEnd().split("\n");
    for (const line of sample) {
      expect(line).toMatch(/^polar-codegen: (watching [^()]+ \(Ctrl-C to stop\)|(\S+ changed → )?[^:]+: (recovered, )?(\d+ written( \([^)]+\))?|output unchanged)(; [^;]+)? \(\d+ ms\))$/);
    }
  });

  it("its multi-target config generates and watches side by side", async () => {
    const cwd = scratch();
    mkdirSync(join(cwd, "spec"));
    writeFileSync(join(cwd, "spec/polar.openapi.yaml"), EMBEDDED);
    writeFileSync(join(cwd, "spec/polar-2026-01-21.openapi.yaml"), EMBEDDED);
    writeFileSync(join(cwd, "polar-codegen.config.json"), JSON.stringify(json(3)));
    const run = await runCli({ args: [], cwd });
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").map((line) => line.replace(/\d+ written/, "N written"))).toStrictEqual([
      "polar-codegen: [production] src/polar: N written, 0 unchanged",
      "polar-codegen: [pinned-2026-01-21] src/polar-2026-01-21: N written, 0 unchanged",
      "polar-codegen: [erasure] src/polar-erasure: N written, 0 unchanged",
      "",
    ]);

    const watch = startWatch({ cwd, args: [] });
    try {
      await watch.line(/^polar-codegen: watching polar-codegen\.config\.json, spec\/polar-2026-01-21\.openapi\.yaml, spec\/polar\.openapi\.yaml/);
      writeFileSync(join(cwd, "spec/polar-2026-01-21.openapi.yaml"), withParameter("{ name: note, in: query, required: false, schema: { type: string } }"));
      const line = await watch.line(/changed →/);
      expect(line).toMatch(/^polar-codegen: spec\/polar-2026-01-21\.openapi\.yaml changed → \[pinned-2026-01-21\] src\/polar-2026-01-21: \d+ written\b.*customers:delete: optional query parameter note added/);
      expect(await watch.stop("SIGINT")).toBe(0);
      // Only the target whose spec changed was regenerated.
      expect(watch.output().stdout.match(/changed →/g)).toHaveLength(1);
    } finally {
      await watch.stop("SIGKILL");
    }
  });

  it("its CI job runs `npx polar-codegen --check`, which fails with annotations when the spec changed without regenerating", async () => {
    const job = parse(blocks.find((block) => block.lang === "yaml")!.text) as { on: Record<string, unknown>; jobs: Record<string, { steps: Array<{ run?: string }> }> };
    expect(Object.keys(job.on)).toStrictEqual(["pull_request"]);
    const steps = Object.values(job.jobs)[0]!.steps;
    expect(steps.map((step) => step.run).filter(Boolean)).toStrictEqual(["npm ci", "npx polar-codegen --check"]);
    const cwd = scratch();
    writeFileSync(join(cwd, "polar-codegen.config.json"), JSON.stringify({ spec: "spec.yaml", out: "generated/polar" }));
    writeFileSync(join(cwd, "spec.yaml"), EMBEDDED);
    expect((await runCli({ args: ["--quiet"], cwd })).code).toBe(0);
    writeFileSync(join(cwd, "spec.yaml"), withParameter("{ name: note, in: query, required: false, schema: { type: string } }"));
    const drifted = shell({ command: "npx polar-codegen --check", cwd, env: { GITHUB_ACTIONS: "true" } });
    expect(drifted.code).toBe(1);
    expect(drifted.stderr).toContain("::error file=generated/polar/types.ts,title=polar-codegen drift::types.ts is out of date; run polar-codegen to regenerate\n");
  });

  it("its breaking-change steps fetch the base branch's spec and fail on a breaking change, in a repo whose config has targets", async () => {
    const steps = parse(blocks.filter((block) => block.lang === "yaml")[1]!.text) as Array<{ run: string }>;
    const root = scratch();
    const git = (args: string[], cwd: string) => {
      const child = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
      if (child.status !== 0) throw new Error(child.stderr);
    };
    // The base branch, and a pull request cloned shallow as actions/checkout does.
    const origin = join(root, "origin");
    mkdirSync(join(origin, "spec"), { recursive: true });
    git(["init", "-q"], origin);
    writeFileSync(join(origin, "spec/polar.openapi.yaml"), EMBEDDED);
    // The documented config: targets that select different operations, one spec not committed.
    writeFileSync(join(origin, "polar-codegen.config.json"), JSON.stringify(json(3)));
    git(["add", "."], origin);
    git(["commit", "-qm", "base"], origin);
    git(["checkout", "-qb", "pr"], origin);
    writeFileSync(join(origin, "spec/polar.openapi.yaml"), withParameter("{ name: reason, in: query, required: true, schema: { type: string } }"));
    git(["commit", "-qam", "a required parameter"], origin);
    git(["clone", "-q", "--depth=1", "--branch", "pr", `file://${origin}`, "checkout"], root);
    const env = { GITHUB_BASE_REF: "main", RUNNER_TEMP: root };
    const results = steps.map((step) => shell({ command: step.run, cwd: join(root, "checkout"), env }));
    expect(results.slice(0, 2).map((result) => [result.code, result.stderr.replace(/^From .*\n|^ \* .*\n/gm, "")])).toStrictEqual([[0, ""], [0, ""]]);
    expect(results[2]!.code).toBe(1);
    expect(results[2]!.stdout).toContain("customers:delete:\n  BREAKING  required query parameter reason added\n");
  });
});
