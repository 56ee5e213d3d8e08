// Constraints the model does not carry (maxLength, minimum, pattern, ...), compared
// on the raw schemas of the two selections, following `$ref`s and properties in step.
// Narrowing what a client sends breaks it (a value it sends today is refused); narrowing
// what it receives does not, and widening what it receives is reported but not breaking,
// as for new enum values: a client must tolerate values it has not seen. Enum values are
// in the model, and compared with the types (compare-types.ts).

import { isObject, parsePointer, type OpenApiDocument } from "../openapi.js";

export interface ConstraintDifference {
  kind: "constraint-narrowed" | "constraint-widened";
  breaking: boolean;
  message: string;
  /** JSON-pointer-like path inside the value. */
  at: string;
  /** The innermost named schema the constraint belongs to. */
  schema?: string;
}

interface Walk {
  documents: { before: OpenApiDocument; after: OpenApiDocument };
  direction: "request" | "response";
  /** Pairs of schema names already compared: recursion stops there. */
  seen: Set<string>;
}

/** A bound whose value may only shrink (upper) or grow (lower) without refusing more values. */
const UPPER = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];
const LOWER = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];
/** Constraints that cannot be ordered: any change may refuse a value accepted today. */
const OPAQUE = ["pattern", "multipleOf"];
const BRANCHES = ["anyOf", "oneOf", "allOf", "prefixItems"];

export function compareConstraints(input: { before: unknown; after: unknown; documents: Walk["documents"]; direction: Walk["direction"] }): ConstraintDifference[] {
  return walk({ documents: input.documents, direction: input.direction, seen: new Set() }, { before: input.before, after: input.after, at: "" });
}

function walk(context: Walk, pair: { before: unknown; after: unknown; at: string; schema?: string }): ConstraintDifference[] {
  const before = deref(context.documents.before, pair.before);
  const after = deref(context.documents.after, pair.after);
  if (!isObject(before.schema) || !isObject(after.schema)) return [];
  if (before.name !== undefined && after.name !== undefined) {
    const key = `${before.name}->${after.name}`;
    if (context.seen.has(key)) return [];
    context.seen.add(key);
  }
  const schema = after.name ?? pair.schema;
  const step = { at: pair.at, schema };
  const found = keywordDifferences({ before: before.schema, after: after.schema, direction: context.direction, ...step });
  for (const child of children(before.schema, after.schema)) {
    found.push(...walk(context, { before: child.before, after: child.after, at: `${pair.at}${child.at}`, schema }));
  }
  return found;
}

function children(before: Record<string, unknown>, after: Record<string, unknown>): Array<{ before: unknown; after: unknown; at: string }> {
  const pairs: Array<{ before: unknown; after: unknown; at: string }> = [];
  if (isObject(before.properties) && isObject(after.properties)) {
    for (const name of Object.keys(before.properties).filter((key) => isObject(after.properties) && Object.hasOwn(after.properties, key))) {
      pairs.push({ before: before.properties[name], after: after.properties[name], at: `/${name}` });
    }
  }
  for (const key of ["items", "additionalProperties", "not"]) pairs.push({ before: before[key], after: after[key], at: key === "items" ? "/items" : `/(${key})` });
  for (const key of BRANCHES) {
    const [old, now] = [before[key], after[key]];
    if (!Array.isArray(old) || !Array.isArray(now)) continue;
    for (let index = 0; index < Math.min(old.length, now.length); index++) pairs.push({ before: old[index], after: now[index], at: key === "prefixItems" ? `/${index}` : "" });
  }
  return pairs;
}

function keywordDifferences(input: { before: Record<string, unknown>; after: Record<string, unknown>; direction: Walk["direction"]; at: string; schema?: string }): ConstraintDifference[] {
  const found: ConstraintDifference[] = [];
  const report = (narrowed: boolean, message: string) =>
    found.push({
      kind: narrowed ? "constraint-narrowed" : "constraint-widened",
      breaking: narrowed && input.direction === "request",
      message: `${message} (${narrowed ? "narrowed" : "widened"})`,
      at: input.at,
      ...(input.schema !== undefined ? { schema: input.schema } : {}),
    });
  for (const key of [...UPPER, ...LOWER, ...OPAQUE]) {
    const [old, now] = [input.before[key], input.after[key]];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    const message = old === undefined ? `${key} ${show(now)} added` : now === undefined ? `${key} ${show(old)} removed` : `${key} ${show(old)} → ${show(now)}`;
    report(isNarrowing({ key, old, now }), message);
  }
  return found;
}

function isNarrowing(input: { key: string; old: unknown; now: unknown }): boolean {
  const { key, old, now } = input;
  if (now === undefined) return false;
  if (old === undefined || typeof old !== "number" || typeof now !== "number") return true;
  return UPPER.includes(key) ? now < old : LOWER.includes(key) ? now > old : true;
}

function deref(document: OpenApiDocument, value: unknown): { schema: unknown; name?: string } {
  let schema = value;
  let name: string | undefined;
  for (let hops = 0; hops < 16 && isObject(schema) && typeof schema.$ref === "string"; hops++) {
    const segments = parsePointer(schema.$ref);
    name = segments.at(-1);
    schema = segments.reduce<unknown>((node, segment) => (isObject(node) ? node[segment] : undefined), document);
  }
  return { schema, name };
}

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
