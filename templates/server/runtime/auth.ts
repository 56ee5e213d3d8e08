// Credentials: every scheme Polar uses is a bearer token in `Authorization`. A missing
// or malformed header is 401; the `authenticate` hook then decides, per scheme of the
// operation's security (any one alternative suffices), and a refusal is 403. A hook
// that answers synchronously is never awaited.

import type {
  Authenticate,
  AuthenticateInput,
  RouteInfo,
  ServerCredential,
  WireRequest,
} from "./types.js";

/** `Bearer <token>`: one token of visible ASCII, as the generated client sends. */
const BEARER = /^bearer +([\x21-\x7e]+) *$/i;

export type Authorization =
  | { kind: "accepted"; credential: ServerCredential | undefined }
  | { kind: "missing" }
  | { kind: "refused" }
  | { kind: "failed"; error: unknown };

const OPEN: Authorization = { kind: "accepted", credential: undefined };
const MISSING: Authorization = { kind: "missing" };
const REFUSED: Authorization = { kind: "refused" };

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
}): Authorization | Promise<Authorization> {
  const { route, wire, token } = options;
  for (let index = options.from; index < route.security.length; index++) {
    const { scheme, scopes } = route.security[index]!;
    const input = new Input({ scheme, token, scopes, operationId: route.id, wire });
    let verdict: boolean | Promise<boolean>;
    try {
      verdict = options.authenticate(input);
    } catch (error) {
      return { kind: "failed", error };
    }
    if (verdict instanceof Promise) {
      return verdict.then(
        (settled) =>
          settled === true
            ? { kind: "accepted", credential: { scheme, token } }
            : tryAlternatives({ ...options, from: index + 1 }),
        (error: unknown) => ({ kind: "failed", error }),
      );
    }
    if (verdict === true) return { kind: "accepted", credential: { scheme, token } };
  }
  return REFUSED;
}
