// The contract suite's webhook check, run as a team would against a live server with
// POLAR_CONTRACT_WEBHOOK_PORT: it passes against the fake delivering its webhooks there,
// and fails, on the webhook test, when a delivery is signed with another secret, when an
// event is missing, or when a payload breaks its schema (re-signed, so only the schema
// is at fault).

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { createPolarServer, toNodeListener } from "../../generated/polar/index.js";
import { createFakePolar, type FakePolar, type FakeSeed, type FakeWebhookOptions } from "../../generated/polar/fake.js";
import { signWebhook } from "../../generated/polar/fake-runtime/webhook-signing.js";

const FIXTURES = "generated/polar/contract/fixtures.json";
const seed = JSON.parse(readFileSync(FIXTURES, "utf8")) as FakeSeed & { customer_sessions: Array<{ token: string }> };
const SECRET = "whsec_contract-webhook-check";
const WEBHOOK_TEST = /webhooks: the documented outcomes sent the expected events/;

type Send = NonNullable<FakeWebhookOptions["fetch"]>;
/** Between the fake and the suite's receiver: each defect rewrites or drops a delivery. */
const MUTANTS: Record<string, (options: { init: RequestInit; send: () => ReturnType<Send> }) => ReturnType<Send>> = {
  "a delivery signed with another secret": async ({ init, send }) => {
    const headers = init.headers as Record<string, string>;
    headers["webhook-signature"] = await signWebhook({ id: headers["webhook-id"]!, timestamp: Number(headers["webhook-timestamp"]), body: String(init.body), secret: "not-the-secret" });
    return send();
  },
  "customer.state_changed never sent": async ({ init, send }) => (String(init.body).includes('"customer.state_changed"') ? new Response(null, { status: 204 }) : send()),
  "a subscription payload with a status outside its enum, signed correctly": async ({ init, send }) => {
    const payload = JSON.parse(String(init.body)) as { type: string; data: Record<string, unknown> };
    if (!payload.type.startsWith("subscription.")) return send();
    payload.data.status = "paused_forever";
    init.body = JSON.stringify(payload);
    const headers = init.headers as Record<string, string>;
    headers["webhook-signature"] = await signWebhook({ id: headers["webhook-id"]!, timestamp: Number(headers["webhook-timestamp"]), body: init.body, secret: SECRET });
    return send();
  },
};

const servers: Server[] = [];
const fakes: FakePolar[] = [];
afterAll(async () => {
  for (const fake of fakes) fake.webhooks.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A port free a moment ago, for the suite's receiver (the suite opens it, the fake posts to it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function serve(mutant?: (typeof MUTANTS)[string]): Promise<{ url: string; webhookPort: number }> {
  const webhookPort = await freePort();
  const send: Send = (input, init = {}) => (mutant ? mutant({ init, send: () => fetch(input, init) }) : fetch(input, init));
  const fake = createFakePolar({ seed, webhooks: { url: `http://127.0.0.1:${webhookPort}/webhooks`, secret: SECRET, fetch: send, retryDelayMs: () => 20, maxAttempts: 3 } });
  fakes.push(fake);
  const server = createServer(toNodeListener(createPolarServer(fake)) as never);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, webhookPort };
}

function runSuite(target: { url: string; webhookPort: number }): Promise<{ failed: string[]; passed: string[]; messages: string }> {
  const env = {
    ...process.env,
    POLAR_CONTRACT_BASE_URL: target.url,
    POLAR_CONTRACT_ALLOW_DESTRUCTIVE: "1",
    POLAR_CONTRACT_FIXTURES: FIXTURES,
    POLAR_CONTRACT_ACCESS_TOKEN: "polar_oat_contract_tests",
    POLAR_CONTRACT_CUSTOMER_SESSION: seed.customer_sessions[0]!.token,
    POLAR_CONTRACT_WEBHOOK_PORT: String(target.webhookPort),
    POLAR_CONTRACT_WEBHOOK_SECRET: SECRET,
    POLAR_CONTRACT_WEBHOOK_WAIT_MS: "3000",
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
      const named = (status: string) => results.filter((result) => result.status === status);
      resolve({ failed: named("failed").map((result) => result.fullName), passed: named("passed").map((result) => result.fullName), messages: named("failed").flatMap((result) => result.failureMessages).join("\n") });
    });
  });
}

describe("the contract suite's webhook check", () => {
  const names = Object.keys(MUTANTS);
  const runs = Promise.all([serve(), ...names.map((name) => serve(MUTANTS[name]))]).then((targets) => Promise.all(targets.map(runSuite)));

  it("passes against the fake delivering to POLAR_CONTRACT_WEBHOOK_PORT", async () => {
    const [control] = await runs;
    expect(control!.failed).toStrictEqual([]);
    expect(control!.passed.some((name) => WEBHOOK_TEST.test(name))).toBe(true);
  }, 120_000);

  it.each(names.map((name, index) => [name, index + 1] as const))("catches: %s", async (name, index) => {
    const result = (await runs)[index]!;
    expect(result.failed.filter((test) => WEBHOOK_TEST.test(test)), `${name}: ${JSON.stringify(result.failed)}`).toHaveLength(1);
    expect(result.failed, "only the webhook test fails").toHaveLength(1);
  }, 120_000);

  it("names the fault: the signature, the missing event, the pointer and message of the schema issue", async () => {
    const [, signature, missing, schema] = await runs;
    expect(signature!.messages).toContain("webhook-signature does not match the secret");
    expect(missing!.messages).toContain("customer.state_changed");
    expect(schema!.messages).toMatch(/\(subscription\.updated\): \/data\/status /);
  }, 120_000);
});
