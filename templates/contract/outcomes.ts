// Every documented outcome, reached in order from the fixtures: delete a customer by id
// (204), again (404), delete another by external id (204), cancel a subscription (200,
// a body that says it is cancelled), cancel it again (403). These destroy data: against
// a live server they run only when the plan allows, and otherwise the output names each
// case not run and why.

import { describe, it } from "vitest";
import { expectConforms, failure, pathFor, send, type Exchange } from "./exchange.js";
import type { SuiteContext } from "./suite.js";
import type { ContractFixtures, ContractOperation } from "./types.js";

interface Step {
  name: string;
  id: string;
  values: (records: Records) => Record<string, string>;
  status: number;
  error?: string;
  /** What the body must say beyond its schema. */
  semantics?: (options: { exchange: Exchange; values: Record<string, string> }) => string[];
}

type Records = ReturnType<typeof recordsOf>;

const CANCEL = "customer_portal:subscriptions:cancel";
const STEPS: Step[] = [
  {
    name: "customers:delete a customer: 204, no body",
    id: "customers:delete",
    values: (r) => ({ id: r.customer.id }),
    status: 204,
  },
  {
    name: "customers:delete it again: 404 ResourceNotFound",
    id: "customers:delete",
    values: (r) => ({ id: r.customer.id }),
    status: 404,
    error: "ResourceNotFound",
  },
  {
    name: "customers:delete_external by the customer's external id: 204",
    id: "customers:delete_external",
    values: (r) => ({ external_id: r.byExternal.external_id! }),
    status: 204,
  },
  {
    name: `${CANCEL} a subscription: 200 CustomerSubscription, cancelled at the period's end`,
    id: CANCEL,
    values: (r) => ({ id: r.subscription.id }),
    status: 200,
    semantics: cancelled,
  },
  {
    name: `${CANCEL} it again: 403 AlreadyCanceledSubscription`,
    id: CANCEL,
    values: (r) => ({ id: r.subscription.id }),
    status: 403,
    error: "AlreadyCanceledSubscription",
  },
];

export function describeDocumentedOutcomes(context: SuiteContext): void {
  const byId = new Map(context.suite.operations.map((operation) => [operation.id, operation]));
  const steps = STEPS.filter((step) => byId.has(step.id));
  const { plan } = context;
  if (!plan.destructive) {
    const names = steps.map((step) => `"${step.name}"`).join(", ");
    console.log(
      `contract tests: destructive cases NOT run (${plan.live ? plan.destructiveOff : ""}): ${names}. Only the negative cases, unknown ids, property-based inputs and the client's requests ran.`,
    );
    return;
  }
  describe("documented outcomes, in order (these delete and cancel)", () => {
    for (const step of steps)
      it(step.name, () => run({ context, step, operation: byId.get(step.id)! }));
  });
}

async function run(options: {
  context: SuiteContext;
  step: Step;
  operation: ContractOperation;
}): Promise<void> {
  const { context, step, operation } = options;
  const values = step.values(recordsOf(context.target().fixtures));
  const exchange = await send({
    operation,
    baseUrl: context.target().baseUrl,
    target: pathFor({ operation, values }),
    credential: context.credential(operation),
  });
  expectConforms({ exchange, validators: context.suite.validators, status: [step.status] });
  const error = (exchange.body as { error?: unknown } | undefined)?.error;
  const problems =
    step.error && error !== step.error
      ? [`/error: expected ${JSON.stringify(step.error)}, actual ${JSON.stringify(error)}`]
      : [];
  problems.push(...(step.semantics?.({ exchange, values }) ?? []));
  if (problems.length) throw failure({ exchange, problems });
}

/** Cancelled as documented: the subscription asked for, set to cancel at the period's end, the time recorded. */
function cancelled(options: { exchange: Exchange; values: Record<string, string> }): string[] {
  const { exchange } = options;
  const has = new Set(exchange.operation.responses[String(exchange.status)]?.properties ?? []);
  const body = (exchange.body ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (has.has("id") && body["id"] !== options.values["id"])
    problems.push(
      `/id: expected the subscription cancelled, ${JSON.stringify(options.values["id"])}, actual ${JSON.stringify(body["id"])}`,
    );
  if (has.has("cancel_at_period_end") && body["cancel_at_period_end"] !== true)
    problems.push(
      `/cancel_at_period_end: expected true once cancelled, actual ${JSON.stringify(body["cancel_at_period_end"])}`,
    );
  if (
    has.has("canceled_at") &&
    (typeof body["canceled_at"] !== "string" || body["canceled_at"] === "")
  )
    problems.push(
      `/canceled_at: expected the time of the cancellation, actual ${JSON.stringify(body["canceled_at"])}`,
    );
  return problems;
}

/** The records the steps use: a customer, another with an external id, a subscription of the session's customer. */
function recordsOf(fixtures: ContractFixtures) {
  const { customers = [], subscriptions = [], customer_sessions = [] } = fixtures;
  const session = customer_sessions[0];
  const customer = customers[0];
  const byExternal = customers.find(
    (each) => each.external_id && each.id !== customer?.id && each.id !== session?.customer_id,
  );
  const subscription = subscriptions.find((each) => each.customer_id === session?.customer_id);
  if (!customer || !byExternal || !subscription)
    throw new Error(
      "contract fixtures need a customer, another with an external_id, and a subscription of the first customer session's customer",
    );
  return { customer, byExternal, subscription };
}
