// A contract suite is worth what it catches. This runs the generated suite
// (generated/polar/contract) against deliberately broken servers, one defect each, as
// a team would against a live server, and asserts it fails every time, on the test
// that names the defect; and that it passes against the fake itself.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { createFakePolar, createPolarServer, toNodeListener, type FakeSeed } from "../../generated/polar/index.js";

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
    caughtBy: /malformed id answers 422/,
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

/** Runs the generated suite against a live URL, destructive cases allowed; the failed tests' names. */
function runSuite(baseUrl: string): Promise<{ failed: string[]; passed: number }> {
  const env = {
    ...process.env,
    POLAR_CONTRACT_BASE_URL: baseUrl,
    POLAR_CONTRACT_ALLOW_DESTRUCTIVE: "1",
    POLAR_CONTRACT_FIXTURES: FIXTURES,
    POLAR_CONTRACT_ACCESS_TOKEN: "polar_oat_contract_tests",
    POLAR_CONTRACT_CUSTOMER_SESSION: seed.customer_sessions[0]!.token,
  };
  const args = ["node_modules/vitest/vitest.mjs", "run", "--project", "default", "generated/polar/contract/contract.test.ts", "--reporter=json"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", () => {
      const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { testResults: Array<{ assertionResults: Array<{ fullName: string; status: string }> }> };
      const results = report.testResults.flatMap((file) => file.assertionResults);
      resolve({ failed: results.filter((result) => result.status === "failed").map((result) => result.fullName), passed: results.filter((result) => result.status === "passed").length });
    });
  });
}

describe("the generated contract suite catches a server that breaks the spec", () => {
  const names = Object.keys(MUTANTS);
  const runs = Promise.all([serve().then(runSuite), ...names.map((name) => serve(MUTANTS[name]!.mutate).then(runSuite))]);

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
});
