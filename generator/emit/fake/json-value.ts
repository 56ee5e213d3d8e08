// A JSON value as TypeScript the fake can hold. Usually an object literal, which the
// compiler checks against the spec's types. Not when a key is one every object has
// (`__proto__` in a literal sets the prototype; a type with an optional `constructor`
// rejects any literal without one, as the literal's inherited `constructor` is Object's):
// then `JSON.parse` of its text, which the validators check at run time instead.

import { isObject, type OpenApiDocument } from "../../openapi.js";
import { stringLiteral } from "../escape.js";
import { Broken, Code, jsonAsJs } from "../js-literal.js";

export function jsonValueCode(options: { document: OpenApiDocument; value: unknown }): string {
  return literalFits(options) ? jsonAsJs(options.value) : `JSON.parse(${stringLiteral(JSON.stringify(options.value))})`;
}

/** The value for jsLiteralLines: an object literal broken as `jsonAsJs` breaks it, or the `JSON.parse` call. */
export function jsonValueNode(options: { document: OpenApiDocument; value: unknown }): Broken | Code {
  return literalFits(options) ? new Broken(options.value) : new Code(`JSON.parse(${stringLiteral(JSON.stringify(options.value))})`);
}

/** Whether `value` may be written as an object literal typed by the document's schemas. */
export function literalFits(options: { document: OpenApiDocument; value: unknown }): boolean {
  return !hasInheritedName(options.value) && !documentNamesInherited(options.document);
}

/**
 * Whether some `properties` map of the document has a key every object inherits; asked
 * once per answer, so remembered per document (a pure function of it: the output does
 * not depend on the memo).
 */
const inheritedByDocument = new WeakMap<OpenApiDocument, boolean>();
function documentNamesInherited(document: OpenApiDocument): boolean {
  let known = inheritedByDocument.get(document);
  if (known === undefined) {
    known = hasInheritedName(propertyNames(document));
    inheritedByDocument.set(document, known);
  }
  return known;
}

/** True when some key below `value` is one every object inherits. */
function hasInheritedName(value: unknown): boolean {
  const pending = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (Array.isArray(node)) pending.push(...(node as unknown[]));
    else if (isObject(node)) {
      for (const key of Object.keys(node)) if (key in Object.prototype) return true;
      pending.push(...Object.values(node));
    }
  }
  return false;
}

/** The names of every `properties` map in the document, as one object's keys. */
function propertyNames(document: OpenApiDocument): Record<string, true> {
  const names: Record<string, true> = Object.create(null) as Record<string, true>;
  const pending: unknown[] = [document];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (Array.isArray(node)) pending.push(...(node as unknown[]));
    else if (isObject(node)) {
      if (isObject(node.properties)) for (const key of Object.keys(node.properties)) names[key] = true;
      pending.push(...Object.values(node));
    }
  }
  return names;
}
