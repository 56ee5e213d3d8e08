// Credentials: every scheme Polar uses is a bearer token in `Authorization`. A missing
// or malformed header is 401; the `authenticate` hook then decides, per scheme of the
// operation's security (any one alternative suffices), and a refusal is 403.

import type { Authenticate, RouteInfo, ServerCredential, WireRequest } from "./types.js";

/** `Bearer <token>`: one token of visible ASCII, as the generated client sends. */
const BEARER = /^bearer +([\x21-\x7e]+) *$/i;

export type Authorization =
  | { kind: "accepted"; credential: ServerCredential | undefined }
  | { kind: "missing" }
  | { kind: "refused" }
  | { kind: "failed"; error: unknown };

export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

export async function authorize(options: { route: RouteInfo; wire: WireRequest; authenticate: Authenticate | undefined }): Promise<Authorization> {
  const { route, wire, authenticate } = options;
  if (route.security.length === 0) return { kind: "accepted", credential: undefined };
  const token = bearerToken(wire.header("authorization"));
  if (token === undefined) return { kind: "missing" };
  if (!authenticate) return { kind: "accepted", credential: { scheme: route.security[0]!.scheme, token } };
  try {
    for (const { scheme, scopes } of route.security) {
      const input = { scheme, token, scopes, operationId: route.id, get request() { return wire.request(); } };
      const verdict = authenticate(input);
      if (verdict === true || (typeof verdict !== "boolean" && (await verdict) === true)) return { kind: "accepted", credential: { scheme, token } };
    }
  } catch (error) {
    return { kind: "failed", error };
  }
  return { kind: "refused" };
}
