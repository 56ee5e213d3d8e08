// Building the request URL. The one rule: every path parameter becomes exactly one
// path segment that decodes back to the value given, or no request is sent at all.
// URL parsers collapse `.` and `..` segments (and `%2e` forms of them), which is how
// other clients turn "delete the customer with external id `..`" into
// `DELETE /v1/customers/`.

import type { OperationInfo } from "./options.js";

/** A dot segment, raw or percent-encoded any number of times (`.`, `..`, `%2e`, `.%252E`). */
const DOT_SEGMENT = /^(?:\.|%(?:25)*2e){1,2}$/i;
/**
 * A slash or backslash, raw or encoded: a server routes on the decoded path, and a
 * proxy that decodes and normalises could send the rest to another endpoint.
 */
const SEPARATOR = /[/\\]|%(?:25)*(?:2f|5c)/i;
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/** Refuses the request; `send` turns the error into an `invalid-request` result. */
export function refuse(message: string): never {
  throw new Error(message);
}

/** Base URLs already checked, raw → normalised: parsing one per call costs more than the rest of the call. */
const checkedBases = new Map<string, string>();

/** `https://host/prefix` from a base URL: http(s) only, no query, no fragment, no trailing slash. */
export function baseOf(url: string): string {
  let base = checkedBases.get(url);
  if (base === undefined) {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol) || /[?#]/.test(url))
      refuse("baseUrl: http(s) only, no query or fragment");
    base = parsed.href.replace(/\/+$/, "");
    if (checkedBases.size > 15) checkedBases.clear();
    checkedBases.set(url, base);
  }
  return base;
}

/** The path with its parameters encoded, then the query string of the parameters given. */
export function pathAndQuery(options: { operation: OperationInfo; input: object }): string {
  const { operation } = options;
  const input = options.input as Record<string, unknown>;
  const { path } = operation;
  let url = path[0]!;
  for (let index = 1; index < path.length; index += 2) {
    const part = path[index]!;
    const value = input[part];
    if (typeof value !== "string" || !value || DOT_SEGMENT.test(value) || SEPARATOR.test(value)) {
      refuse(`${part}: not a single path segment`);
    }
    if (operation.uuids?.includes(part) && !UUID.test(value)) refuse(`${part}: not a UUID`);
    // Throws on lone surrogates, which no UTF-8 segment decodes back to.
    url += encodeURIComponent(value) + path[index + 1];
  }
  let separator = "?";
  for (const name in operation.query) {
    const value = input[operation.query[name]!];
    if (value === undefined) continue;
    if (!/^(?:boolean|number|string)$/.test(typeof value)) refuse(`${name}: unsupported value`);
    url += `${separator}${name}=${encodeURIComponent(String(value))}`;
    separator = "&";
  }
  return url;
}
