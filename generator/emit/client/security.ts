// Which client credentials carry an operation's security. The client sends bearer tokens
// (every scheme Polar uses is one), so an alternative of the spec's `security` it can
// satisfy needs exactly one credential; `oidc`, `pat` and `oat` all travel as `accessToken`.

import type { Model, OperationModel } from "../../model/types.js";

/**
 * Credential names that authorise the operation, any one of them, in the spec's order;
 * empty when it needs none (or when one alternative is anonymous).
 */
export function credentialNames(options: { model: Model; operation: OperationModel }): string[] {
  const { model, operation } = options;
  const names: string[] = [];
  for (const alternative of operation.security) {
    if (alternative.schemes.length === 0) return [];
    const credentials = bearerCredentials({ model, schemes: alternative.schemes.map(({ scheme }) => scheme) });
    // An alternative the client cannot send (an API key, several tokens at once) is left to
    // the others; model/names.ts refuses an operation with none it can send.
    if (credentials?.length === 1) names.push(credentials[0]!);
  }
  return [...new Set(names)];
}

/** The credentials of an alternative's schemes, or undefined when one of them is no bearer scheme. */
export function bearerCredentials(options: { model: Model; schemes: string[] }): string[] | undefined {
  const credentials = new Set<string>();
  for (const name of options.schemes) {
    const declared = options.model.securitySchemes.find((scheme) => scheme.name === name);
    if (!declared?.bearer) return undefined;
    credentials.add(declared.credential);
  }
  return [...credentials];
}

/** Every credential any selected operation uses, sorted, with the schemes that carry it. */
export function allCredentials(model: Model): Array<{ name: string; schemes: string[] }> {
  const used = new Set(model.operations.flatMap((operation) => credentialNames({ model, operation })));
  return [...used].sort().map((name) => ({
    name,
    schemes: model.securitySchemes.filter((scheme) => scheme.credential === name).map((scheme) => scheme.name),
  }));
}
