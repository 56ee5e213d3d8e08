// The hostile struct-* specs of test/fixtures/hostile, each generated as a user would and
// held to the outcome its `x-expect` names: `ok` (exit 0, the output of all of them
// type-checks as one program and imports) or `error CODE` (exit 2, a `file:line:col`
// message with that code, nothing written). Then what each `ok` case is about, run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliProcess } from "../helpers/cli.js";

const FOLDER = resolve("test/fixtures/hostile");
const specs = readdirSync(FOLDER).filter((name) => /^struct-.*\.(json|ya?ml)$/.test(name)).sort();
// Inside the project, so the generated contract suites resolve vitest and fast-check.
const scratch = mkdtempSync(join(process.cwd(), ".polar-codegen-tmp-hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function expectation(name: string): { kind: "ok" } | { kind: "error"; code: string } {
  const found = /^\s*"?x-expect"?\s*:\s*"?([^"\n]+?)"?,?\s*$/m.exec(readFileSync(join(FOLDER, name), "utf8"))?.[1];
  if (found === "ok") return { kind: "ok" };
  const code = /^error ([\w-]+)$/.exec(found ?? "")?.[1];
  if (!code) throw new Error(`${name}: no x-expect`);
  return { kind: "error", code };
}

const outDir = (name: string) => join(scratch, name.replace(/\W+/g, "-"));
const ok = specs.filter((name) => expectation(name).kind === "ok");

describe(`hostile struct-* specs (${specs.length}: ${ok.length} ok, ${specs.length - ok.length} refused)`, () => {
  it("there is one for each structural case, at least twelve", () => {
    expect(specs.length).toBeGreaterThanOrEqual(12);
  });

  it.each(specs)("%s: exit and message as x-expect says, within a second or two", (name) => {
    const expected = expectation(name);
    const out = outDir(name);
    const started = performance.now();
    const run = runCliProcess({ args: ["--spec", join(FOLDER, name), "--out", out, "--quiet"] });
    const seconds = (performance.now() - started) / 1000;
    if (expected.kind === "ok") {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      return;
    }
    expect(run.code).toBe(2);
    const line = new RegExp(`^[^\\n]*${name.replace(/[.]/g, "\\.")}:\\d+:\\d+: [^\\n]+ \\[${expected.code}\\]$`, "m");
    expect(run.stderr).toMatch(line);
    expect(run.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
    // Refusals come before any emitter: node's start-up and the spec's parse only.
    expect(seconds).toBeLessThan(5);
  });

  it("every accepted spec's output type-checks as one strict program", () => {
    const tsconfig = {
      compilerOptions: {
        target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true,
        noUncheckedIndexedAccess: true, skipLibCheck: true, lib: ["ES2023", "DOM"], types: ["node"],
        typeRoots: [resolve("node_modules/@types")],
      },
      include: ok.map((name) => `${outDir(name)}/**/*.ts`),
    };
    writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify(tsconfig));
    const compiled = spawnSync(process.execPath, [resolve("node_modules/typescript/bin/tsc"), "-p", join(scratch, "tsconfig.json")], { encoding: "utf8" });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
  }, 120_000);
});

// What each accepted case is about, on its imported output.
type Issues = Array<{ pointer: string; keyword: string }>;
type Validators = Record<string, (value: unknown) => Issues>;
interface Output {
  validators: Validators;
  answer(request: { path: string; token?: string; seed?: object }): Promise<Response>;
}

async function load(name: string): Promise<Output> {
  const dir = outDir(name);
  const { validators } = (await import(join(dir, "validators.ts"))) as { validators: Validators };
  // The API is named from the title ("Hostile"): createHostileServer, createFakeHostile.
  const { createHostileServer: createPolarServer } = (await import(join(dir, "server.ts"))) as { createHostileServer: (options: object) => { fetch(request: Request): Promise<Response> } };
  const { createFakeHostile: createFakePolar } = (await import(join(dir, "fake.ts"))) as { createFakeHostile: (options: object) => object };
  return {
    validators,
    answer: ({ path, token, seed }) => {
      const server = createPolarServer(createFakePolar({ seed: seed ?? SEED }));
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return server.fetch(new Request(`http://fake.test${path}`, { method: "DELETE", headers }));
    },
  };
}

const SEED = {
  customers: [{ id: "c1", external_id: "ext-1" }],
  subscriptions: [{ id: "s1", customer_id: "c1" }],
  customer_sessions: [{ token: "polar_cst_session1", customer_id: "c1" }],
  access_tokens: [{ token: "polar_oat_org", scopes: ["customers:write"] }],
};

describe("hostile struct-* specs: the accepted output does what the spec says", () => {
  beforeAll(() => {
    // Generated by the describe block above; a run of this block alone generates them here.
    for (const name of ok) if (!existsSync(outDir(name))) runCliProcess({ args: ["--spec", join(FOLDER, name), "--out", outDir(name), "--quiet"] });
  });

  it.each(["struct-proto-scheme.json", "struct-proto-scheme.yaml", "struct-constructor-scheme.yaml"])("%s: the operation still needs its credential", async (name) => {
    const { answer } = await load(name);
    expect((await answer({ path: "/v1/customers/c1" })).status).toBe(401);
    expect((await answer({ path: "/v1/customers/c1", token: "polar_oat_org" })).status).toBe(204);
  });

  it("struct-constructor-scheme.yaml: the client's credential for it is no inherited member", () => {
    const client = readFileSync(join(outDir("struct-constructor-scheme.yaml"), "client.ts"), "utf8");
    expect(client).toContain("constructor_?: Credential | undefined;");
  });

  it("struct-proto-properties.json: own properties only; a missing required __proto__ is reported", async () => {
    const { validators } = await load("struct-proto-properties.json");
    const base = { id: "s", customer_id: "c", status: "active", cancel_at_period_end: false };
    expect(validators.Subscription!(JSON.parse(`{"id":"s","customer_id":"c","status":"active","cancel_at_period_end":false,"__proto__":"p"}`))).toStrictEqual([]);
    expect(validators.Subscription!(base).map((issue) => [issue.pointer, issue.keyword])).toStrictEqual([["/__proto__", "required"]]);
    const wrong = JSON.parse(`{"id":"s","customer_id":"c","status":"active","cancel_at_period_end":false,"__proto__":"p","constructor":5,"toString":"no"}`);
    expect(validators.Subscription!(wrong).map((issue) => issue.pointer)).toStrictEqual(["/constructor", "/toString"]);
  });

  it("struct-proto-parameters.json: a path parameter named __proto__ reaches the handler", async () => {
    const { answer } = await load("struct-proto-parameters.json");
    expect((await answer({ path: "/v1/customers/external/nobody", token: "polar_oat_org" })).status).toBe(404);
    expect((await answer({ path: "/v1/customers/external/ext-1?constructor=x&toString=true", token: "polar_oat_org" })).status).toBe(204);
    expect((await answer({ path: "/v1/customers/external/ext-1?toString=maybe", token: "polar_oat_org" })).status).toBe(422);
  });

  it("struct-proto-map-keys.json: schemas named __proto__ and constructor, a mapping keyed __proto__", async () => {
    const { validators } = await load("struct-proto-map-keys.json");
    expect(Object.keys(validators).sort()).toStrictEqual(["AlreadyCanceledSubscription", "ResourceNotFound", "Subscription", "__proto__", "constructor"]);
    expect(validators.__proto__!({ kind: "__proto__" })).toStrictEqual([]);
    expect((validators.constructor as (value: unknown) => Issues)({ kind: "__proto__" }).map((issue) => issue.keyword)).toStrictEqual(["enum"]);
    const base = { id: "s", customer_id: "c", status: "active", cancel_at_period_end: false, tags: { constructor: "x" } };
    expect(validators.Subscription!({ ...base, thing: { kind: "__proto__" } })).toStrictEqual([]);
    expect(validators.Subscription!({ ...base, thing: { kind: "constructor" } })).toStrictEqual([]);
    expect(validators.Subscription!({ ...base, thing: { kind: "toString" } }).map((issue) => issue.keyword)).toStrictEqual(["discriminator"]);
  });

  it("struct-recursive-*.yaml: recursive validators check nested values and finish", async () => {
    const tree = (await load("struct-recursive-array.yaml")).validators;
    expect(tree.Tree!([[], [[[]]]])).toStrictEqual([]);
    expect(tree.Tree!([[], [[1]]]).map((issue) => issue.pointer)).toStrictEqual(["/1/0/0"]);
    const node = (await load("struct-recursive-allof.yaml")).validators;
    expect(node.Node!({ name: "a", children: [{ name: "b", parent: {} }] })).toStrictEqual([]);
    expect(node.Node!({ children: [{ name: 1 }] }).map((issue) => issue.pointer)).toStrictEqual(["/children/0/name"]);
    const expr = (await load("struct-recursive-mutual-anyof.yaml")).validators;
    expect(expr.Expr!(["a", [1, { not: "b" }]])).toStrictEqual([]);
    expect(expr.Expr!([true]).length).toBeGreaterThan(0);
  });

  it("struct-not-found-required.yaml: the fake's errors carry the fields the spec requires", async () => {
    const { answer, validators } = await load("struct-not-found-required.yaml");
    const missing = await answer({ path: "/v1/customers/nobody", token: "polar_oat_org" });
    expect(missing.status).toBe(404);
    expect(validators.ResourceNotFound!(await missing.json())).toStrictEqual([]);
    const seed = { ...SEED, subscriptions: [{ id: "s1", customer_id: "c1", cancel_at_period_end: true }] };
    const again = await answer({ path: "/v1/customer-portal/subscriptions/s1", token: "polar_cst_session1", seed });
    expect(again.status).toBe(403);
    expect(validators.AlreadyCanceledSubscription!(await again.json())).toStrictEqual([]);
  });

  it("struct-not-found-media.yaml: a 404 as problem+json, with no body, and as text", async () => {
    const { answer } = await load("struct-not-found-media.yaml");
    const problem = await answer({ path: "/v1/customers/nobody", token: "polar_oat_org" });
    expect([problem.status, problem.headers.get("content-type"), await problem.json()]).toStrictEqual([404, "application/problem+json", { error: "ResourceNotFound", detail: "Not found" }]);
    const bare = await answer({ path: "/v1/customers/external/nobody", token: "polar_oat_org" });
    expect([bare.status, await bare.text()]).toStrictEqual([404, ""]);
    const text = await answer({ path: "/v1/customer-portal/subscriptions/nothing", token: "polar_cst_session1" });
    expect([text.status, text.headers.get("content-type"), await text.text()]).toStrictEqual([404, "text/plain", "Not found"]);
  });

  it("struct-not-found-object-as-text.yaml: the operation the fake cannot model answers its documented success, not a rejection", async () => {
    const { answer } = await load("struct-not-found-object-as-text.yaml");
    expect((await answer({ path: "/v1/customers/nobody", token: "polar_oat_org" })).status).toBe(204);
    expect((await answer({ path: "/v1/customers/external/nobody", token: "polar_oat_org" })).status).toBe(404);
  });

  it("struct-property-constructor.yaml: the fake cancels and answers a valid subscription", async () => {
    const { answer, validators } = await load("struct-property-constructor.yaml");
    const canceled = await answer({ path: "/v1/customer-portal/subscriptions/s1", token: "polar_cst_session1" });
    expect(canceled.status).toBe(200);
    const body = await canceled.json();
    expect([validators.Subscription!(body), Object.hasOwn(body, "constructor")]).toStrictEqual([[], false]);
  });

  it("struct-nesting-at-limit.json: a schema 64 levels deep is checked to its deepest level", async () => {
    const { validators } = await load("struct-nesting-at-limit.json");
    let deep: unknown = "leaf";
    for (let level = 1; level < 63; level++) deep = { x: deep };
    const base = { id: "s", customer_id: "c", status: "active", cancel_at_period_end: false };
    expect(validators.Subscription!({ ...base, deep })).toStrictEqual([]);
    let wrong: unknown = 5;
    for (let level = 1; level < 63; level++) wrong = { x: wrong };
    expect(validators.Subscription!({ ...base, deep: wrong }).map((issue) => issue.pointer)).toStrictEqual([`/deep${"/x".repeat(62)}`]);
  });
});
