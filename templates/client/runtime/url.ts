// Building the request URL. The one rule: every path parameter becomes exactly one
// path segment that decodes back to the value given, or no request is sent at all.
// URL parsers collapse `.` and `..` segments (and `%2e` forms of them), which is how
// other clients turn "delete the customer with external id `..`" into
// `DELETE /v1/customers/`.

import type { Call } from "./send.js";

/** A dot segment, raw or percent-encoded any number of times (`.`, `..`, `%2e`, `.%252E`). */
const DOT_SEGMENT = /^(?:\.|%(?:25)*2e){1,2}$/i;
/**
 * A slash or backslash, raw or encoded: a server routes on the decoded path, and a
 * proxy that decodes and normalises could send the rest to another endpoint.
 */
const SEPARATOR = /[/\\]|%(?:25)*(?:2f|5c)/i;
const UUID = /^[\da-f]{8}-(?:[\da-f]{4}-){3}[\da-f]{12}$/i;
/** `uuid4`: version 4 and the RFC 4122 variant, as pydantic's UUID4 requires. */
const VERSION_4 = /^.{14}4.{4}[89ab]/i;

/** Refuses the request; `send` turns the error into an `invalid-request` result. */
export function refuse(message: string): never {
  throw new Error(message);
}

/**
 * The base URL checked last, raw and normalised: parsing one per call costs more than the
 * rest of the call. One, not a map: the code of a map's bookkeeping is in every bundle.
 */
let checked: [raw: string, base: string] | undefined;

/** `https://host/prefix` from a base URL: http(s) only, no user:password, query, fragment or trailing slash. */
export function baseOf(url: string): string {
  if (checked?.[0] !== url) {
    const parsed = new URL(url);
    // Anything but origin and path is refused: a query, a fragment, and user:password
    // (which fetch refuses, so each attempt would fail as a network error).
    if (!/^https?:$/.test(parsed.protocol) || parsed.href !== parsed.origin + parsed.pathname)
      refuse("baseUrl: not an http(s) origin and path");
    checked = [url, parsed.href.replace(/\/+$/, "")];
  }
  return checked[1];
}

/** The path with its parameters encoded, then the query string of the parameters given. */
export function pathAndQuery(call: Call): string {
  const { operation } = call;
  const input = call.input as Record<string, unknown>;
  const { path } = operation;
  let url = path[0]!;
  for (let index = 1; index < path.length; index += 2) {
    const part = path[index]!;
    let value = ownValue(input, part);
    // A number parameter's digits (NaN excluded) are one safe segment.
    if (value === +(value as number)) value = `${value}`;
    if (typeof value !== "string") refuse(`${part}: not one path segment`);
    const format = ownValue(operation.uuids, part) as "uuid" | "uuid4" | undefined;
    if (format) {
      // Hex digits and dashes: one safe segment, nothing more to check.
      if (!(UUID.test(value) && (format === "uuid" || VERSION_4.test(value))))
        refuse(`${part}: not a ${format}`);
    } else {
      // NFKC too: a server that normalises would read `．．` as `..` and `／` as `/`.
      const normal = value.normalize("NFKC");
      if (
        !value ||
        DOT_SEGMENT.test(value) ||
        DOT_SEGMENT.test(normal) ||
        SEPARATOR.test(value + normal)
      )
        refuse(`${part}: not one path segment`);
    }
    // Throws on lone surrogates, which no UTF-8 segment decodes back to.
    url += encodeURIComponent(value) + path[index + 1];
  }
  // Each parameter's pairs start with `&`; the first becomes `?`.
  let query = "";
  for (const name in operation.query) {
    const [field, types, encode = queryPairs] = operation.query[name]!;
    const value = ownValue(input, field);
    // Left out when not given, or given as null.
    if (value != null) query += encode([name, value, field, types]);
  }
  return url + query.replace("&", "?");
}

/**
 * What a query encoder is given: the parameter's name (URL-encoded already), the value, its
 * input field, and the `typeof`s its schema allows. A tuple, not an object: this runs in
 * every client's bundle, and property names survive minification.
 */
export type QueryArgs = [name: string, value: unknown, field: string, types: string];

/** A parameter's pairs, each `&name=value`; empty for none. */
export type QueryEncoder = (args: QueryArgs) => string;

/**
 * A scalar parameter: a value of a `typeof` the schema allows (checked for JavaScript
 * callers: `anonymize: "yes"` is not sent), URL-encoded.
 */
export const queryPairs: QueryEncoder = ([name, value, field, types]) =>
  types.includes(typeof value)
    ? `&${name}=${encodeURIComponent(value as string)}`
    : refuse(`${field}: not a ${types}`);

/**
 * A field the caller gave, never one every object inherits: a parameter named
 * `constructor` that was not passed is absent, not `Object`.
 */
export function ownValue(record: object | undefined, name: string): unknown {
  return record !== undefined && Object.hasOwn(record, name)
    ? (record as Record<string, unknown>)[name]
    : undefined;
}
