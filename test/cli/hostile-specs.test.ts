// Every spec in test/fixtures/hostile/ (its README gives the format) has the outcome it
// names: output that type-checks and imports without running spec text, or a positioned
// problem of the named code with nothing written.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { formatProblem, ProblemError } from "../../generator/problems.js";
import { findOperations } from "../../generator/select.js";
import { GENERATOR_VERSION } from "../../generator/version.js";
import { runCliProcess, scratchDir } from "../helpers/cli.js";
import { checkGeneratedFolders, writeScaffold } from "../helpers/hostile.js";

const FOLDER = "test/fixtures/hostile";
const root = scratchDir("polar-codegen-corpus-");
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Case {
  file: string;
  expect: { ok: true } | { ok: false; code: string };
  specFileName?: string;
  specUrl?: string;
  text: string;
  document: Record<string, unknown>;
}

function readCase(file: string): Case {
  const text = readFileSync(join(FOLDER, file), "utf8");
  const document = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
  const comments = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^# ([\w-]+): ([^\n]*)$/.exec(line);
    if (match) comments.set(match[1]!, match[2]!);
  }
  const setting = (name: string): string | undefined => {
    const fromJson = document[`x-${name}`];
    if (typeof fromJson === "string") return fromJson;
    const fromComment = comments.get(name);
    return fromComment === undefined ? undefined : name === "expect" ? fromComment : (JSON.parse(fromComment) as string);
  };
  const expected = setting("expect");
  const match = /^(ok|error ([\w-]+))$/.exec(expected ?? "");
  if (!match) throw new Error(`${file}: no "expect: ok" or "expect: error CODE"`);
  return {
    file,
    expect: match[2] ? { ok: false, code: match[2] } : { ok: true },
    text,
    document,
    ...(setting("spec-file-name") !== undefined ? { specFileName: setting("spec-file-name")! } : {}),
    ...(setting("spec-url") !== undefined ? { specUrl: setting("spec-url")! } : {}),
  };
}

const cases = readdirSync(FOLDER)
  .filter((file) => /\.(ya?ml|json)$/.test(file))
  .sort()
  .map(readCase);

/** Generates one case in a folder of its own; `spec` as the user would name it. */
async function runCase(entry: Case, index: number): Promise<{ out: string; result?: Awaited<ReturnType<typeof generate>>; error?: unknown }> {
  const cwd = join(root, `case-${index}`);
  const out = join(cwd, "out");
  mkdirSync(cwd, { recursive: true });
  let spec = resolve(FOLDER, entry.file);
  if (entry.specFileName !== undefined) {
    // A name with slashes is a path: its folders are part of what the headers name.
    spec = join(cwd, entry.specFileName);
    mkdirSync(dirname(spec), { recursive: true });
    writeFileSync(spec, entry.text);
  }
  if (entry.specUrl !== undefined) spec = entry.specUrl;
  const fetch = async () => new Response(entry.text, { headers: { "content-type": entry.file.endsWith(".json") ? "application/json" : "application/yaml" } });
  const operations = findOperations(entry.document as never).map((found) => found.id);
  try {
    return { out, result: await generate({ config: false, cwd, spec, out, operations, fetch }) };
  } catch (error) {
    return { out, error };
  }
}

describe(`the hostile specs in ${FOLDER}`, () => {
  it(`${cases.length} specs: each generates safe code or is refused as it says`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const generated: string[] = [];
    for (const [index, entry] of cases.entries()) {
      const { out, result, error } = await runCase(entry, index);
      if (entry.expect.ok) {
        expect(error, `${entry.file}: ${error instanceof Error ? error.message : ""}`).toBeUndefined();
        expect(result?.status, entry.file).toBe("generated");
        if (result?.status === "generated") await writeScaffold({ model: result.build.model, folder: out });
        generated.push(out);
      } else {
        const code = entry.expect.code;
        expect(error, entry.file).toBeInstanceOf(ProblemError);
        const found = (error as ProblemError).problems.find((problem) => problem.code === code);
        expect(found, `${entry.file}: ${(error as Error).message}`).toBeDefined();
        expect(formatProblem(found!), entry.file).toMatch(new RegExp(`^.+:\\d+:\\d+: .+ \\[${code}\\]$`, "s"));
        expect(existsSync(out), `${entry.file}: wrote ${out}`).toBe(false);
      }
    }
    const verdicts = checkGeneratedFolders({ root, folders: generated });
    expect(verdicts.filter((verdict) => verdict.problems.length > 0)).toStrictEqual([]);
  }, 240_000);

  it("through the CLI: a refused spec exits 2 with file:line:col and writes nothing; a hostile file name exits 0", () => {
    const cwd = join(root, "cli");
    mkdirSync(cwd, { recursive: true });
    const refused = runCliProcess({ args: ["--spec", resolve(FOLDER, "escape-pattern-trailing-backslash.yaml"), "--out", "out", "--operations", "items:delete"], cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/escape-pattern-trailing-backslash\.yaml:\d+:\d+: pattern "abc\\\\" is not a regular expression.*\[pattern-invalid\]/);
    expect(existsSync(join(cwd, "out"))).toBe(false);
    const name = "x\nprocess.exit(7);0.yaml";
    writeFileSync(join(cwd, name), readFileSync(resolve(FOLDER, "escape-title-closes-jsdoc.yaml")));
    const accepted = runCliProcess({ args: ["--spec", name, "--out", "out", "--operations", "items:delete", "-q"], cwd });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(readFileSync(join(cwd, "out", "client.ts"), "utf8").split("\n")[0]).toBe(`// Generated by polar-codegen ${GENERATOR_VERSION} from ../x\\u000aprocess.exit(7);0.yaml.`);
  }, 120_000);
});
