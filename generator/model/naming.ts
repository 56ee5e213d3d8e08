// Names in generated code: the spec's snake_case and `:`-separated ids become camelCase.

export function camelCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words
    .map((word, index) => (index === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1)))
    .join("");
}

/** `customer_portal:subscriptions:cancel` → `["customerPortal", "subscriptions", "cancel"]`. */
export function operationGroup(operationId: string): string[] {
  return operationId.split(/[:.]/).filter(Boolean).map(camelCase);
}

/** `customers:delete_external` → `customersDeleteExternal`. */
export function operationFunctionName(operationId: string): string {
  return camelCase(operationId.replace(/[:.]/g, "_"));
}

/** Which client credential carries a bearer security scheme. */
export function credentialFor(scheme: string): string {
  if (["oidc", "pat", "oat", "access_token", "oauth2", "bearer"].includes(scheme)) return "accessToken";
  return notInherited(camelCase(scheme));
}

/**
 * A member name no object inherits (`constructor` → `constructor_`): TypeScript rejects
 * an object literal without an optional `constructor?: string`, whose inherited one is
 * Object's, and JavaScript would read Object's where the caller gave none.
 */
export function notInherited(name: string): string {
  return name in Object.prototype ? `${name}_` : name;
}
