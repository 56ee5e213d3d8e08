// A contract suite is worth what it catches. This runs the generated suite
// (generated/polar/contract) against deliberately broken servers, one defect each, as
// a team would against a live server, and asserts it fails every time, on the test
// that names the defect; and that it passes against the fake itself. Each server also
// offers its fake's state at STATE_PATH, as POLAR_CONTRACT_STATE_URL reads it: an
// ignored `anonymize=true` shows only there.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPolarServer, toNodeListener } from "../../generated/polar/index.js";
import { createFakePolar, type FakeSeed } from "../../generated/polar/fake.js";

const FIXTURES = "generated/polar/contract/fixtures.json";
const seed = JSON.parse(readFileSync(FIXTURES, "utf8")) as FakeSeed & { customer_sessions: Array<{ token: string }>; access_tokens: Array<{ token: string }> };
const STATE_PATH = "/__contract_state";
const SESSION = seed.customer_sessions[0]!.token;
const ACCESS_TOKEN = seed.access_tokens[0]!.token;
/** The fixtures' customer no documented outcome names. */
const BYSTANDER = seed.customers!.at(-1)!.external_id!;
type Fetch = (request: Request) => Promise<Response>;
type Mutation = (options: { request: Request; forward: Fetch }) => Promise<Response>;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const isCancel = (request: Request) => new URL(request.url).pathname.startsWith("/v1/customer-portal/subscriptions/");
const isDeleteById = (request: Request) => /^\/v1\/customers\/(?!external\/)[^/]+$/.test(new URL(request.url).pathname);
const isDelete = (request: Request) => new URL(request.url).pathname.startsWith("/v1/customers/");
const withToken = (request: Request, token: string) => {
  const headers = new Headers(request.headers);
  headers.set("authorization", `Bearer ${token}`);
  return new Request(request.url, { method: request.method, headers });
};
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
      return forward(withToken(request, SESSION));
    },
    caughtBy: /no credentials are refused/,
  },
  "anonymize=true ignored": {
    mutate: async ({ request, forward }) => {
      const url = new URL(request.url);
      url.searchParams.delete("anonymize");
      return forward(new Request(url, { method: request.method, headers: request.headers }));
    },
    caughtBy: /the customer deleted with anonymize=true is anonymised/,
  },
  "a cancel that ends the subscription at once": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      if (!isCancel(request) || response.status !== 200) return response;
      return withBody(response, (body) => Object.assign(body, { status: "canceled", ended_at: body.canceled_at, ends_at: body.canceled_at }));
    },
    caughtBy: /cancel a subscription: 200/,
  },
  "delete_external deletes a different customer": {
    mutate: async ({ request, forward }) => {
      const url = new URL(request.url);
      if (!url.pathname.startsWith("/v1/customers/external/")) return forward(request);
      url.pathname = `/v1/customers/external/${encodeURIComponent(BYSTANDER)}`;
      return forward(new Request(url, { method: request.method, headers: request.headers }));
    },
    caughtBy: /bystander/,
  },
  "a customer session accepted on a delete": {
    mutate: async ({ request, forward }) =>
      forward(isDelete(request) && request.headers.get("authorization") === `Bearer ${SESSION}` ? withToken(request, ACCESS_TOKEN) : request),
    caughtBy: /customers:delete\w*: a customer session is refused \(401\)/,
  },
  "an organization token accepted on the portal cancel": {
    mutate: async ({ request, forward }) =>
      forward(isCancel(request) && request.headers.get("authorization") === `Bearer ${ACCESS_TOKEN}` ? withToken(request, SESSION) : request),
    caughtBy: /cancel: an organization access token is refused \(401\)/,
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

/** The fake, with one defect between it and the wire, its state at STATE_PATH; on 127.0.0.1, a free port. */
async function serve(mutate?: Mutation): Promise<string> {
  return (await serveFake(mutate)).url;
}

async function serveFake(mutate?: Mutation): Promise<{ url: string; state: () => unknown }> {
  const fakePolar = createFakePolar({ seed });
  const fake = createPolarServer(fakePolar);
  const forward: Fetch = (request) => fake.fetch(request);
  const answer: Fetch = async (request) => {
    if (new URL(request.url).pathname === STATE_PATH) return json(200, fakePolar.state());
    return mutate ? mutate({ request, forward }) : forward(request);
  };
  const server = createServer(toNodeListener({ fetch: answer } as never));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, state: () => fakePolar.state() };
}

interface SuiteRun {
  failed: string[];
  passed: number;
  /** Every failed test's messages, joined. */
  messages: string;
}

/** Runs the generated suite against a live URL, destructive cases allowed unless told; the failed tests' names. */
function runSuite(baseUrl: string, options: { destructive?: boolean } = {}): Promise<SuiteRun> {
  const env = {
    ...process.env,
    POLAR_CONTRACT_BASE_URL: baseUrl,
    POLAR_CONTRACT_ALLOW_DESTRUCTIVE: options.destructive === false ? "0" : "1",
    POLAR_CONTRACT_FIXTURES: FIXTURES,
    POLAR_CONTRACT_ACCESS_TOKEN: ACCESS_TOKEN,
    POLAR_CONTRACT_CUSTOMER_SESSION: SESSION,
    POLAR_CONTRACT_STATE_URL: `${baseUrl}${STATE_PATH}`,
  };
  const args = ["node_modules/vitest/vitest.mjs", "run", "--project", "default", "generated/polar/contract/contract.test.ts", "--reporter=json"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", () => {
      const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { testResults: Array<{ assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }> }> };
      const results = report.testResults.flatMap((file) => file.assertionResults);
      const failed = results.filter((result) => result.status === "failed");
      resolve({ failed: failed.map((result) => result.fullName), passed: results.filter((result) => result.status === "passed").length, messages: failed.flatMap((result) => result.failureMessages).join("\n") });
    });
  });
}

/**
 * Runs the generated suite against each live URL, destructive cases allowed, in one vitest
 * process: for each URL a file sets the POLAR_CONTRACT_* variables, as a team would, then
 * loads the suite (vitest gives each file its own modules). The suite finds its folder
 * from the test file's path, so the files sit in a copy of the generated folder's
 * contract/, at the same depth. The failed tests' names, per URL.
 */
async function runSuites(baseUrls: string[]): Promise<SuiteRun[]> {
  const dir = mkdtempSync(join(process.cwd(), ".polar-codegen-tmp-mutants-"));
  cpSync("generated/polar", join(dir, "polar"), { recursive: true });
  const contract = join(dir, "polar", "contract");
  const fileOf = (index: number) => join(contract, `url-${String(index).padStart(2, "0")}.test.ts`);
  baseUrls.forEach((baseUrl, index) => {
    const env = {
      POLAR_CONTRACT_BASE_URL: baseUrl,
      POLAR_CONTRACT_ALLOW_DESTRUCTIVE: "1",
      POLAR_CONTRACT_FIXTURES: resolve(FIXTURES),
      POLAR_CONTRACT_ACCESS_TOKEN: ACCESS_TOKEN,
      POLAR_CONTRACT_CUSTOMER_SESSION: SESSION,
      POLAR_CONTRACT_STATE_URL: `${baseUrl}${STATE_PATH}`,
    };
    writeFileSync(fileOf(index), `Object.assign(process.env, ${JSON.stringify(env)});\nawait import("./contract.test.ts");\n`);
  });
  // Two at a time: vitest's default on two cores is one.
  writeFileSync(join(dir, "vitest.config.mjs"), 'export default { test: { include: ["url-*.test.ts"], maxWorkers: 2, testTimeout: 60000 } };\n');
  const args = ["node_modules/vitest/vitest.mjs", "run", "--config", join(dir, "vitest.config.mjs"), "--root", contract, "--reporter=json"];
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
  }, 600_000);

  it.each(names.map((name, index) => [name, index + 1] as const))("catches: %s", async (name, index) => {
    const result = (await runs)[index]!;
    expect(result.failed.length, `${name}: the suite passed`).toBeGreaterThan(0);
    expect(result.failed.some((test) => MUTANTS[name]!.caughtBy.test(test)), `${name}: failed only ${JSON.stringify(result.failed)}`).toBe(true);
  }, 600_000);

  it("against a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1 it passes and changes nothing", async () => {
    const served = await serveFake();
    const before = JSON.stringify(served.state());
    await runs; // after the others: one more suite at a time
    const run = await runSuite(served.url, { destructive: false });
    expect(run.failed).toStrictEqual([]);
    expect(run.passed).toBeGreaterThan(10);
    expect(JSON.stringify(served.state())).toBe(before);
  }, 600_000);

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
  }, 600_000);
});
