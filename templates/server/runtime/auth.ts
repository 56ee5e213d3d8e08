// Credentials, where each scheme of the operation's security carries one: a bearer
// token in `Authorization` (http bearer, OAuth 2, OpenID Connect; more than one header
// is refused, as a proxy and this server could read different ones), HTTP basic's
// `user:password`, or an API key in a header, the query or a cookie. No credential for
// any alternative is 401. The `authenticate` hook then decides, per alternative that
// carries one (any one suffices). When none accepts, the answer is Polar's: a refusal
// (403 NotPermitted or insufficient_scope) wins, then a token that is no credential at
// all (401 invalid_token), then a credential of a kind the operation does not take
// (401 Unauthorized). A hook that answers synchronously is never awaited.

import type { Replies } from "./respond.js";
import type {
  Authenticate,
  AuthenticateInput,
  AuthenticateVerdict,
  RouteInfo,
  SecurityInfo,
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

/** `Basic <base64 of user:password>`. */
const BASIC = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;

export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/** An alternative that carries a credential, and the credential. */
interface Presented {
  entry: SecurityInfo;
  token: string;
}

export function authorize(options: {
  route: RouteInfo;
  wire: WireRequest;
  query: string;
  authenticate: Authenticate | undefined;
}): Authorization | Promise<Authorization> {
  const { route, wire, authenticate } = options;
  if (route.security.length === 0) return OPEN;
  const presented: Presented[] = [];
  // Read once: most alternatives are bearer schemes, which all read the same header.
  const bearer = bearerToken(wire.header("authorization"));
  // Parsed once, and only when an API key is read from the query.
  let search: URLSearchParams | undefined;
  const queryValue = (name: string) => (search ??= new URLSearchParams(options.query)).get(name);
  for (const entry of route.security) {
    const token = entry.kind === undefined ? bearer : credentialOf({ entry, wire, queryValue });
    if (token !== undefined) presented.push({ entry, token });
  }
  if (presented.length === 0) return MISSING;
  if (!authenticate)
    return {
      kind: "accepted",
      credential: { scheme: presented[0]!.entry.scheme, token: presented[0]!.token },
    };
  return tryAlternatives({ route, wire, authenticate, presented, from: 0 });
}

/** The credential a request carries for a basic or API key scheme, if any. */
function credentialOf(options: {
  entry: SecurityInfo;
  wire: WireRequest;
  queryValue: (name: string) => string | null;
}): string | undefined {
  const { entry, wire } = options;
  if (entry.kind === "basic") {
    const encoded = BASIC.exec(wire.header("authorization") ?? "")?.[1];
    return encoded === undefined ? undefined : basicPair(encoded);
  }
  const key = entry.key ?? "";
  let value: string | null | undefined;
  if (entry.in === "query") value = options.queryValue(key);
  else if (entry.in === "cookie") value = cookie({ header: wire.header("cookie"), name: key });
  else value = wire.header(key.toLowerCase());
  return value ? value : undefined;
}

/** `user:password` from HTTP basic's base64, when it decodes to UTF-8 with a colon. */
function basicPair(encoded: string): string | undefined {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const pair = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return pair.includes(":") ? pair : undefined;
  } catch {
    return undefined;
  }
}

function cookie(options: { header: string | undefined; name: string }): string | undefined {
  for (const part of (options.header ?? "").split(";")) {
    const equals = part.indexOf("=");
    if (equals > 0 && part.slice(0, equals).trim() === options.name)
      return part.slice(equals + 1).trim();
  }
  return undefined;
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
  presented: Presented[];
  from: number;
  /** The strongest answer of the schemes asked so far (none accepted). */
  worst?: Authorization | undefined;
}): Authorization | Promise<Authorization> {
  const { route, wire, presented } = options;
  let worst = options.worst;
  for (let index = options.from; index < presented.length; index++) {
    const { entry, token } = presented[index]!;
    const { scheme, scopes } = entry;
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
export function refusalReply(options: {
  refusal: Refusal;
  route: RouteInfo;
  replies: Replies;
}): WireResponse {
  const { refusal, replies } = options;
  switch (refusal.kind) {
    case "missing":
      return replies.unauthorized(challenge(options.route));
    case "invalid":
      return replies.invalidToken();
    case "insufficient-scope":
      return replies.insufficientScope(refusal.scopes);
    default:
      return replies.forbidden(refusal.detail);
  }
}

/** What `WWW-Authenticate` asks for when no credential came: bearer before basic; none for API keys. */
function challenge(route: RouteInfo): string | undefined {
  if (route.security.some((entry) => entry.kind === undefined)) return "Bearer";
  return route.security.some((entry) => entry.kind === "basic") ? "Basic" : undefined;
}
