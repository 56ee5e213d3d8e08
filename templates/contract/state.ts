// What the documented outcomes must leave behind, read from the server's state where it
// can be read: the in-process fake's `state()`, or a live server's at
// POLAR_CONTRACT_STATE_URL (JSON in the fake's state format; a test double can offer
// one, Polar cannot). Over the wire, a delete answers 204 whether or not it anonymised
// the customer or spared its neighbours; only the state tells.

import { it } from "vitest";
import type { SuiteContext } from "./suite.js";
import type { ContractFixtures, ContractOperation } from "./types.js";

export type Records = ReturnType<typeof recordsOf>;
type Row = Record<string, unknown>;

/** The records the steps use: a customer, another with an external id, a subscription of the session's customer, and a bystander no step names. */
export function recordsOf(fixtures: ContractFixtures) {
  const { customers = [], subscriptions = [], customer_sessions = [] } = fixtures;
  const session = customer_sessions[0];
  const customer = customers[0];
  const others = customers.filter(
    (each) => each.external_id && each.id !== customer?.id && each.id !== session?.customer_id,
  );
  const [byExternal, bystander] = others;
  const subscription = subscriptions.find((each) => each.customer_id === session?.customer_id);
  if (!customer || !byExternal || !bystander || !subscription)
    throw new Error(
      "contract fixtures need a customer, two more with an external_id (one deleted by it, one a bystander), and a subscription of the first customer session's customer",
    );
  return { customer, byExternal, bystander, subscription, subscriptions };
}

interface Check {
  name: string;
  /** The operation whose outcome it checks. */
  needs: string;
  /** A query parameter that operation must have for the check to apply. */
  query?: string;
  problems: (options: {
    records: Records;
    state: { customers: Row[]; subscriptions: Row[] };
  }) => string[];
}

const ANONYMIZED = /^[\da-f]{64}@anonymized\.polar\.sh$/;

const CHECKS: Check[] = [
  {
    name: "state: the customer deleted by id is marked deleted, its external id moved to metadata.__external_id",
    needs: "customers:delete",
    problems: ({ records, state }) => {
      const row = find(state.customers, records.customer.id);
      const external = records.customer.external_id;
      return [
        ...expect(
          row,
          "deleted_at",
          typeof row?.["deleted_at"] === "string",
          "the time of the deletion",
        ),
        ...expect(row, "external_id", row?.["external_id"] == null, "null (freed for reuse)"),
        ...(external
          ? expect(
              row,
              "metadata",
              metadataOf(row)["__external_id"] === external,
              `{"__external_id":${JSON.stringify(external)}}`,
            )
          : []),
      ];
    },
  },
  {
    name: "state: the deleted customer's billable subscriptions are revoked at once",
    needs: "customers:delete",
    problems: ({ records, state }) => {
      const billable = records.subscriptions.filter(
        (each) =>
          each.customer_id === records.customer.id &&
          ["active", "trialing", "past_due"].includes(String(each["status"] ?? "active")),
      );
      if (billable.length === 0)
        return [
          "contract fixtures: no billable subscription of the customer deleted by id to check",
        ];
      return billable.flatMap((each) => {
        const row = find(state.subscriptions, each.id);
        return [
          ...expect(row, "status", row?.["status"] === "canceled", '"canceled"'),
          ...expect(
            row,
            "ended_at",
            typeof row?.["ended_at"] === "string",
            "the time of the deletion",
          ),
        ];
      });
    },
  },
  {
    name: "state: the customer deleted with anonymize=true is anonymised (hashed email at anonymized.polar.sh, metadata.__anonymized_at)",
    needs: "customers:delete_external",
    query: "anonymize",
    problems: ({ records, state }) => {
      const row = find(state.customers, records.byExternal.id);
      return [
        ...expect(
          row,
          "email",
          typeof row?.["email"] === "string" && ANONYMIZED.test(row["email"]),
          "64 hex digits @anonymized.polar.sh",
        ),
        ...expect(
          row,
          "metadata",
          typeof metadataOf(row)["__anonymized_at"] === "string",
          "__anonymized_at set",
        ),
      ];
    },
  },
  {
    name: "state: the bystander no step named is intact",
    needs: "customers:delete_external",
    problems: ({ records, state }) => {
      const row = find(state.customers, records.bystander.id);
      if (!row) return [`customers: no ${records.bystander.id} any more`];
      return [
        ...expect(row, "deleted_at", row["deleted_at"] == null, "null"),
        ...Object.entries(records.bystander).flatMap(([field, value]) =>
          expect(
            row,
            field,
            JSON.stringify(row[field]) === JSON.stringify(value),
            JSON.stringify(value),
          ),
        ),
      ];
    },
  },
];

export function describeStateChecks(options: {
  context: SuiteContext;
  operations: ContractOperation[];
}): void {
  const { context } = options;
  const checks = CHECKS.filter((check) =>
    options.operations.some(
      (operation) =>
        operation.id === check.needs &&
        (check.query === undefined || operation.query.some((each) => each.name === check.query)),
    ),
  );
  if (context.plan.live && !context.plan.stateUrl) {
    console.log(
      `contract tests: state checks NOT run (a live server without POLAR_CONTRACT_STATE_URL): ${checks.map((check) => `"${check.name}"`).join(", ")}`,
    );
    return;
  }
  for (const check of checks)
    it(check.name, async () => {
      const state = (await context.target().state()) as { customers: Row[]; subscriptions: Row[] };
      const problems = check.problems({ records: recordsOf(context.target().fixtures), state });
      if (problems.length)
        throw new Error([check.name, ...problems.map((line) => `  - ${line}`)].join("\n"));
    });
}

function find(rows: Row[] | undefined, id: string): Row | undefined {
  return rows?.find((row) => row["id"] === id);
}

function metadataOf(row: Row | undefined): Row {
  const metadata = row?.["metadata"];
  return typeof metadata === "object" && metadata !== null ? (metadata as Row) : {};
}

function expect(row: Row | undefined, field: string, ok: boolean, expected: string): string[] {
  return ok
    ? []
    : [`/${field}: expected ${expected}, actual ${JSON.stringify(row?.[field])?.slice(0, 120)}`];
}
