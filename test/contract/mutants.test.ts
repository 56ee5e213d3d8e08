// A contract suite is worth what it catches. This runs the generated suite
// (generated/polar/contract) against deliberately broken servers, one defect each, as
// a team would against a live server, and asserts it fails every time, on the test
// that names the defect; and that it passes against the fake itself.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPolarServer, toNodeListener } from "../../generated/polar/index.js";
import { createFakePolar, type FakeSeed } from "../../generated/polar/fake.js";

const FIXTURES = "generated/polar/contract/fixtures.json";
const seed = JSON.parse(readFileSync(FIXTURES, "utf8")) as FakeSeed & { customer_sessions: Array<{ token: string }> };
type Fetch = (request: Request) => Promise<Response>;
type Mutation = (options: { request: Request; forward: Fetch }) => Promise<Response>;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const isCancel = (request: Request) => new URL(request.url).pathname.startsWith("/v1/customer-portal/subscriptions/");
const isDeleteById = (request: Request) => /^\/v1\/customers\/(?!external\/)[^/]+$/.test(new URL(request.url).pathname);
const withBody = async (response: Response, edit: (body: Record<string, unknown>) => void) => {
  const body = (await response.json()) as Record<string, unknown>;
  edit(body);
  return json(response.status, body);
};

/** Each defect, and a test of the suite that must fail on it. */
const MUTANTS: Record<string, { mutate: Mutation; caughtBy: RegExp }> = {
  "a delete answers 200 with a body": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return isDeleteById(request) && response.status === 204 ? json(200, { deleted: true }) : response;
    },
    caughtBy: /customers:delete a customer: 204/,
  },
  "a second delete answers 204": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return isDeleteById(request) && response.status === 404 ? new Response(null, { status: 204 }) : response;
    },
    caughtBy: /customers:delete it again: 404/,
  },
  "a 404 body without detail": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return response.status === 404 ? json(404, { error: "ResourceNotFound" }) : response;
    },
    caughtBy: /unknown id answers 404/,
  },
  "a non-uuid id accepted": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return response.status === 422 && new URL(request.url).pathname.endsWith("/not-a-uuid") ? json(404, { error: "ResourceNotFound", detail: "Not found" }) : response;
    },
    caughtBy: /id not a UUID \(not-a-uuid\) answers 422/,
  },
  "a UUID of another version than 4 accepted": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      const id = new URL(request.url).pathname.split("/").at(-1)!;
      return response.status === 422 && /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i.test(id) ? json(404, { error: "ResourceNotFound", detail: "Not found" }) : response;
    },
    caughtBy: /id a UUID of version 1 .* answers 422/,
  },
  "a cancel that answers 200 but does not cancel": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return isCancel(request) && response.status === 200 ? withBody(response, (body) => Object.assign(body, { cancel_at_period_end: false, canceled_at: null })) : response;
    },
    caughtBy: /cancel a subscription: 200/,
  },
  "a JSON body sent as application/jsonp": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      if (response.headers.get("content-type") !== "application/json") return response;
      return new Response(await response.text(), { status: response.status, headers: { "content-type": "application/jsonp" } });
    },
    caughtBy: /unknown id answers 404/,
  },
  "a CustomerSubscription without a required field": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return isCancel(request) && response.status === 200 ? withBody(response, (body) => delete body.customer_id) : response;
    },
    caughtBy: /cancel a subscription: 200/,
  },
  "a status outside its enum": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return isCancel(request) && response.status === 200 ? withBody(response, (body) => (body.status = "paused_forever")) : response;
    },
    caughtBy: /cancel a subscription: 200/,
  },
  "a 422 body in the wrong shape": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return response.status === 422 ? json(422, { detail: "invalid id" }) : response;
    },
    caughtBy: /answers 422/,
  },
  "an unauthenticated request served": {
    mutate: async ({ request, forward }) => {
      if (request.headers.has("authorization")) return forward(request);
      const headers = new Headers(request.headers);
      headers.set("authorization", `Bearer ${seed.customer_sessions[0]!.token}`);
      return forward(new Request(request.url, { method: request.method, headers }));
    },
    caughtBy: /no credentials are refused/,
  },
  "a second cancel answers 200": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      if (!isCancel(request) || response.status !== 403) return response;
      return json(200, { ...(await response.json()), canceled: true });
    },
    caughtBy: /cancel it again: 403/,
  },
};

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The fake, with one defect between it and the wire; on 127.0.0.1, a free port. */
async function serve(mutate?: Mutation): Promise<string> {
  const fake = createPolarServer(createFakePolar({ seed }));
  const forward: Fetch = (request) => fake.fetch(request);
  const server = createServer(toNodeListener({ fetch: mutate ? (request: Request) => mutate({ request, forward }) : forward } as never));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

interface SuiteRun {
  failed: string[];
  passed: number;
  /** Every failed test's messages, joined. */
  messages: string;
}

/**
 * Runs the generated suite against each live URL, destructive cases allowed, in one vitest
 * process: for each URL a file sets the POLAR_CONTRACT_* variables, as a team would, then
 * loads the suite (vitest gives each file its own modules). The failed tests' names, per URL.
 */
async function runSuites(baseUrls: string[]): Promise<SuiteRun[]> {
  const dir = mkdtempSync(join(process.cwd(), ".polar-codegen-tmp-mutants-"));
  const suite = resolve("generated/polar/contract/contract.test.ts");
  const fileOf = (index: number) => join(dir, `url-${String(index).padStart(2, "0")}.test.ts`);
  baseUrls.forEach((baseUrl, index) => {
    const env = {
      POLAR_CONTRACT_BASE_URL: baseUrl,
      POLAR_CONTRACT_ALLOW_DESTRUCTIVE: "1",
      POLAR_CONTRACT_FIXTURES: resolve(FIXTURES),
      POLAR_CONTRACT_ACCESS_TOKEN: "polar_oat_contract_tests",
      POLAR_CONTRACT_CUSTOMER_SESSION: seed.customer_sessions[0]!.token,
    };
    writeFileSync(fileOf(index), `Object.assign(process.env, ${JSON.stringify(env)});\nawait import(${JSON.stringify(suite)});\n`);
  });
  // Two at a time: vitest's default on two cores is one.
  writeFileSync(join(dir, "vitest.config.mjs"), 'export default { test: { include: ["url-*.test.ts"], maxWorkers: 2, testTimeout: 60000 } };\n');
  const args = ["node_modules/vitest/vitest.mjs", "run", "--config", join(dir, "vitest.config.mjs"), "--root", dir, "--reporter=json"];
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.on("error", reject);
      child.on("close", () => resolve(output));
    });
    type Report = { testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }> }> };
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as Report;
    return baseUrls.map((_, index) => {
      const results = report.testResults.filter((file) => file.name === fileOf(index)).flatMap((file) => file.assertionResults);
      const failed = results.filter((result) => result.status === "failed");
      return { failed: failed.map((result) => result.fullName), passed: results.filter((result) => result.status === "passed").length, messages: failed.flatMap((result) => result.failureMessages).join("\n") };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the generated contract suite catches a server that breaks the spec", () => {
  const names = Object.keys(MUTANTS);
  const urls = Promise.all([serve(), ...names.map((name) => serve(MUTANTS[name]!.mutate))]);
  const runs = urls.then(runSuites);

  it("passes against the fake served on a live URL", async () => {
    const [control] = await runs;
    expect(control!.failed).toStrictEqual([]);
    expect(control!.passed).toBeGreaterThan(15);
  }, 120_000);

  it.each(names.map((name, index) => [name, index + 1] as const))("catches: %s", async (name, index) => {
    const result = (await runs)[index]!;
    expect(result.failed.length, `${name}: the suite passed`).toBeGreaterThan(0);
    expect(result.failed.some((test) => MUTANTS[name]!.caughtBy.test(test)), `${name}: failed only ${JSON.stringify(result.failed)}`).toBe(true);
  }, 120_000);

  it("a failure's curl runs as pasted, the token read from its variable, and reproduces the answer", async () => {
    const index = names.indexOf("a second delete answers 204") + 1;
    const run = (await runs)[index]!;
    const line = /reproduce: (curl .*)/.exec(run.messages)?.[1];
    expect(line).toBe(`curl -i -X DELETE '${(await urls)[index]}/v1/customers/${seed.customers![0]!.id}' -H "Authorization: Bearer $POLAR_CONTRACT_ACCESS_TOKEN"`);
    expect(run.messages).not.toContain("polar_oat_contract_tests");
    // Asynchronously: the server it reaches lives in this process.
    const replay = (token: string) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn("sh", ["-c", `${line} --silent --max-time 20`], { env: { ...process.env, POLAR_CONTRACT_ACCESS_TOKEN: token } });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.on("error", reject);
        child.on("close", () => resolve(output.split("\r\n")[0]!));
      });
    expect(await replay("polar_oat_contract_tests")).toBe("HTTP/1.1 204 No Content");
    expect(await replay("")).toBe("HTTP/1.1 401 Unauthorized");
  }, 120_000);
});
