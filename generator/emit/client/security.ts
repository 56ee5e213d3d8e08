// Which client credentials carry an operation's security. Every scheme Polar uses is
// a bearer token, so each alternative of the spec's `security` needs exactly one
// credential; `oidc`, `pat` and `oat` all travel as `accessToken`.

import type { Model, OperationModel } from "../../model/types.js";

/**
 * Credential names that authorise the operation, any one of them, in the spec's order;
 * empty when it needs none (or when one alternative is anonymous).
 * Throws on what a bearer header cannot carry, so no client sends the wrong thing.
 */
export function credentialNames(options: { model: Model; operation: OperationModel }): string[] {
  const { model, operation } = options;
  const byScheme = new Map(model.securitySchemes.map((scheme) => [scheme.name, scheme]));
  const names: string[] = [];
  for (const alternative of operation.security) {
    if (alternative.schemes.length === 0) return [];
    const credentials = new Set(
      alternative.schemes.map(({ scheme }) => {
        const declared = byScheme.get(scheme);
        if (!declared?.bearer) throw new Error(`client: ${operation.id}: security scheme "${scheme}" is not a bearer scheme`);
        return declared.credential;
      }),
    );
    if (credentials.size > 1) throw new Error(`client: ${operation.id}: one alternative needs several bearer tokens`);
    names.push(...credentials);
  }
  return [...new Set(names)];
}

/** Every credential any selected operation uses, sorted, with the schemes that carry it. */
export function allCredentials(model: Model): Array<{ name: string; schemes: string[] }> {
  const used = new Set(model.operations.flatMap((operation) => credentialNames({ model, operation })));
  return [...used].sort().map((name) => ({
    name,
    schemes: model.securitySchemes.filter((scheme) => scheme.credential === name).map((scheme) => scheme.name),
  }));
}
