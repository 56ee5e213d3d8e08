// The generated client's side of the contract: for property-based inputs, every request
// it makes is checked against the spec by client-check.ts, which shares no code with the
// client; values no single path segment can carry never reach the network.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkClientRequest, clientCall, type RecordedRequest } from "./client-check.js";
import type { SchemaValidators } from "./exchange.js";
import { accepts, decode, setOwn, validInput, type ParameterChecks } from "./inputs.js";
import type { ContractOperation } from "./types.js";

const PROPERTY_RUNS = { seed: 20261124, numRuns: 30 };
/** No UTF-8 path segment carries a lone surrogate: the client refuses them. */
const SURROGATE = /[\uD800-\uDFFF]/;
/** Polar's credentials; a spec's other schemes get a token (or a user and password) each (`tokensFor`). */
const TOKENS: Record<string, unknown> = {
  accessToken: "contract_access_token",
  customerSession: "contract_customer_session",
  memberSession: "contract_member_session",
};

export function describeClientRequests(suite: {
  operations: ContractOperation[];
  createClient: (options: Record<string, unknown>) => unknown;
  parameters: ParameterChecks;
  validators: SchemaValidators;
}): void {
  if (suite.operations.length === 0) return;
  const tokens = tokensFor(suite.operations);
  describe("the generated client's requests keep to the spec", () => {
    for (const operation of suite.operations) {
      it(`${operation.id}: method, path, parameters and credentials`, async () => {
        const recorded: RecordedRequest[] = [];
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
          fc.asyncProperty(clientInput({ ...suite, operation }), async (input) => {
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
        await expectRefusedOffline({ client, operation, recorded });
      });
    }
  });
}

/** A credential for each the operations take, by the client option that carries it. */
function tokensFor(operations: ContractOperation[]): Record<string, unknown> {
  const tokens = { ...TOKENS };
  for (const { credential, via } of operations.flatMap((operation) => operation.security))
    if (!Object.hasOwn(tokens, credential))
      setOwn({
        record: tokens,
        key: credential,
        value:
          via === "basic"
            ? { username: "contract-user", password: "contract-password" }
            : `contract_token_${credential}`,
      });
  return tokens;
}

/** Values no single path segment can carry: refused before any request. */
async function expectRefusedOffline(options: {
  client: unknown;
  operation: ContractOperation;
  recorded: RecordedRequest[];
}): Promise<void> {
  const { client, operation, recorded } = options;
  if (!operation.pathParams.length) return;
  for (const bad of ["", ".", "..", "%2e%2e", "a/b"]) {
    const before = recorded.length;
    const input = Object.fromEntries(operation.pathParams.map((p) => [p.codeName, bad]));
    await clientCall({ client, operation, input });
    expect(recorded.length, `${operation.id} with ${JSON.stringify(bad)} reached the network`).toBe(
      before,
    );
  }
}

/**
 * Path values of any kind a segment carries; query and header values among the samples
 * the parameter's schema accepts (booleans either way), the optional ones sometimes
 * left out; the body the suite's valid requests send.
 */
function clientInput(options: {
  operation: ContractOperation;
  parameters: ParameterChecks;
  validators: SchemaValidators;
}): fc.Arbitrary<Record<string, unknown>> {
  const { operation, parameters: checks } = options;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const required = operation.pathParams.map((p) => p.codeName);
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
  const others = [
    ...operation.query.map((parameter) => ({ at: "query" as const, parameter })),
    ...operation.headers.map((parameter) => ({ at: "header" as const, parameter })),
  ];
  for (const { at, parameter } of others) {
    // Arrays and unions: their wire form is the client's to choose.
    if (parameter.type === "other") continue;
    const valid = parameter.samples
      .filter((text) => accepts({ checks, operation, at, parameter, text }) !== false)
      .map((text) => decode({ parameter, text }));
    const values =
      parameter.type === "boolean"
        ? fc.boolean()
        : valid.length
          ? fc.constantFrom(...valid)
          : undefined;
    if (!values) continue;
    fields[parameter.codeName] = parameter.required
      ? values
      : fc.option(values, { nil: undefined });
    if (parameter.required) required.push(parameter.codeName);
  }
  const body = validInput({ ...options, checks }).input.body;
  if (body) {
    fields["body"] = fc.constant(body.value);
    required.push("body");
  }
  return fc.record(fields, { requiredKeys: required });
}
