// The optional webhook check: after the documented outcomes, the events they make Polar
// send must have arrived, signed as Polar signs them (Standard Webhooks, HMAC-SHA256
// keyed by the secret's UTF-8 bytes), each payload valid against its schema in the
// spec's `webhooks`. Against the generated fake it always runs, with a receiver in
// process; against a live server, when POLAR_CONTRACT_WEBHOOK_PORT names the port of a
// receiver this suite opens on 127.0.0.1 (point the server's webhook endpoint at it)
// and POLAR_CONTRACT_WEBHOOK_SECRET holds that endpoint's secret.

import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { it } from "vitest";
import { recordsOf } from "./state.js";
import type { SuiteContext } from "./suite.js";
import type { ContractFixtures, ContractWebhook } from "./types.js";

export interface WebhookReceiver {
  url: string;
  secret: string | undefined;
  received: Array<{ headers: IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

/** The secret the in-process fake signs with. */
const FAKE_SECRET = "polar-contract-tests-webhook-secret";
/** How far a delivery's timestamp may be from now: the SDK's tolerance. */
const TOLERANCE_SECONDS = 300;

type Env = Record<string, string | undefined>;

/** A receiver, when the check runs: always against the fake, against a live server only with a port. */
export async function openReceiver(options: {
  live: boolean;
  env: Env;
}): Promise<WebhookReceiver | undefined> {
  const { env } = options;
  const portText = env["POLAR_CONTRACT_WEBHOOK_PORT"];
  if (options.live && portText === undefined) return undefined;
  const port = portText === undefined ? 0 : Number(portText);
  if (!/^\d+$/.test(portText ?? "0") || port > 65535)
    throw new Error(`POLAR_CONTRACT_WEBHOOK_PORT ${JSON.stringify(portText)} is not a port number`);
  const received: WebhookReceiver["received"] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: bound } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${bound}/webhooks`,
    secret: options.live ? env["POLAR_CONTRACT_WEBHOOK_SECRET"] : FAKE_SECRET,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The events the documented outcomes (outcomes.ts) trigger with these fixtures, in the
 * order Polar sends them: the customer deleted by id, the one deleted by external id,
 * the portal cancel, the bystander deleted last.
 */
export function expectedEvents(options: {
  fixtures: ContractFixtures;
  documented: ReadonlySet<string>;
  ran: ReadonlySet<string>;
}): Array<{ type: string; id: string }> {
  const { documented, ran } = options;
  const records = recordsOf(options.fixtures);
  const billable = (owner: string) =>
    records.subscriptions.filter(
      (each) =>
        each.customer_id === owner &&
        !each["ended_at"] &&
        ["active", "trialing", "past_due"].includes(String(each["status"] ?? "active")),
    );
  const events: Array<{ type: string; id: string }> = [];
  const deletion = (owner: string) => {
    const revoked = billable(owner);
    for (const each of revoked)
      for (const type of ["subscription.updated", "subscription.canceled", "subscription.revoked"])
        events.push({ type, id: each.id });
    events.push(
      { type: "customer.deleted", id: owner },
      { type: "customer.state_changed", id: owner },
    );
    if (revoked.length > 0) events.push({ type: "customer.state_changed", id: owner });
  };
  if (ran.has("customers:delete")) deletion(records.customer.id);
  if (ran.has("customers:delete_external")) deletion(records.byExternal.id);
  if (ran.has("customer_portal:subscriptions:cancel")) {
    events.push({ type: "subscription.updated", id: records.subscription.id });
    events.push({ type: "subscription.canceled", id: records.subscription.id });
    events.push({ type: "customer.state_changed", id: records.subscription.customer_id });
  }
  if (ran.has("customers:delete_external")) deletion(records.bystander.id);
  return events.filter((event) => documented.has(event.type));
}

/** `v1,<base64>` signatures of `id.timestamp.body`; true when one matches. */
export function signatureMatches(options: {
  headers: IncomingHttpHeaders;
  body: string;
  secret: string;
}): boolean {
  const { headers, body, secret } = options;
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (typeof id !== "string" || typeof timestamp !== "string" || typeof signatures !== "string")
    return false;
  const expected = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`${id}.${timestamp}.${body}`)
    .digest();
  return signatures.split(" ").some((each) => {
    const [version, signature] = each.split(",", 2);
    const given = Buffer.from(signature ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export function describeWebhookCheck(context: SuiteContext): void {
  const documented = new Map(context.suite.webhooks.map((each) => [each.event, each]));
  const modelled = context.suite.operations.some((operation) => operation.modelled);
  if (documented.size === 0 || !modelled || !context.plan.destructive) return;
  it("webhooks: the documented outcomes sent the expected events, signed, each payload valid", async () => {
    const receiver = context.receiver();
    if (!receiver) {
      console.log(
        "contract tests: webhook check NOT run (a live server without POLAR_CONTRACT_WEBHOOK_PORT)",
      );
      return;
    }
    if (!receiver.secret)
      throw new Error(
        "the webhook check needs the endpoint's secret: set POLAR_CONTRACT_WEBHOOK_SECRET",
      );
    const ran = new Set(
      context.suite.operations.filter((each) => each.modelled).map((each) => each.id),
    );
    const expected = expectedEvents({
      fixtures: context.target().fixtures,
      documented: new Set(documented.keys()),
      ran,
    });
    const deadline = Date.now() + Number(process.env["POLAR_CONTRACT_WEBHOOK_WAIT_MS"] ?? 10_000);
    while (receiver.received.length < expected.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const seen = receiver.received.map(({ headers, body }) =>
      checkDelivery({ headers, body, secret: receiver.secret!, documented, context }),
    );
    const arrived = seen.map(({ type, id }) => `${type} ${id}`);
    const wanted = expected.map(({ type, id }) => `${type} ${id}`);
    // The fake sends in Polar's order; a live server's queues may interleave them.
    const live = context.target().live;
    const same = live
      ? JSON.stringify([...arrived].sort()) === JSON.stringify([...wanted].sort())
      : JSON.stringify(arrived) === JSON.stringify(wanted);
    const problems = seen.flatMap((each) => each.problems);
    if (!same)
      problems.unshift(
        `expected these events${live ? " (in any order)" : ", in this order"}:\n  ${wanted.join("\n  ")}\nreceived:\n  ${arrived.join("\n  ") || "(none)"}`,
      );
    if (problems.length) throw new Error(problems.join("\n"));
  });
}

function checkDelivery(options: {
  headers: IncomingHttpHeaders;
  body: string;
  secret: string;
  documented: Map<string, ContractWebhook>;
  context: SuiteContext;
}): { type: string; id: string; problems: string[] } {
  const { headers, body, secret } = options;
  const problems: string[] = [];
  const where = `webhook ${String(headers["webhook-id"])}`;
  if (!signatureMatches({ headers, body, secret }))
    problems.push(`${where}: webhook-signature does not match the secret`);
  const timestamp = Number(headers["webhook-timestamp"]);
  if (!(Math.abs(Date.now() / 1000 - timestamp) <= TOLERANCE_SECONDS))
    problems.push(`${where}: webhook-timestamp ${String(headers["webhook-timestamp"])} is not now`);
  let payload: { type?: unknown; data?: { id?: unknown } } = {};
  try {
    payload = JSON.parse(body) as typeof payload;
  } catch {
    problems.push(`${where}: the body is not JSON`);
  }
  const type = String(payload.type);
  const schema = options.documented.get(type)?.schema;
  const validate = schema === undefined ? undefined : options.context.suite.validators[schema];
  if (!validate) problems.push(`${where}: ${type} is no event the spec documents here`);
  for (const issue of validate?.(payload) ?? [])
    problems.push(`${where} (${type}): ${issue.pointer || "/"} ${issue.message}`);
  return { type, id: String(payload.data?.id), problems };
}
