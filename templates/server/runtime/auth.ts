// Credentials: every scheme Polar uses is a bearer token in `Authorization`. A missing
// or malformed header is 401, and so is more than one header (a proxy and this server
// could read different ones). The `authenticate` hook then decides, per scheme of the
// operation's security (any one alternative suffices): a refusal is 403, a token it
// says is not valid at all is 401. A hook that answers synchronously is never awaited.

import type {
  Authenticate,
  AuthenticateInput,
  AuthenticateVerdict,
  RouteInfo,
  ServerCredential,
  WireRequest,
} from "./types.js";

/**
 * `Bearer <token>`: one token of visible ASCII but the comma, as the generated client
 * sends. Both adapters join repeated headers with ", " (as the Fetch API does), so no
 * second `Authorization` header can pass for part of a token.
 */
const BEARER = /^bearer +([\x21-\x2b\x2d-\x7e]+) *$/i;

export type Authorization =
  | { kind: "accepted"; credential: ServerCredential | undefined }
  | { kind: "missing" }
  | { kind: "refused" }
  | { kind: "invalid" }
  | { kind: "failed"; error: unknown };

const OPEN: Authorization = { kind: "accepted", credential: undefined };
const MISSING: Authorization = { kind: "missing" };
const REFUSED: Authorization = { kind: "refused" };
const INVALID: Authorization = { kind: "invalid" };

export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

export function authorize(options: {
  route: RouteInfo;
  wire: WireRequest;
  authenticate: Authenticate | undefined;
}): Authorization | Promise<Authorization> {
  const { route, wire, authenticate } = options;
  if (route.security.length === 0) return OPEN;
  const token = bearerToken(wire.header("authorization"));
  if (token === undefined) return MISSING;
  if (!authenticate)
    return { kind: "accepted", credential: { scheme: route.security[0]!.scheme, token } };
  return tryAlternatives({ route, wire, authenticate, token, from: 0 });
}

/** A class: an object literal with a getter costs a closure and an accessor per request. */
class Input implements AuthenticateInput {
  readonly scheme: string;
  readonly token: string;
  readonly scopes: string[];
  readonly operationId: string;
  readonly #wire: WireRequest;
  constructor(options: {
    scheme: string;
    token: string;
    scopes: string[];
    operationId: string;
    wire: WireRequest;
  }) {
    this.scheme = options.scheme;
    this.token = options.token;
    this.scopes = options.scopes;
    this.operationId = options.operationId;
    this.#wire = options.wire;
  }

  get request(): Request {
    return this.#wire.request();
  }
}

function tryAlternatives(options: {
  route: RouteInfo;
  wire: WireRequest;
  authenticate: Authenticate;
  token: string;
  from: number;
  /** Some scheme refused the token (403) rather than calling it invalid (401). */
  refused?: boolean;
}): Authorization | Promise<Authorization> {
  const { route, wire, token } = options;
  let refused = options.refused === true;
  for (let index = options.from; index < route.security.length; index++) {
    const { scheme, scopes } = route.security[index]!;
    const input = new Input({ scheme, token, scopes, operationId: route.id, wire });
    let verdict: AuthenticateVerdict | Promise<AuthenticateVerdict>;
    try {
      verdict = options.authenticate(input);
    } catch (error) {
      return { kind: "failed", error };
    }
    if (verdict instanceof Promise) {
      const before = refused;
      return verdict.then(
        (settled) =>
          settled === true
            ? { kind: "accepted", credential: { scheme, token } }
            : tryAlternatives({
                ...options,
                from: index + 1,
                refused: before || settled !== "invalid",
              }),
        (error: unknown) => ({ kind: "failed", error }),
      );
    }
    if (verdict === true) return { kind: "accepted", credential: { scheme, token } };
    if (verdict !== "invalid") refused = true;
  }
  return refused ? REFUSED : INVALID;
}
