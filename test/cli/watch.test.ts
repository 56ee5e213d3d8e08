// `polar-codegen --watch` as a user runs it: a real child process over a temp folder
// holding a spec, a file it $refs and a config; each step saves something and waits
// for what the watcher prints. The steps run in order against one watcher.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../helpers/cli.js";
import { startWatch, type WatchChild } from "../helpers/watch.js";
import { listFiles } from "../../generator/write/plan.js";

const spec = (extraParameter = "") => `openapi: 3.1.0
info: { title: Watch test, version: "1" }
servers: [{ url: https://api.example.com }]
paths:
  /v1/customers/{id}:
    delete:
      operationId: customers:delete
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }${extraParameter}
      responses:
        "204": { description: Deleted. }
        "404":
          description: Not found.
          content:
            application/json:
              schema: { $ref: "./errors.yaml#/ResourceNotFound" }
`;
const errors = (description: string) => `ResourceNotFound:
  type: object
  required: [detail]
  properties:
    detail: { type: string, description: ${description} }
`;
const ANONYMIZE = "\n        - { name: anonymize, in: query, required: false, schema: { type: boolean } }";

const root = scratchDir("polar-codegen-watch-");
let watch: WatchChild;

/** Save as editors do: a new file renamed over the old one. */
function save(name: string, text: string): void {
  writeFileSync(join(root, `${name}.swp`), text);
  renameSync(join(root, `${name}.swp`), join(root, name));
}

beforeAll(async () => {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "spec.yaml"), spec());
  writeFileSync(join(root, "errors.yaml"), errors("What was not found."));
  writeFileSync(join(root, "polar-codegen.config.json"), JSON.stringify({ spec: "spec.yaml", out: "out", operations: ["customers:delete"] }));
  watch = startWatch({ cwd: root, args: [] });
  await watch.line(/^polar-codegen: out: \d+ written \(\d+ ms\)$/);
  await watch.line(/^polar-codegen: watching errors\.yaml, polar-codegen\.config\.json, spec\.yaml \(Ctrl-C to stop\)$/);
});

afterAll(async () => {
  await watch?.stop("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

describe("polar-codegen --watch", () => {
  it("regenerates when a file the spec $refs changes, naming it and what was written", async () => {
    save("errors.yaml", errors("The customer id that was not found."));
    const line = await watch.line(/errors\.yaml changed/);
    expect(line).toMatch(/^polar-codegen: errors\.yaml changed → out: \d+ written \(.*types\.ts.*\); schema ResourceNotFound changed: \/properties\/detail\/description \(\d+ ms\)$/);
    expect(readFileSync(join(root, "out/types.ts"), "utf8")).toContain("The customer id that was not found.");
  });

  it("names the operations that changed and how, and the first few files written", async () => {
    save("spec.yaml", spec(ANONYMIZE));
    const line = await watch.line(/spec\.yaml changed/);
    expect(line).toContain("customers:delete: optional query parameter anonymize added");
    const [, count, names] = /: (\d+) written \(([^()]+)\)/.exec(line) ?? [];
    expect(Number(count)).toBeGreaterThan(4);
    expect(names!.split(", ")).toStrictEqual([...names!.split(", ").slice(0, 4), `+${Number(count) - 4} more`]);
    expect(names).toMatch(/^client\.ts, /);
    expect(readFileSync(join(root, "out/types.ts"), "utf8")).toContain("anonymize?: boolean");
  });

  it("reports a half-edited save with its position and leaves the output untouched", async () => {
    const before = await readOutput();
    writeFileSync(join(root, "spec.yaml"), spec(ANONYMIZE).replace("servers: [{ url: https://api.example.com }]", "servers: [{ url: https://api.example.com }"));
    expect(await watch.line(/\[yaml-syntax\]$/, { stream: "stderr" })).toMatch(/^spec\.yaml:\d+:\d+: malformed YAML/);
    expect(await watch.line(/left as it was/, { stream: "stderr" })).toBe("polar-codegen: out left as it was; waiting for the next save");
    expect(await readOutput()).toStrictEqual(before);
  });

  it("recovers on the next good save", async () => {
    save("spec.yaml", spec());
    const line = await watch.line(/spec\.yaml changed/);
    expect(line).toMatch(/^polar-codegen: spec\.yaml changed → out: recovered, \d+ written/);
    expect(line).toContain("customers:delete: query parameter anonymize removed");
    expect(readFileSync(join(root, "out/types.ts"), "utf8")).not.toContain("anonymize");
  });

  it("says so when the spec is deleted or renamed, keeps the output, and picks it up again", async () => {
    const before = await readOutput();
    renameSync(join(root, "spec.yaml"), join(root, "spec.old.yaml"));
    expect(await watch.line(/missing/, { stream: "stderr" })).toBe(
      "polar-codegen: out left as it was; the spec is missing (deleted or renamed?); waiting for it to come back",
    );
    expect(await readOutput()).toStrictEqual(before);
    renameSync(join(root, "spec.old.yaml"), join(root, "spec.yaml"));
    expect(await watch.line(/spec\.yaml changed/)).toMatch(/→ out: recovered, output unchanged/);
  });

  it("regenerates when the config changes", async () => {
    save("polar-codegen.config.json", JSON.stringify({ spec: "spec.yaml", out: "out2", operations: ["customers:delete"] }));
    expect(await watch.line(/polar-codegen\.config\.json changed/)).toMatch(/→ out2: \d+ written/);
    expect(existsSync(join(root, "out2/types.ts"))).toBe(true);
  });

  it("stops cleanly on SIGINT: exit 0, no lock or staged file left", async () => {
    expect(await watch.stop("SIGINT")).toBe(0);
    expect(watch.output().stdout).toMatch(/polar-codegen: stopped watching\n$/);
    const left = readdirSync(join(root, "out2"), { recursive: true }).map(String);
    expect(left.filter((name) => name.includes(".polar-codegen") && !name.endsWith(".stamp.json"))).toStrictEqual([]);
    expect(left).toContain("types.ts");
  });
});

async function readOutput(): Promise<Record<string, string>> {
  const dir = join(root, "out");
  const paths = await listFiles(dir);
  return Object.fromEntries(paths.map((path) => [path, readFileSync(join(dir, path), "utf8")]));
}

describe("polar-codegen --watch started while a file the spec $refs is broken", () => {
  it("watches that file too, and regenerates when it is fixed", async () => {
    const cwd = scratchDir("polar-codegen-watch-");
    writeFileSync(join(cwd, "polar-codegen.config.json"), JSON.stringify({ spec: "spec.yaml", out: "out", operations: ["customers:delete"] }));
    writeFileSync(join(cwd, "spec.yaml"), spec());
    writeFileSync(join(cwd, "errors.yaml"), errors("Broken.").replace("type: object", "type: [object"));
    const broken = startWatch({ cwd, args: [] });
    try {
      expect(await broken.line(/\[yaml-syntax\]$/, { stream: "stderr" })).toMatch(/^errors\.yaml:\d+:\d+: malformed YAML/);
      await broken.line(/^polar-codegen: watching errors\.yaml, polar-codegen\.config\.json, spec\.yaml \(Ctrl-C to stop\)$/);
      writeFileSync(join(cwd, "errors.yaml"), errors("Fixed."));
      expect(await broken.line(/errors\.yaml changed/)).toMatch(/^polar-codegen: errors\.yaml changed → out: recovered, \d+ written/);
      expect(readFileSync(join(cwd, "out/types.ts"), "utf8")).toContain("Fixed.");
      expect(await broken.stop("SIGINT")).toBe(0);
    } finally {
      await broken.stop("SIGKILL");
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe("polar-codegen --watch started before its spec exists", () => {
  it("says the spec is missing, then generates when it appears", async () => {
    const cwd = scratchDir("polar-codegen-watch-");
    writeFileSync(join(cwd, "polar-codegen.config.json"), JSON.stringify({ spec: "spec.yaml", out: "out", operations: ["customers:delete"] }));
    const early = startWatch({ cwd, args: [] });
    try {
      expect(await early.line(/missing/, { stream: "stderr" })).toBe(
        "polar-codegen: out left as it was; the spec is missing (deleted or renamed?); waiting for it to come back",
      );
      await early.line(/watching/);
      writeFileSync(join(cwd, "errors.yaml"), errors("Not there."));
      writeFileSync(join(cwd, "spec.yaml"), spec());
      expect(await early.line(/spec\.yaml changed/)).toMatch(/→ out: recovered, \d+ written/);
      expect(readFileSync(join(cwd, "out/types.ts"), "utf8")).toContain("Not there.");
      expect(await early.stop("SIGINT")).toBe(0);
    } finally {
      await early.stop("SIGKILL");
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
