// Cases that destroy nothing: no credentials, a credential of the wrong kind (a customer
// session on an organization's endpoint, an organization token on the portal; sent for
// an unknown id, so a server that wrongly serves it deletes nothing), ids the parameter's schema refuses (each
// decided by the generated parameter validator, not a pattern of the suite's own), a
// boolean that is not one, an unknown id; then property-based ids, each of which must
// be answered 422 when its schema refuses it and 404 when it is valid but unknown.
// Polar's behaviour: only for the operations whose behaviour the suite knows (`modelled`).

import fc from "fast-check";
import { describe, it } from "vitest";
import { expectConforms, failure, pathFor, send, type Exchange } from "./exchange.js";
import type { SuiteContext } from "./suite.js";
import type { ContractOperation, ContractParameter } from "./types.js";

/** A valid UUID4 that no fixture uses: "unknown id" requests. */
const UNKNOWN_UUID = "0c4c1f5e-7f0a-4b7e-9d3a-c0ffee000404";
const PROPERTY_RUNS = { seed: 20261124, numRuns: 30 };
/** No UTF-8 path segment carries a lone surrogate: the client refuses them, so do the probes. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Ids a path parameter's schema may refuse; each is a negative case only if the generated validator refuses it. */
const MALFORMED_IDS: Array<[string, string]> = [
  ["not a UUID", "not-a-uuid"],
  ["a UUID of version 1", "6a8f7a58-6a8e-11ee-9b1e-0f7c1d2e3a4b"],
  ["a UUID of version 7", "01890a5d-ac96-774b-bcce-b302099a8057"],
  ["the nil UUID", "00000000-0000-0000-0000-000000000000"],
  ["a version-4 UUID of the wrong variant", "6a8f7a58-6a8e-4d3c-cb1e-0f7c1d2e3a4b"],
];

export function describeNegativeCases(context: SuiteContext): void {
  const request = (operation: ContractOperation, path: string, withCredential = true) =>
    send({
      operation,
      baseUrl: context.target().baseUrl,
      target: path,
      credential: withCredential ? context.credential(operation) : undefined,
    });
  const { validators } = context.suite;
  const operations = context.suite.operations.filter((operation) => operation.modelled);
  if (operations.length === 0) return;
  describe("negative cases", () => {
    for (const operation of operations) {
      const values = unknownValues(operation);
      it(`${operation.id}: no credentials are refused (401 or 403), never served`, async () => {
        const exchange = await request(operation, pathFor({ operation, values }), false);
        if (exchange.status !== 401 && exchange.status !== 403)
          throw failure({
            exchange,
            problems: [`status: expected 401 or 403, actual ${exchange.status}`],
          });
      });
      for (const wrong of wrongKinds(operation)) {
        it(`${operation.id}: ${wrong.what} is refused (401), never served`, async () => {
          const exchange = await send({
            operation,
            baseUrl: context.target().baseUrl,
            target: pathFor({ operation, values }),
            credential: context.credentialOfKind(wrong.kind),
          });
          if (exchange.status !== 401)
            throw failure({
              exchange,
              problems: [`status: expected 401, actual ${exchange.status}`],
            });
        });
      }
      for (const parameter of operation.pathParams) {
        const refuses = (value: string) => invalid({ context, operation, parameter, value });
        for (const [what, value] of MALFORMED_IDS.filter(([, value]) => refuses(value))) {
          it(`${operation.id}: ${parameter.name} ${what} (${value}) answers 422 at ["path","${parameter.name}"]`, async () => {
            const exchange = await request(
              operation,
              pathFor({ operation, values: { ...values, [parameter.name]: value } }),
            );
            expectConforms({ exchange, validators, status: [422] });
            expectLoc({ exchange, loc: ["path", parameter.name] });
          });
        }
      }
      for (const parameter of operation.query.filter((p) => p.type === "boolean")) {
        it(`${operation.id}: ${parameter.name}=maybe answers 422 at ["query","${parameter.name}"]`, async () => {
          const exchange = await request(
            operation,
            `${pathFor({ operation, values })}?${parameter.name}=maybe`,
          );
          expectConforms({ exchange, validators, status: [422] });
          expectLoc({ exchange, loc: ["query", parameter.name] });
        });
      }
      it(`${operation.id}: an unknown id answers 404`, async () => {
        const exchange = await request(operation, pathFor({ operation, values }));
        expectConforms({ exchange, validators, status: [404] });
      });
    }
  });
}

export function describePropertyInputs(context: SuiteContext): void {
  const operations = context.suite.operations.filter((operation) => operation.modelled);
  if (operations.length === 0) return;
  describe("property-based ids: 422 when the schema refuses one, 404 when it is valid but unknown", () => {
    for (const operation of operations) {
      it(`${operation.id}: any id`, async () => {
        await fc.assert(
          fc.asyncProperty(pathValues(operation), async (values) => {
            const refused = operation.pathParams.some((parameter) =>
              invalid({ context, operation, parameter, value: values[parameter.name]! }),
            );
            const exchange = await send({
              operation,
              baseUrl: context.target().baseUrl,
              target: pathFor({ operation, values }),
              credential: context.credential(operation),
            });
            expectConforms({
              exchange,
              validators: context.suite.validators,
              status: [refused ? 422 : 404],
            });
          }),
          PROPERTY_RUNS,
        );
      });
    }
  });
}

/** Does the generated validator of this path parameter refuse the value? */
function invalid(options: {
  context: SuiteContext;
  operation: ContractOperation;
  parameter: ContractParameter;
  value: string;
}): boolean {
  const check =
    options.context.suite.parameters[options.operation.id]?.[`path.${options.parameter.name}`];
  return check !== undefined && check(options.value).length > 0;
}

/** Credentials Polar takes for other operations but not this one: each must be 401 here. */
function wrongKinds(
  operation: ContractOperation,
): Array<{ kind: "accessToken" | "customerSession"; what: string }> {
  const wrong: Array<{ kind: "accessToken" | "customerSession"; what: string }> = [];
  if (!operation.credentials.includes("customerSession"))
    wrong.push({ kind: "customerSession", what: "a customer session" });
  if (!operation.credentials.includes("accessToken"))
    wrong.push({ kind: "accessToken", what: "an organization access token" });
  return wrong;
}

function unknownValues(operation: ContractOperation): Record<string, string> {
  return Object.fromEntries(
    operation.pathParams.map((p) => [
      p.name,
      p.format?.startsWith("uuid") ? UNKNOWN_UUID : "contract-unknown-id",
    ]),
  );
}

function expectLoc(options: { exchange: Exchange; loc: string[] }): void {
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

/**
 * Path values: UUIDs of version 4 and of any version, and any string one path segment
 * carries (no `/` or `\`, which split a path, nor a dot segment) for a UUID parameter;
 * prefixed strings for others, so none names a fixture.
 */
function pathValues(operation: ContractOperation): fc.Arbitrary<Record<string, string>> {
  const segment = fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((text) => !/^\.{1,2}$/.test(text) && !/[/\\]/.test(text) && !SURROGATE.test(text));
  return fc.record(
    Object.fromEntries(
      operation.pathParams.map((p) => [
        p.name,
        p.format?.startsWith("uuid")
          ? fc.oneof(fc.uuid({ version: 4 }), fc.uuid(), segment)
          : segment.map((text) => `contract-probe-${text}`),
      ]),
    ),
  );
}
