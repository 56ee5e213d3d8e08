// Credentials: every scheme Polar uses is a bearer token in `Authorization`. A missing
// or malformed header is 401, and so is more than one header (a proxy and this server
// could read different ones). The `authenticate` hook then decides, per scheme of the
// operation's security (any one alternative suffices). When none accepts, the answer is
// Polar's: a refusal (403 NotPermitted or insufficient_scope) wins, then a token that is
// no credential at all (401 invalid_token), then a credential of a kind the operation
// does not take (401 Unauthorized). A hook that answers synchronously is never awaited.

import { replies } from "./respond.js";
import type {
  Authenticate,
  AuthenticateInput,
  AuthenticateVerdict,
  RouteInfo,
  ServerCredential,
  WireRequest,
  WireResponse,
} from "./types.js";

/**
 * `Bearer <token>`: one token of visible ASCII but the comma, as the generated client
 * sends. Both adapters join repeated headers with ", " (as the Fetch API does), so no
 * second `Authorization` header can pass for part of a token.
 */
const BEARER = /^bearer +([\x21-\x2b\x2d-\x7e]+) *$/i;

/** Why no scheme accepted: what the 401 or 403 says. */
export type Refusal =
  | { kind: "missing" }
  | { kind: "invalid" }
  | { kind: "not-permitted"; detail?: string | undefined }
  | { kind: "insufficient-scope"; scopes: string[] };

export type Authorization =
  | { kind: "accepted"; credential: ServerCredential | undefined }
  | { kind: "refused"; refusal: Refusal }
  | { kind: "failed"; error: unknown };

const OPEN: Authorization = { kind: "accepted", credential: undefined };
const MISSING: Authorization = { kind: "refused", refusal: { kind: "missing" } };
const INVALID: Authorization = { kind: "refused", refusal: { kind: "invalid" } };
const NOT_PERMITTED: Authorization = { kind: "refused", refusal: { kind: "not-permitted" } };

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
  /** The strongest answer of the schemes asked so far (none accepted). */
  worst?: Authorization | undefined;
}): Authorization | Promise<Authorization> {
  const { route, wire, token } = options;
  let worst = options.worst;
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
      const before = worst;
      return verdict.then(
        (settled) =>
          settled === true
            ? { kind: "accepted", credential: { scheme, token } }
            : tryAlternatives({ ...options, from: index + 1, worst: stronger(before, settled) }),
        (error: unknown) => ({ kind: "failed", error }),
      );
    }
    if (verdict === true) return { kind: "accepted", credential: { scheme, token } };
    worst = stronger(worst, verdict);
  }
  return worst ?? MISSING;
}

/** A refusal (403) over an unknown token (401 invalid_token) over a credential of another kind (401). */
function stronger(
  worst: Authorization | undefined,
  verdict: Exclude<AuthenticateVerdict, true>,
): Authorization {
  const next = refusalOf(verdict);
  return worst === undefined || rank(next) > rank(worst) ? next : worst;
}

function refusalOf(verdict: Exclude<AuthenticateVerdict, true>): Authorization {
  if (verdict === false) return NOT_PERMITTED;
  if (verdict === "invalid") return INVALID;
  if (verdict === "unauthorized") return MISSING;
  if ("insufficientScope" in verdict)
    return {
      kind: "refused",
      refusal: { kind: "insufficient-scope", scopes: [...verdict.insufficientScope].sort() },
    };
  return { kind: "refused", refusal: { kind: "not-permitted", detail: verdict.notPermitted } };
}

function rank(authorization: Authorization): number {
  if (authorization.kind !== "refused") return 0;
  const { kind } = authorization.refusal;
  return kind === "missing" ? 1 : kind === "invalid" ? 2 : 3;
}

/** The 401 or 403 a refusal is answered with. */
export function refusalReply(refusal: Refusal): WireResponse {
  switch (refusal.kind) {
    case "missing":
      return replies.unauthorized();
    case "invalid":
      return replies.invalidToken();
    case "insufficient-scope":
      return replies.insufficientScope(refusal.scopes);
    default:
      return replies.forbidden(refusal.detail);
  }
}
