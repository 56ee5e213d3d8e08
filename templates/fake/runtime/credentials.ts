// Who a bearer token is, and what it may do, as Polar's auth decides it
// (`polar.auth.middlewares.get_auth_subject`, `polar.auth.dependencies._Authenticator`,
// `polar.customer_portal.auth`): the token's prefix says what it is; a token Polar does
// not know, or a session of a deleted customer, is no credential at all (401
// invalid_token); a credential of a kind the operation does not take is 401; an
// organization token needs one of the operation's scopes (403 insufficient_scope); a
// member session may be limited to some roles (403 NotPermitted).

/** The server runtime's `AuthenticateVerdict`, as the fake answers it. */
export type Verdict =
  true | "invalid" | "unauthorized" | { insufficientScope: string[] } | { notPermitted: string };

export interface AccessTokenRecord {
  token: string;
  scopes: string[];
}

export interface SessionRecord {
  token: string;
  customer_id: string;
}

export interface MemberSessionRecord extends SessionRecord {
  role: string;
}

export interface CredentialSeed {
  /** Organization-side tokens (organization, personal and OAuth access tokens) and their scopes. */
  access_tokens?: readonly AccessTokenRecord[] | undefined;
  customer_sessions?: readonly SessionRecord[] | undefined;
  member_sessions?: readonly MemberSessionRecord[] | undefined;
}

/** The credentials of a seed, every list present. */
export interface Credentials {
  access_tokens: AccessTokenRecord[];
  customer_sessions: SessionRecord[];
  member_sessions: MemberSessionRecord[];
}

export type TokenKind = "oat" | "pat" | "oidc" | "customer_session" | "member_session";

export type Credential =
  | { kind: "oat" | "pat" | "oidc"; scopes: string[] }
  | { kind: "customer_session"; customerId: string }
  | { kind: "member_session"; customerId: string; role: string };

/** Polar's token prefixes, which its middleware reads before looking a token up. */
export const TOKEN_PREFIXES: ReadonlyArray<readonly [string, TokenKind]> = [
  ["polar_oat_", "oat"],
  ["polar_pat_", "pat"],
  ["polar_at_u_", "oidc"],
  ["polar_at_o_", "oidc"],
  ["polar_cst_", "customer_session"],
  ["polar_mst_", "member_session"],
];
/** A client registration token: Polar reads it as no credential (anonymous), so 401 Unauthorized. */
const REGISTRATION_PREFIX = "polar_crt_";

/** The scopes a customer or member session carries. */
const SESSION_SCOPES = ["customer_portal:write"];

export function tokenKind(token: string): TokenKind | undefined {
  return TOKEN_PREFIXES.find(([prefix]) => token.startsWith(prefix))?.[1];
}

/** The credential a token is; `undefined` when unknown, or a session of a customer no longer live. */
export function credentialOf(options: {
  token: string;
  seed: Credentials;
  isLive: (customerId: string) => boolean;
}): Credential | undefined {
  const { token, seed, isLive } = options;
  const kind = tokenKind(token);
  if (kind === "customer_session") {
    const session = seed.customer_sessions.find((each) => each.token === token);
    return session && isLive(session.customer_id)
      ? { kind, customerId: session.customer_id }
      : undefined;
  }
  if (kind === "member_session") {
    const session = seed.member_sessions.find((each) => each.token === token);
    return session && isLive(session.customer_id)
      ? { kind, customerId: session.customer_id, role: session.role }
      : undefined;
  }
  const access = kind && seed.access_tokens.find((each) => each.token === token);
  return access ? { kind: kind as "oat" | "pat" | "oidc", scopes: access.scopes } : undefined;
}

/** What Polar asks of an operation's caller beyond the spec's security. */
export interface OperationRule {
  /** The kinds of token Polar's server takes for it, whatever the spec declares. */
  kinds: TokenKind[];
  /** Polar's required scopes (any one suffices) when the spec lists none for a scheme. */
  scopes: string[];
  /** The member roles allowed, when a member session is limited to some, and Polar's words for the others. */
  members?: { roles: string[]; refusal: string } | undefined;
}

const NAMED_SCHEMES: ReadonlySet<string> = new Set([
  "oat",
  "pat",
  "oidc",
  "customer_session",
  "member_session",
]);

/**
 * Does this scheme take this kind of token? A scheme named as in Polar's specs takes its
 * own kind; any other name (older specs' one `access_token`) stands for whatever the
 * operation takes, the kinds Polar's server allows for it (a spec that declares an
 * `access_token` for the portal's cancel still gets only sessions there).
 */
function schemeTakes(options: {
  scheme: string;
  kind: TokenKind;
  rule: OperationRule | undefined;
}): boolean {
  const { scheme, kind, rule } = options;
  if (rule && !rule.kinds.includes(kind)) return false;
  if (NAMED_SCHEMES.has(scheme)) return scheme === kind;
  return rule !== undefined || kind === "oat" || kind === "pat" || kind === "oidc";
}

export function verdictFor(options: {
  credential: Credential | undefined;
  token: string;
  scheme: string;
  /** The scopes the spec lists for this scheme. */
  scopes: string[];
  rule: OperationRule | undefined;
}): Verdict {
  const { credential, scheme, rule } = options;
  if (!credential)
    return options.token.startsWith(REGISTRATION_PREFIX) ? "unauthorized" : "invalid";
  if (!schemeTakes({ scheme, kind: credential.kind, rule })) return "unauthorized";
  const required = options.scopes.length > 0 ? options.scopes : (rule?.scopes ?? []);
  const held = "scopes" in credential ? credential.scopes : SESSION_SCOPES;
  if (required.length > 0 && !required.some((scope) => held.includes(scope)))
    return { insufficientScope: required };
  const members = rule?.members;
  if (credential.kind === "member_session" && members && !members.roles.includes(credential.role))
    return { notPermitted: members.refusal };
  return true;
}
