// Which client credentials carry an operation's security, and how each travels. Every
// alternative left after model/security.ts's check needs one scheme: a bearer token
// (`oidc`, `pat` and `oat` all travel as `accessToken`), HTTP basic, or an API key.

import { securityEntries, type SecurityEntry } from "../../model/security.js";
import type { Model, OperationModel } from "../../model/types.js";
import { jsLiteral } from "../js-literal.js";

interface Secured {
  model: Model;
  operation: OperationModel;
}

/** The operation's alternatives as sent, one per credential, in the spec's order; empty when it needs none. */
function placements(options: Secured): Array<{ credential: string; entry: SecurityEntry }> {
  const entries = securityEntries(options);
  // Checked before any emitter ran (model/security.ts).
  if ("problem" in entries) throw new Error(`client: ${options.operation.id}: ${entries.problem}`);
  const seen = new Map<string, SecurityEntry>();
  for (const entry of entries) {
    const credential = options.model.securitySchemes.find((scheme) => scheme.name === entry.scheme)!.credential;
    if (!seen.has(credential)) seen.set(credential, entry);
  }
  return [...seen].map(([credential, entry]) => ({ credential, entry }));
}

/** Credential names that authorise the operation, any one of them, in the spec's order; empty when it needs none. */
export function credentialNames(options: Secured): string[] {
  return placements(options).map((each) => each.credential);
}

/** Whether every credential of the operation is a bearer token, which `send` sets itself. */
export function bearerOnly(options: Secured): boolean {
  return placements(options).every((each) => each.entry.kind === undefined);
}

/** The placements `signed` takes (runtime/auth.ts), for an operation that takes basic or an API key. */
export function placementsLiteral(options: Secured): string {
  const each = placements(options).map(({ credential, entry }) => (entry.kind === "basic" ? [credential, "basic"] : entry.kind === "apiKey" ? [credential, entry.in!, entry.key!] : [credential]));
  return jsLiteral(each);
}

/** Whether a selected operation takes basic or an API key: only then does the client import runtime/auth.ts. */
export function usesSigned(options: { model: Model }): boolean {
  return options.model.operations.some((operation) => !bearerOnly({ model: options.model, operation }));
}

/** Every credential any selected operation uses, sorted, with the schemes that carry it, and whether it is HTTP basic's. */
export function allCredentials(model: Model): Array<{ name: string; schemes: string[]; basic: boolean }> {
  const used = new Map<string, boolean>();
  for (const operation of model.operations) for (const { credential, entry } of placements({ model, operation })) used.set(credential, entry.kind === "basic");
  return [...used.keys()].sort().map((name) => ({
    name,
    schemes: model.securitySchemes.filter((scheme) => scheme.credential === name).map((scheme) => scheme.name),
    basic: used.get(name)!,
  }));
}
