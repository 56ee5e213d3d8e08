// The contract suite: registers vitest tests for the operations polar-codegen found in
// the spec. Documented outcomes (destructive), negative cases, property-based inputs,
// and the generated client's requests checked independently against the spec.

import fc from "fast-check";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkClientRequest, clientCall, type RecordedRequest } from "./client-check.js";
import {
  expectConforms,
  failure,
  pathFor,
  send,
  UNDECLARED_ALLOWED,
  type SchemaValidators,
} from "./exchange.js";
import { fingerprintOf } from "./fingerprint.js";
import { openTarget, type InProcessFake, type Target } from "./target.js";
import type { ContractFixtures, ContractOperation } from "./types.js";

export interface ContractSuite {
  operations: ContractOperation[];
  /** Of the selected spec, recorded when the suite was generated. */
  fingerprint: string;
  /** openapi.json beside the generated folder. */
  specFile: URL;
  fixtures: ContractFixtures;
  productionUrls: string[];
  fake: InProcessFake;
  validators: SchemaValidators;
  createClient: (options: Record<string, unknown>) => unknown;
}

/** A valid UUID4 that no fixture uses: "unknown id" requests. */
const UNKNOWN_UUID = "0c4c1f5e-7f0a-4b7e-9d3a-c0ffee000404";
const PROPERTY_RUNS = { seed: 20261124, numRuns: 30 };
/** No UTF-8 path segment carries a lone surrogate: the client refuses them, so do the probes. */
const SURROGATE = /[\uD800-\uDFFF]/;

export function defineContractSuite(suite: ContractSuite): void {
  const byId = new Map(suite.operations.map((operation) => [operation.id, operation]));
  let target: Target;
  beforeAll(async () => {
    target = await openTarget({
      fake: suite.fake,
      defaultFixtures: suite.fixtures,
      productionUrls: suite.productionUrls,
    });
    const where = target.live ? target.baseUrl : `the generated fake (${target.baseUrl})`;
    console.log(
      `contract tests against ${where}; statuses allowed though undeclared: ${Object.entries(
        UNDECLARED_ALLOWED,
      )
        .map(([status, why]) => `${status} (${why})`)
        .join("; ")}`,
    );
  });
  afterAll(async () => target?.close());
  const tokenFor = (operation: ContractOperation) => {
    const access = operation.credentials.includes("accessToken");
    const token = access ? target.accessToken : target.customerSession;
    if (!token)
      throw new Error(
        `${operation.id} needs a credential: set ${access ? "POLAR_CONTRACT_ACCESS_TOKEN" : "POLAR_CONTRACT_CUSTOMER_SESSION"}`,
      );
    return token;
  };

  it("was generated from the spec beside it (openapi.json)", () => {
    const actual = fingerprintOf(JSON.parse(readFileSync(suite.specFile, "utf8")));
    if (actual !== suite.fingerprint) {
      throw new Error(
        `the spec changed since these contract tests were generated (fingerprint ${suite.fingerprint}, spec ${actual}): run polar-codegen to regenerate them`,
      );
    }
  });

  describeDocumentedOutcomes({ suite, byId, target: () => target, tokenFor });

  describe("negative cases", () => {
    for (const operation of suite.operations) {
      const values = Object.fromEntries(
        operation.pathParams.map((p) => [
          p.name,
          p.format?.startsWith("uuid") ? UNKNOWN_UUID : "contract-unknown-id",
        ]),
      );
      it(`${operation.id}: no credentials are refused (401 or 403), never served`, async () => {
        const exchange = await send({
          operation,
          baseUrl: target.baseUrl,
          target: pathFor({ operation, values }),
          token: undefined,
        });
        if (exchange.status !== 401 && exchange.status !== 403)
          throw failure({
            exchange,
            problems: [`status: expected 401 or 403, actual ${exchange.status}`],
          });
      });
      for (const parameter of operation.pathParams.filter((p) => p.format?.startsWith("uuid"))) {
        it(`${operation.id}: a malformed ${parameter.name} answers 422 at ["path","${parameter.name}"]`, async () => {
          const path = pathFor({
            operation,
            values: { ...values, [parameter.name]: "not-a-uuid" },
          });
          const exchange = await send({
            operation,
            baseUrl: target.baseUrl,
            target: path,
            token: tokenFor(operation),
          });
          expectConforms({ exchange, validators: suite.validators, status: [422] });
          expectLoc({ exchange, loc: ["path", parameter.name] });
        });
      }
      for (const parameter of operation.query.filter((p) => p.type === "boolean")) {
        it(`${operation.id}: ${parameter.name}=maybe answers 422 at ["query","${parameter.name}"]`, async () => {
          const path = `${pathFor({ operation, values })}?${parameter.name}=maybe`;
          const exchange = await send({
            operation,
            baseUrl: target.baseUrl,
            target: path,
            token: tokenFor(operation),
          });
          expectConforms({ exchange, validators: suite.validators, status: [422] });
          expectLoc({ exchange, loc: ["query", parameter.name] });
        });
      }
      it(`${operation.id}: an unknown id answers 404`, async () => {
        const exchange = await send({
          operation,
          baseUrl: target.baseUrl,
          target: pathFor({ operation, values }),
          token: tokenFor(operation),
        });
        expectConforms({ exchange, validators: suite.validators, status: [404] });
      });
    }
  });

  describe("property-based inputs: a documented status and a conforming body", () => {
    for (const operation of suite.operations) {
      it(`${operation.id}: any id`, async () => {
        await fc.assert(
          fc.asyncProperty(pathValues(operation), async (values) => {
            const exchange = await send({
              operation,
              baseUrl: target.baseUrl,
              target: pathFor({ operation, values }),
              token: tokenFor(operation),
            });
            expectConforms({ exchange, validators: suite.validators, status: [404, 422] });
          }),
          PROPERTY_RUNS,
        );
      });
    }
  });

  describe("the generated client's requests keep to the spec", () => {
    for (const operation of suite.operations) {
      it(`${operation.id}: method, path, parameters and credentials`, async () => {
        const recorded: RecordedRequest[] = [];
        const tokens = {
          accessToken: "contract_access_token",
          customerSession: "contract_customer_session",
          memberSession: "contract_member_session",
        };
        const client = suite.createClient({
          baseUrl: "https://contract.invalid",
          ...tokens,
          fetch: async (url: string, init: RequestInit) => {
            recorded.push({
              url,
              method: String(init.method),
              headers: init.headers as Record<string, string>,
            });
            return new Response(null, { status: 599 });
          },
        });
        await fc.assert(
          fc.asyncProperty(clientInput(operation), async (input) => {
            const before = recorded.length;
            await clientCall({ client, operation, input });
            const request = recorded[before];
            const problems = request
              ? checkClientRequest({ operation, request, input, tokens })
              : ["no request was made for a valid input"];
            expect(recorded.length - before, "one request per call").toBeLessThanOrEqual(1);
            if (problems.length)
              throw new Error(
                `${operation.id}: ${problems.join("; ")}\ninput: ${JSON.stringify(input)}`,
              );
          }),
          PROPERTY_RUNS,
        );
        // Values no single path segment can carry: refused before any request.
        for (const bad of ["", ".", "..", "%2e%2e", "a/b"]) {
          if (!operation.pathParams.length) break;
          const before = recorded.length;
          const input = Object.fromEntries(operation.pathParams.map((p) => [p.codeName, bad]));
          await clientCall({ client, operation, input });
          expect(
            recorded.length,
            `${operation.id} with ${JSON.stringify(bad)} reached the network`,
          ).toBe(before);
        }
      });
    }
  });
}

function describeDocumentedOutcomes(options: {
  suite: ContractSuite;
  byId: Map<string, ContractOperation>;
  target: () => Target;
  tokenFor: (operation: ContractOperation) => string | undefined;
}): void {
  const { suite, byId, tokenFor } = options;
  const live = Boolean(process.env.POLAR_CONTRACT_BASE_URL);
  if (live && process.env.POLAR_CONTRACT_ALLOW_DESTRUCTIVE !== "1") {
    console.log(
      "contract tests: destructive cases NOT run (a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1): only negative cases and unknown ids",
    );
    return;
  }
  const call = async (step: {
    id: string;
    values: Record<string, string>;
    status: number;
    error?: string;
  }) => {
    const operation = byId.get(step.id)!;
    const { baseUrl } = options.target();
    const exchange = await send({
      operation,
      baseUrl,
      target: pathFor({ operation, values: step.values }),
      token: tokenFor(operation),
    });
    expectConforms({ exchange, validators: suite.validators, status: [step.status] });
    const error = (exchange.body as { error?: unknown } | undefined)?.error;
    if (step.error && error !== step.error)
      throw failure({
        exchange,
        problems: [
          `/error: expected ${JSON.stringify(step.error)}, actual ${JSON.stringify(error)}`,
        ],
      });
  };
  const fixtures = () => {
    const {
      customers = [],
      subscriptions = [],
      customer_sessions = [],
    } = options.target().fixtures;
    const session = customer_sessions[0];
    const byExternal = customers.find(
      (customer) =>
        customer.external_id &&
        customer.id !== customers[0]?.id &&
        customer.id !== session?.customer_id,
    );
    const subscription = subscriptions.find((each) => each.customer_id === session?.customer_id);
    if (!customers[0] || !byExternal || !subscription)
      throw new Error(
        "contract fixtures need a customer, another with an external_id, and a subscription of the first customer session's customer",
      );
    return { customer: customers[0], byExternal, subscription };
  };
  describe("documented outcomes, in order (these delete and cancel)", () => {
    if (byId.has("customers:delete")) {
      it("customers:delete a customer: 204, no body", () =>
        call({ id: "customers:delete", values: { id: fixtures().customer.id }, status: 204 }));
      it("customers:delete it again: 404 ResourceNotFound", () =>
        call({
          id: "customers:delete",
          values: { id: fixtures().customer.id },
          status: 404,
          error: "ResourceNotFound",
        }));
    }
    if (byId.has("customers:delete_external")) {
      it("customers:delete_external by the customer's external id: 204", () =>
        call({
          id: "customers:delete_external",
          values: { external_id: fixtures().byExternal.external_id! },
          status: 204,
        }));
    }
    if (byId.has("customer_portal:subscriptions:cancel")) {
      it("customer_portal:subscriptions:cancel a subscription: 200 CustomerSubscription", () =>
        call({
          id: "customer_portal:subscriptions:cancel",
          values: { id: fixtures().subscription.id },
          status: 200,
        }));
      it("customer_portal:subscriptions:cancel it again: 403 AlreadyCanceledSubscription", () =>
        call({
          id: "customer_portal:subscriptions:cancel",
          values: { id: fixtures().subscription.id },
          status: 403,
          error: "AlreadyCanceledSubscription",
        }));
    }
  });
}

function expectLoc(options: { exchange: Awaited<ReturnType<typeof send>>; loc: string[] }): void {
  const detail = (options.exchange.body as { detail?: Array<{ loc?: unknown }> } | undefined)
    ?.detail;
  const found =
    Array.isArray(detail) &&
    detail.some((item) => JSON.stringify(item.loc) === JSON.stringify(options.loc));
  if (!found)
    throw failure({
      exchange: options.exchange,
      problems: [`/detail: expected an item with loc ${JSON.stringify(options.loc)}`],
    });
}

/** Path values: valid UUIDs no fixture uses, and any single-segment string. */
function pathValues(operation: ContractOperation): fc.Arbitrary<Record<string, string>> {
  const segment = fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((text) => !/^\.{1,2}$/.test(text) && !SURROGATE.test(text));
  return fc.record(
    Object.fromEntries(
      operation.pathParams.map((p) => [
        p.name,
        p.format?.startsWith("uuid")
          ? fc.oneof(fc.uuid({ version: 4 }), segment)
          : segment.map((text) => `contract-probe-${text}`),
      ]),
    ),
  );
}

function clientInput(operation: ContractOperation): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of operation.pathParams) {
    fields[p.codeName] = p.format?.startsWith("uuid")
      ? fc.uuid({ version: 4 })
      : fc
          .string({ minLength: 1 })
          .filter(
            (text) =>
              !/^(?:\.|%2e){1,2}$/i.test(text) &&
              !/[/\\]|%2f|%5c/i.test(text) &&
              !SURROGATE.test(text),
          );
  }
  for (const p of operation.query)
    if (p.type === "boolean") fields[p.codeName] = fc.option(fc.boolean(), { nil: undefined });
  return fc.record(fields, { requiredKeys: operation.pathParams.map((p) => p.codeName) });
}
