// Credentials other than one bearer token: HTTP basic, and API keys in a header, the
// query or a cookie (with bearer alternatives beside them). An operation that takes one
// names `signed` as its encoder, so a client whose operations take only bearer tokens
// bundles none of this. A credential goes into the URL only when the spec puts it in the
// query.

import type { Call } from "./send.js";
import { ownValue, refuse } from "./url.js";

/**
 * How one credential travels: its option name, then nothing (a bearer token), `basic`,
 * or where an API key goes and its name there.
 */
export type Placement =
  | [credential: string]
  | [credential: string, where: "basic"]
  | [credential: string, where: "header" | "query" | "cookie", key: string];

/** What a header can carry: no line break, which would start another header. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]+$/;
/** A bearer token: never `Bearer undefined`, nothing a header could not carry. */
const TOKEN = /^[\x21-\x7e]+$/;
/** A cookie value as RFC 6265 allows it: no space, quote, comma, semicolon or backslash. */
const COOKIE_VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/;
/** Control characters: RFC 7617 allows none in a user or password. */
const CONTROL = /[\x00-\x1f\x7f]/;

/**
 * The encoder of an operation that takes these credentials, any one of them: sets the
 * first one given (the call's own before the client's), then runs the body's encoder.
 */
export function signed(
  placements: Placement[],
  next?: (call: Call) => void | Promise<void>,
): (call: Call) => Promise<void> {
  return async (call) => {
    let found: [Placement, unknown] | undefined;
    for (const source of [call.input, call.config])
      for (const placement of placements) {
        const value = ownValue(source, placement[0]);
        if (!found && value) found = [placement, value];
      }
    if (!found) return refuse(`credential: no ${placements.map((each) => each[0]).join(" or ")}`);
    let [[name, where, key], value] = found;
    if (typeof value === "function") value = await call.within(value());
    if (where === "basic") call.headers["authorization"] = `Basic ${basic(name, value)}`;
    else if (typeof value !== "string" || !value) refuse(`${name}: not a string`);
    else if (where === "query")
      call.url += `${call.url.includes("?") ? "&" : "?"}${encodeURIComponent(key!)}=${encodeURIComponent(value)}`;
    else if (where === "cookie") {
      if (!COOKIE_VALUE.test(value)) refuse(`${name}: not a cookie value`);
      const cookies = call.headers["cookie"];
      call.headers["cookie"] = `${cookies ? `${cookies}; ` : ""}${key}=${value}`;
    } else if (!(where ? HEADER_VALUE : TOKEN).test(value)) refuse(`${name}: not a header value`);
    else if (where) call.headers[key!.toLowerCase()] = value;
    else call.headers["authorization"] = `Bearer ${value}`;
    if (next) await next(call);
  };
}

/** `user:password` as UTF-8 bytes, base64-encoded (`btoa` takes one byte per character). */
function basic(name: string, value: unknown): string {
  const { username, password } = (value ?? {}) as {
    username?: unknown;
    password?: unknown;
  };
  if (typeof username !== "string" || typeof password !== "string")
    refuse(`${name}: not { username, password }`);
  // A `:` in the user would move the split; a control character is no part of either.
  if (username.includes(":") || CONTROL.test(username + password))
    refuse(`${name}: not a user and password basic auth can carry`);
  let binary = "";
  for (const byte of new TextEncoder().encode(`${username}:${password}`))
    binary += String.fromCharCode(byte);
  return btoa(binary);
}
