// The shape of the selected subset, checked before anything is emitted from it:
// - schemas nested deeper than MAX_SCHEMA_DEPTH (the compiler, prettier and the
//   validators recurse per level; past this a spec is a denial of service, not an API);
// - `$ref` cycles with no property or item in between (`A: {$ref: B}`, `B: {$ref: A}`,
//   or `allOf`/`anyOf` of itself): checking a value would check the same value against
//   the same schema forever, and JSON Schema leaves such schemas undefined. Recursion
//   through structure (an array of itself, a property of its own type) is fine;
// - media-type keys no HTTP header can carry (a control character).
// The subset keeps the document's pointers, so each problem points into the spec.

import { isObject, parsePointer, toPointer, type OpenApiDocument } from "./openapi.js";
import { problem, type Problem } from "./problems.js";
import { eachSchemaPosition, subschemas } from "./schema-walk.js";

/** Schemas inside schemas, counted from the outermost one (README: "Limits"). */
export const MAX_SCHEMA_DEPTH = 64;

/** Keywords whose schema applies to the value itself, not to a part of it. */
const SAME_VALUE_LISTS = ["allOf", "anyOf", "oneOf"];
const SAME_VALUE_KEYS = ["not", "if", "then", "else"];

export function checkStructure(subset: OpenApiDocument): Problem[] {
  const problems: Problem[] = [];
  eachSchemaPosition({ document: subset, visit: (schema, at) => tooDeep({ schema, at, problems }) });
  problems.push(...sameValueCycles(subset), ...componentRefCycles(subset), ...mediaTypes(subset));
  return problems;
}

/** The first schema past the limit on each branch, iteratively: no stack to overflow. */
function tooDeep(input: { schema: unknown; at: Array<string | number>; problems: Problem[] }): void {
  const pending = [{ schema: input.schema, at: input.at, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > MAX_SCHEMA_DEPTH) {
      const message = `schema nested deeper than ${MAX_SCHEMA_DEPTH} levels; name the inner schemas in components.schemas and $ref them`;
      input.problems.push(problem({ code: "schema-too-deep", message, path: toPointer(next.at) }));
      return;
    }
    // Reversed: the stack then yields them in document order, and the first too deep is reported.
    for (const child of subschemas(next.schema).reverse()) pending.push({ schema: child.schema, at: [...next.at, ...child.key], depth: next.depth + 1 });
  }
}

interface SameValueRef {
  target: string;
  at: Array<string | number>;
}

/** Refs from a component schema to others that check the very same value. */
function sameValueRefs(input: { schema: unknown; at: Array<string | number> }): SameValueRef[] {
  const found: SameValueRef[] = [];
  const pending = [{ schema: input.schema, at: input.at }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { schema, at } = next;
    if (!isObject(schema)) continue;
    const target = typeof schema.$ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref)?.[1] : undefined;
    if (target !== undefined) found.push({ target: parsePointer(`/${target}`)[0]!, at: [...at, "$ref"] });
    for (const key of SAME_VALUE_LISTS) if (Array.isArray(schema[key])) schema[key].forEach((child: unknown, index: number) => pending.push({ schema: child, at: [...at, key, index] }));
    for (const key of SAME_VALUE_KEYS) if (Object.hasOwn(schema, key)) pending.push({ schema: schema[key], at: [...at, key] });
  }
  return found;
}

/** Each cycle of same-value refs among component schemas, reported once, at its first schema's ref. */
function sameValueCycles(subset: OpenApiDocument): Problem[] {
  const schemas = isObject(subset.components?.schemas) ? subset.components.schemas : {};
  const names = Object.keys(schemas).sort();
  const edges = new Map(names.map((name) => [name, sameValueRefs({ schema: schemas[name], at: ["components", "schemas", name] })]));
  const problems: Problem[] = [];
  const done = new Set<string>();
  for (const start of names) {
    const cycle = findCycle({ start, edges, done });
    done.add(start);
    if (!cycle) continue;
    const route = [...cycle.map((step) => step.from), start].join(" → ");
    const message = `schema "${start}" checks a value against itself with no property or item in between (${route}); a validator would never finish`;
    problems.push(problem({ code: "recursive-ref", message, path: toPointer(cycle[0]!.at) }));
    for (const step of cycle) done.add(step.from);
  }
  return problems;
}

/** A path of same-value refs from `start` back to it, avoiding schemas already reported or cleared. */
function findCycle(input: { start: string; edges: Map<string, SameValueRef[]>; done: Set<string> }): Array<{ from: string; at: Array<string | number> }> | undefined {
  const { start, edges, done } = input;
  const visited = new Set<string>();
  const pending: Array<{ name: string; path: Array<{ from: string; at: Array<string | number> }> }> = [{ name: start, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const ref of edges.get(next.name) ?? []) {
      const path = [...next.path, { from: next.name, at: ref.at }];
      if (ref.target === start) return path;
      if (visited.has(ref.target) || done.has(ref.target) || !edges.has(ref.target)) continue;
      visited.add(ref.target);
      pending.push({ name: ref.target, path });
    }
  }
  return undefined;
}

/** A parameter, response, body or header that is only a `$ref` to itself, by some chain. */
function componentRefCycles(subset: OpenApiDocument): Problem[] {
  const problems: Problem[] = [];
  for (const [section, entries] of Object.entries(subset.components ?? {})) {
    if (section === "schemas" || !isObject(entries)) continue;
    for (const name of Object.keys(entries).sort()) {
      const seen = new Set<string>([`#${toPointer(["components", section, name])}`]);
      for (let value = entries[name]; isObject(value) && typeof value.$ref === "string"; ) {
        if (seen.has(value.$ref)) {
          const message = `${section} "${name}" is a $ref chain that leads back to itself (${[...seen, value.$ref].join(" → ")})`;
          problems.push(problem({ code: "recursive-ref", message, path: toPointer(["components", section, name, "$ref"]) }));
          break;
        }
        seen.add(value.$ref);
        value = lookup(subset, parsePointer(value.$ref));
      }
    }
  }
  return problems;
}

function lookup(document: unknown, tokens: string[]): unknown {
  let node = document;
  for (const token of tokens) node = isObject(node) && Object.hasOwn(node, token) ? node[token] : undefined;
  return node;
}

/** A media type becomes a `content-type` header: printable ASCII only, no edge spaces. */
const MEDIA_TYPE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

function mediaTypes(subset: OpenApiDocument): Problem[] {
  const problems: Problem[] = [];
  const pending: Array<{ node: unknown; at: Array<string | number> }> = [{ node: subset.paths, at: ["paths"] }, { node: subset.components, at: ["components"] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, at } = next;
    if (Array.isArray(node)) node.forEach((child, index) => pending.push({ node: child, at: [...at, index] }));
    if (!isObject(node)) continue;
    // Schemas hold no media types (a property named `content` is a property).
    if (at.at(-1) === "schema" || at.at(-2) === "schemas") continue;
    for (const [key, child] of Object.entries(node)) {
      if (key === "content" && isObject(child)) {
        for (const type of Object.keys(child).filter((each) => !MEDIA_TYPE.test(each))) {
          const message = `media type ${JSON.stringify(type)} holds a character no HTTP header can carry (control, non-ASCII or edge space)`;
          problems.push(problem({ code: "media-type-invalid", message, path: toPointer([...at, key, type]) }));
        }
      }
      pending.push({ node: child, at: [...at, key] });
    }
  }
  return problems;
}
