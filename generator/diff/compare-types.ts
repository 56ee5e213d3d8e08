// Compare two TypeRefs, schema by schema, in one direction:
// - "request": values the client sends (parameters). Narrowing breaks clients.
// - "response": values the client receives. Dropping a promise breaks clients.

import type { SchemaModel, TypeRef } from "../model/types.js";

export interface TypeDifference {
  kind: string;
  breaking: boolean;
  message: string;
  /** JSON-pointer-like path inside the value. */
  at: string;
  /** The innermost named schema the difference is in (`CustomerSubscription`). */
  schema?: string;
}

export interface TypeComparison {
  before: TypeRef;
  after: TypeRef;
  beforeSchemas: ReadonlyMap<string, SchemaModel>;
  afterSchemas: ReadonlyMap<string, SchemaModel>;
  direction: "request" | "response";
  at: string;
  /** Pairs of model names already compared: recursion stops there. */
  seen: Set<string>;
  /** The named schema being compared, if any. */
  schema?: string;
}

export function compareTypes(input: TypeComparison): TypeDifference[] {
  const before = deref(input.before, input.beforeSchemas);
  const after = deref(input.after, input.afterSchemas);
  if (before.name !== undefined && after.name !== undefined) {
    const pair = `${before.name}->${after.name}`;
    if (input.seen.has(pair)) return [];
    input.seen.add(pair);
  }
  const schema = after.name ?? input.schema;
  const differences = compareResolved({ ...input, before: before.type, after: after.type, ...(schema !== undefined ? { schema } : {}) });
  // Named where found: the schema a difference deeper down belongs to is set there.
  return schema === undefined ? differences : differences.map((difference) => ("schema" in difference ? difference : { ...difference, schema }));
}

function deref(type: TypeRef, schemas: ReadonlyMap<string, SchemaModel>): { type: TypeRef; name?: string } {
  if (type.kind !== "model") return { type };
  const schema = schemas.get(type.name);
  return schema ? { type: schema.type, name: type.name } : { type };
}

function compareResolved(input: TypeComparison): TypeDifference[] {
  const { before, after, direction, at } = input;
  if (before.kind === "nullable" || after.kind === "nullable") return compareNullable(input);
  if (before.kind === "object" && after.kind === "object") return compareObjects(input, before, after);
  if (before.kind === "array" && after.kind === "array") return compareTypes({ ...input, before: before.items, after: after.items, at: `${at}/items` });
  if (before.kind === "enum" && after.kind === "enum") return compareEnums({ direction, at, before: before.values, after: after.values });
  if (before.kind === "primitive" && after.kind === "primitive" && before.type === after.type) {
    return compareFormats({ direction, at, before: before.format, after: after.format });
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before.kind === "union" || after.kind === "union") return [];
  return [{ kind: "type-changed", breaking: true, at, message: `type changed from ${describe(before)} to ${describe(after)}` }];
}

function compareNullable(input: TypeComparison): TypeDifference[] {
  const { before, after, direction, at } = input;
  const beforeInner = before.kind === "nullable" ? before.inner : before;
  const afterInner = after.kind === "nullable" ? after.inner : after;
  const inner = compareTypes({ ...input, before: beforeInner, after: afterInner });
  if ((before.kind === "nullable") === (after.kind === "nullable")) return inner;
  const nowNullable = after.kind === "nullable";
  const breaking = direction === "response" ? nowNullable : !nowNullable;
  return [...inner, { kind: nowNullable ? "became-nullable" : "no-longer-nullable", breaking, at, message: nowNullable ? "may now be null" : "may no longer be null" }];
}

function compareObjects(input: TypeComparison, before: Extract<TypeRef, { kind: "object" }>, after: Extract<TypeRef, { kind: "object" }>): TypeDifference[] {
  const differences: TypeDifference[] = [];
  const afterByName = new Map(after.properties.map((property) => [property.name, property]));
  const beforeNames = new Set(before.properties.map((property) => property.name));
  const responses = input.direction === "response";
  for (const old of before.properties) {
    const at = `${input.at}/${old.name}`;
    const now = afterByName.get(old.name);
    if (!now) {
      differences.push({ kind: "field-removed", breaking: responses ? old.required : false, at, message: `${old.required ? "required" : "optional"} field "${old.name}" removed` });
      continue;
    }
    if (old.required && !now.required) differences.push({ kind: "field-optional", breaking: responses, at, message: `field "${old.name}" is no longer required` });
    if (!old.required && now.required) differences.push({ kind: "field-required", breaking: !responses, at, message: `field "${old.name}" is now required` });
    differences.push(...compareTypes({ ...input, before: old.type, after: now.type, at }));
  }
  for (const added of after.properties.filter((property) => !beforeNames.has(property.name))) {
    const breaking = !responses && added.required;
    differences.push({ kind: "field-added", breaking, at: `${input.at}/${added.name}`, message: `${added.required ? "required" : "optional"} field "${added.name}" added` });
  }
  return differences;
}

function compareEnums(input: { direction: string; at: string; before: unknown[]; after: unknown[] }): TypeDifference[] {
  const added = input.after.filter((value) => !input.before.includes(value));
  const removed = input.before.filter((value) => !input.after.includes(value));
  const differences: TypeDifference[] = [];
  // A client may send any old value (request) and must read any new one (response);
  // a new response value is reported but not breaking: clients must tolerate unknown enum values.
  if (removed.length > 0) differences.push({ kind: "enum-values-removed", breaking: input.direction === "request", at: input.at, message: `enum values removed: ${removed.map(String).join(", ")}` });
  if (added.length > 0) differences.push({ kind: "enum-values-added", breaking: false, at: input.at, message: `enum values added: ${added.map(String).join(", ")}` });
  return differences;
}

function compareFormats(input: { direction: string; at: string; before?: string; after?: string }): TypeDifference[] {
  if (input.before === input.after) return [];
  const narrowed = input.after !== undefined;
  const message = `format changed from ${input.before ?? "none"} to ${input.after ?? "none"}`;
  const breaking = input.direction === "request" ? narrowed : false;
  return [{ kind: narrowed ? "type-narrowed" : "type-widened", breaking, at: input.at, message }];
}

function describe(type: TypeRef): string {
  switch (type.kind) {
    case "primitive":
      return type.format ? `${type.type} (${type.format})` : type.type;
    case "model":
      return type.name;
    case "literal":
      return JSON.stringify(type.value);
    default:
      return type.kind;
  }
}
