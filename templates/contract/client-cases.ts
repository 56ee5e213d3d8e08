// The generated client's side of the contract: for property-based inputs, every request
// it makes is checked against the spec by client-check.ts, which shares no code with the
// client; values no single path segment can carry never reach the network.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkClientRequest, clientCall, type RecordedRequest } from "./client-check.js";
import type { ContractOperation } from "./types.js";

const PROPERTY_RUNS = { seed: 20261124, numRuns: 30 };
/** No UTF-8 path segment carries a lone surrogate: the client refuses them. */
const SURROGATE = /[\uD800-\uDFFF]/;
const TOKENS = {
  accessToken: "contract_access_token",
  customerSession: "contract_customer_session",
  memberSession: "contract_member_session",
};

export function describeClientRequests(suite: {
  operations: ContractOperation[];
  createClient: (options: Record<string, unknown>) => unknown;
}): void {
  describe("the generated client's requests keep to the spec", () => {
    for (const operation of suite.operations) {
      it(`${operation.id}: method, path, parameters and credentials`, async () => {
        const recorded: RecordedRequest[] = [];
        const client = suite.createClient({
          baseUrl: "https://contract.invalid",
          ...TOKENS,
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
              ? checkClientRequest({ operation, request, input, tokens: TOKENS })
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
