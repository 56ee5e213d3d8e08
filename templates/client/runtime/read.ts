// Reading a response into a result: documented statuses get their typed variant when the
// body is the documented one, the rest get a variant of their own with the raw body, so
// nothing is ever lost. A 2xx is a success whatever its body: the mutation happened.

import type { AnyResult } from "./result.js";
import type { Call } from "./send.js";

export type Outcome = AnyResult & Record<string, unknown>;

export async function read(options: { call: Call; response: Response }): Promise<Outcome> {
  const { call, response } = options;
  const { status, headers } = response;
  const { operation } = call;
  const documented = operation.responses[status];
  const ok = status < 300;
  const field = ok ? "data" : "error";
  const result: Outcome = { kind: ok ? "success" : "error", status, headers, attempts: call.sent };
  if (documented === 0) return ((result[field] = undefined), result);
  // A binary body is read as a `Blob` (every fetch runtime has one), never as text.
  const body = (result["body"] = await (documented === 3 ? response.blob() : response.text()));
  if (status === 429) {
    // The parser lives with the retry policy, loaded on first use.
    const retry = await import("./retry.js").catch(() => undefined);
    return { ...result, kind: "rate-limited", retryAfterMs: retry?.retryAfterMs(headers) };
  }
  if (documented === undefined) return { ...result, kind: "unexpected-status" };
  let value: unknown;
  try {
    // 2 text and 3 binary are the body as it is; the rest is JSON.
    value = (documented as number) > 1 ? body : JSON.parse(body as string);
    const validator = typeof documented === "string" && call.validators?.[documented];
    const issues = validator ? validator(value) : [];
    if (issues.length) result["issues"] = issues;
  } catch (cause) {
    // A body that is not JSON, or a validator that fails, must not hide a success.
    if (!ok && value === undefined) return { ...result, kind: "invalid-body" };
    result["issues"] = [
      { pointer: "", keyword: value === undefined ? "json" : "validator", message: String(cause) },
    ];
  }
  const constants = (!ok && call.spec.constants?.[documented]) as Record<string, unknown>;
  for (const name in constants)
    if ((value as Record<string, unknown> | null)?.[name] !== constants[name])
      return { ...result, kind: "invalid-body" };
  return ((result[field] = value), result);
}
