// How each operation's credentials travel, as the contract suite sends and checks them,
// and which of the suite's credentials each takes: Polar's token kinds (an organization,
// personal or OpenID Connect token, a customer or member session), or for another API's
// scheme its bearer token or API key, or HTTP basic's user and password.

import type { Model, OperationModel } from "../../model/types.js";
import { securityEntries } from "../../model/security.js";

/** The suite's credentials, in the order it prefers them (templates/contract/suite.ts keeps the same). */
export const CREDENTIAL_KINDS = ["accessToken", "personalAccessToken", "oidcToken", "customerSession", "memberSession", "basicAuth"] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** One security alternative as the suite sends it. */
export interface ContractSecurity {
  /** The client option that carries it (`accessToken`, `shopKey`). */
  credential: string;
  via: "bearer" | "basic" | "header" | "query" | "cookie";
  /** An API key's name in its header, query or cookie. */
  key?: string;
  kind: CredentialKind;
  /** The scopes the spec asks of it. */
  scopes: string[];
}

/** Polar's token kinds, by the scheme names of Polar's specs. */
const POLAR_KINDS: ReadonlyMap<string, CredentialKind> = new Map([
  ["pat", "personalAccessToken"],
  ["oidc", "oidcToken"],
]);

/** The operation's alternatives, one scheme each (model/security.ts refused the rest); none when it is open. */
export function contractSecurity(options: { model: Model; operation: OperationModel }): ContractSecurity[] {
  const { model } = options;
  const entries = securityEntries(options);
  if (!Array.isArray(entries)) return [];
  const schemes = new Map(model.securitySchemes.map((scheme) => [scheme.name, scheme]));
  const seen = new Set<string>();
  return entries.flatMap((entry) => {
    const credential = schemes.get(entry.scheme)?.credential ?? entry.scheme;
    const via = entry.kind === "basic" ? "basic" : entry.kind === "apiKey" ? (entry.in ?? "header") : "bearer";
    const kind: CredentialKind =
      via === "basic"
        ? "basicAuth"
        : credential === "customerSession" || credential === "memberSession"
          ? credential
          : ((model.polar ? POLAR_KINDS.get(entry.scheme) : undefined) ?? "accessToken");
    const id = JSON.stringify([credential, via, entry.key, kind]);
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ credential, via, ...(entry.key !== undefined && via !== "basic" && via !== "bearer" ? { key: entry.key } : {}), kind, scopes: [...entry.scopes].sort() }];
  });
}

/** The kind the suite sends when every kind is at hand (the fake's): the first it prefers. */
export function preferredKind(security: ContractSecurity[]): CredentialKind | undefined {
  return CREDENTIAL_KINDS.find((kind) => security.some((entry) => entry.kind === kind));
}
