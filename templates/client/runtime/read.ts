// Reading a response into a result: documented statuses get their typed variant, the
// rest get a variant of their own with the raw body, so nothing is ever lost.

import type { OperationInfo, Validator, Validators } from "./options.js";
import type { AnyResult } from "./result.js";

export type Outcome = AnyResult & Record<string, unknown>;
import { retryAfterMs } from "./retry-after.js";

export async function read(options: {
  response: Response;
  attempts: number;
  operation: OperationInfo;
  validators?: Validators | undefined;
}): Promise<Outcome> {
  const { response, attempts, validators } = options;
  const { status, headers } = response;
  const documented = options.operation.responses[status];
  const result: Outcome = { kind: status < 300 ? "success" : "error", status, headers, attempts };
  const field = status < 300 ? "data" : "error";
  if (documented === 0) return ((result[field] = undefined), result);
  const body = await response.text();
  if (status === 429)
    return {
      kind: "rate-limited",
      status,
      headers,
      attempts,
      body,
      retryAfterMs: retryAfterMs(headers),
    };
  if (documented === undefined)
    return { kind: "unexpected-status", status, headers, attempts, body };
  let value: unknown = body;
  if (documented !== 2) {
    try {
      value = JSON.parse(body);
    } catch {
      return { kind: "invalid-body", status, headers, attempts, body };
    }
  }
  result[field] = value;
  const validator =
    typeof documented === "string" &&
    validators &&
    (
      ("validators" in validators ? validators.validators : validators) as Record<string, Validator>
    )[documented];
  try {
    const issues = validator ? validator(value) : [];
    if (issues.length) result.issues = issues;
  } catch (cause) {
    // A validator that fails must not hide a response, least of all a mutation's.
    result.issues = [{ pointer: "", keyword: "validator", message: String(cause) }];
  }
  return result;
}
