// Names in generated code: the spec's snake_case and `:`-separated ids become camelCase.
// Letters and digits of any script are kept (`kündigen` stays `kündigen`); everything else
// separates words. Function names are made declarable in names.ts.

/** Separators: anything that cannot continue an identifier, and `_` (snake_case). */
const WORD_BREAK = /(?:[^\p{ID_Continue}]|_)+/u;

export function camelCase(text: string): string {
  const words = text.split(WORD_BREAK).filter(Boolean);
  return words.map((word, index) => (index === 0 ? lowerFirst(word) : upperFirst(word))).join("");
}

function lowerFirst(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  return first.toLowerCase() + word.slice(first.length);
}

export function upperFirst(word: string): string {
  if (word === "") return word;
  const first = String.fromCodePoint(word.codePointAt(0)!);
  return first.toUpperCase() + word.slice(first.length);
}

/** `customer_portal:subscriptions:cancel` → `["customerPortal", "subscriptions", "cancel"]`. */
export function operationGroup(operationId: string): string[] {
  return operationId.split(/[:.]/).filter(Boolean).map(camelCase);
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
