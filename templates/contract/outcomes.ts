// Every documented outcome, reached in order from the fixtures: delete a customer by id
// (204), again (404), delete another by external id with anonymize=true (204), again
// (404), cancel a subscription (200, a body that says it ends with the period, not at
// once), cancel it again (403); then what the server's state says, where it can be read
// (the in-process fake, or POLAR_CONTRACT_STATE_URL); last, a bystander no step named is
// still there to delete. These destroy data: against a live server they run only when
// the plan allows, and otherwise the output names each case not run and why. Only for
// Polar's operations whose behaviour the suite knows (`modelled`).

import { describe, it } from "vitest";
import { expectConforms, failure, pathFor, send, type Exchange } from "./exchange.js";
import { describeStateChecks, recordsOf, type Records } from "./state.js";
import type { SuiteContext } from "./suite.js";
import type { ContractOperation } from "./types.js";

interface Step {
  name: string;
  id: string;
  values: (records: Records) => Record<string, string>;
  /** The query string sent, when the operation has the parameter (`anonymize=true`). */
  query?: string;
  status: number;
  error?: string;
  /** What the body must say beyond its schema. */
  semantics?: (options: { exchange: Exchange; values: Record<string, string> }) => string[];
}

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
    name: "customers:delete_external by the customer's external id, anonymize=true: 204",
    id: "customers:delete_external",
    values: (r) => ({ external_id: r.byExternal.external_id! }),
    query: "anonymize",
    status: 204,
  },
  {
    name: "customers:delete_external it again: 404 ResourceNotFound",
    id: "customers:delete_external",
    values: (r) => ({ external_id: r.byExternal.external_id! }),
    status: 404,
    error: "ResourceNotFound",
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

/** After the state checks: the bystander's record, which no step named, is still there to delete. */
const BYSTANDER: Step = {
  name: "customers:delete_external of a bystander no step named: 204 (it survived the others)",
  id: "customers:delete_external",
  values: (r) => ({ external_id: r.bystander.external_id! }),
  status: 204,
};

export function describeDocumentedOutcomes(context: SuiteContext): void {
  const modelled = context.suite.operations.filter((operation) => operation.modelled);
  const byId = new Map(modelled.map((operation) => [operation.id, operation]));
  const steps = STEPS.filter((step) => byId.has(step.id));
  if (steps.length === 0) return;
  const { plan } = context;
  if (!plan.destructive) {
    const all = byId.has(BYSTANDER.id) ? [...steps, BYSTANDER] : steps;
    const names = all.map((step) => `"${step.name}"`).join(", ");
    console.log(
      `contract tests: destructive cases NOT run (${plan.live ? plan.destructiveOff : ""}): ${names}. Only the negative cases, unknown ids, property-based inputs and the client's requests ran.`,
    );
    return;
  }
  describe("documented outcomes, in order (these delete and cancel)", () => {
    for (const step of steps)
      it(step.name, () => run({ context, step, operation: byId.get(step.id)! }));
    describeStateChecks({ context, operations: [...byId.values()] });
    if (byId.has(BYSTANDER.id))
      it(BYSTANDER.name, () =>
        run({ context, step: BYSTANDER, operation: byId.get(BYSTANDER.id)! }),
      );
  });
}

async function run(options: {
  context: SuiteContext;
  step: Step;
  operation: ContractOperation;
}): Promise<void> {
  const { context, step, operation } = options;
  const values = step.values(recordsOf(context.target().fixtures));
  const query = operation.query.some((parameter) => parameter.name === step.query)
    ? `?${step.query}=true`
    : "";
  const exchange = await send({
    operation,
    baseUrl: context.target().baseUrl,
    target: pathFor({ operation, values }) + query,
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

/**
 * Cancelled as documented: the subscription asked for, set to cancel at the period's
 * end, the time recorded; still running (not `canceled`, no `ended_at`), ending when the
 * period does.
 */
function cancelled(options: { exchange: Exchange; values: Record<string, string> }): string[] {
  const { exchange } = options;
  const has = new Set(exchange.operation.responses[String(exchange.status)]?.properties ?? []);
  const body = (exchange.body ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const expect = (field: string, ok: boolean, expected: string) => {
    if (has.has(field) && !ok)
      problems.push(`/${field}: expected ${expected}, actual ${JSON.stringify(body[field])}`);
  };
  expect(
    "id",
    body["id"] === options.values["id"],
    `the subscription cancelled, ${JSON.stringify(options.values["id"])}`,
  );
  expect("cancel_at_period_end", body["cancel_at_period_end"] === true, "true once cancelled");
  expect(
    "canceled_at",
    typeof body["canceled_at"] === "string" && body["canceled_at"] !== "",
    "the time of the cancellation",
  );
  expect("status", body["status"] !== "canceled", "a status that still runs until the period ends");
  expect("ended_at", body["ended_at"] == null, "null: it ends with the period, not at once");
  if (has.has("current_period_end"))
    expect(
      "ends_at",
      body["ends_at"] === body["current_period_end"],
      `the end of the period, ${JSON.stringify(body["current_period_end"])}`,
    );
  return problems;
}
