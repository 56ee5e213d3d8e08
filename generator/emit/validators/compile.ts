// JSON Schema (OpenAPI 3.0 and 3.1) → TypeScript statements that push issues. Each
// call compiles one schema for one value expression; component schemas become named
// functions the statements call, so recursive schemas work.
//
// Semantics worth knowing:
// - `oneOf` is checked as "at least one branch": Polar's spec has oneOfs whose branches
//   overlap (CustomerSubscription.prices: a legacy recurring price also matches
//   ProductPrice), and the data Polar sends, serialised from pydantic unions, matches
//   both. A strict "exactly one" would reject valid responses. With a `discriminator`,
//   the branch it names is the one checked.
// - Formats are enforced (formats.ts); one the table lacks is reported by the emitter.

import { stringLiteral } from "../escape.js";
import { escapePointerToken, isObject, unescapePointerToken } from "../../openapi.js";
import { fail, guarded, listLiteral, not, pattern, TYPE_TESTS, type Schema, type Site } from "./compile-support.js";
import { enumCheck, numberChecks, stringChecks, typeCheck } from "./scalar-checks.js";

export type { CompileState } from "./compile-support.js";

export function compileSite(site: Site): string {
  const { schema, value } = site;
  if (schema === true) return "";
  if (schema === false) return fail({ site, keyword: "false", message: `"is not allowed here"`, expected: `"nothing"` });
  const body = [
    refCall(site),
    typeCheck(site),
    enumCheck(site),
    guarded({ test: TYPE_TESTS.string!(value), code: stringChecks(site) }),
    guarded({ test: `typeof ${value} === "number"`, code: numberChecks(site) }),
    guarded({ test: TYPE_TESTS.object!(value), code: objectChecks(site) }),
    guarded({ test: TYPE_TESTS.array!(value), code: arrayChecks(site) }),
    combinators(site),
  ].filter(Boolean);
  const code = body.join("\n");
  // OpenAPI 3.0's `nullable: true` lets null through whatever else the schema says.
  return schema.nullable === true && code ? `if (${value} !== null) {\n${code}\n}` : code;
}

function refCall(site: Site): string {
  const ref = (site.schema as Record<string, unknown>).$ref;
  if (typeof ref !== "string") return "";
  const name = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
  const fn = name && site.state.functions.get(unescapePointerToken(name));
  if (!fn) throw new Error(`validators: cannot compile $ref "${ref}" (only #/components/schemas/... is supported)`);
  return `${fn}(${site.value}, ${site.at}, ${site.sink});`;
}

function objectChecks(site: Site): string {
  const schema = site.schema as Record<string, unknown>;
  const { value, state } = site;
  const checks: string[] = [];
  const properties = (isObject(schema.properties) ? schema.properties : {}) as Record<string, Schema>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  if (required.length) checks.push(`requireAll(${site.sink}, ${site.at}, ${value}, ${listLiteral({ state, items: required })});`);
  for (const [name, child] of Object.entries(properties)) {
    const variable = `v${state.counter++}`;
    // The property's pointer, named once: `fail(issues, at + "/a_long_name", …)` in every check makes long lines.
    const pointer = `p${variable.slice(1)}`;
    const inner = compileSite({ schema: child, value: variable, at: pointer, sink: site.sink, state });
    const at = `${site.at} + ${stringLiteral(`/${escapePointerToken(name)}`)}`;
    const uses = inner.match(new RegExp(`\\b${pointer}\\b`, "g"))?.length ?? 0;
    const body = uses > 1 ? `const ${pointer} = ${at};\n${inner}` : inner.replace(new RegExp(`\\b${pointer}\\b`), at);
    // Variable names are unique within a function, so no block is needed around them.
    if (inner) checks.push(`const ${variable} = ${ownProperty({ value, name })};\nif (${variable} !== undefined) {\n${body}\n}`);
  }
  checks.push(extraProperties({ site, known: Object.keys(properties) }));
  for (const [keyword, op] of [["minProperties", "<"], ["maxProperties", ">"]] as const) {
    if (typeof schema[keyword] === "number") checks.push(`if (Object.keys(${value}).length ${op} ${schema[keyword]}) ${fail({ site, keyword, message: stringLiteral(`must not have ${op} ${schema[keyword]} properties`), expected: String(schema[keyword]) })}`);
  }
  return checks.filter(Boolean).join("\n");
}

/**
 * A property of a JSON value, read as its own: a body without `constructor` must not
 * be checked against the `constructor` every object inherits. Only names an object
 * inherits need the test, so other checks keep their short form.
 */
function ownProperty(options: { value: string; name: string }): string {
  const key = stringLiteral(options.name);
  return options.name in Object.prototype ? `Object.hasOwn(${options.value}, ${key}) ? ${options.value}[${key}] : undefined` : `${options.value}[${key}]`;
}

/** additionalProperties, patternProperties and propertyNames: one loop over the keys. */
function extraProperties(options: { site: Site; known: string[] }): string {
  const { site, known } = options;
  const schema = site.schema as Record<string, unknown>;
  const { state } = site;
  const key = `k${state.counter++}`;
  const item = `v${state.counter++}`;
  const at = `${site.at} + "/" + escapeToken(${key})`;
  const parts: string[] = [];
  if (schema.propertyNames !== undefined) {
    const inner = compileSite({ schema: schema.propertyNames as Schema, value: key, at, sink: site.sink, state });
    if (inner) parts.push(inner);
  }
  const patterns = (isObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : []) as Array<[string, Schema]>;
  const matched = patterns.map(([source]) => `${pattern({ state, source })}.test(${key})`);
  for (const [source, child] of patterns) {
    const inner = compileSite({ schema: child, value: item, at, sink: site.sink, state });
    if (inner) parts.push(`if (${pattern({ state, source })}.test(${key})) {\n${inner}\n}`);
  }
  const additional = schema.additionalProperties;
  if (additional !== undefined && additional !== true) {
    const isKnown = [...(known.length ? [`${listLiteral({ state, items: known })}.includes(${key})`] : []), ...matched].join(" || ") || "false";
    const inner = compileSite({ schema: additional as Schema, value: item, at, sink: site.sink, state });
    if (inner) parts.push(`if (${not(isKnown)}) {\n${inner}\n}`);
  }
  if (parts.length === 0) return "";
  return `for (const ${key} in ${site.value}) {\nconst ${item} = ${site.value}[${key}];\nvoid ${item};\n${parts.join("\n")}\n}`;
}

function arrayChecks(site: Site): string {
  const schema = site.schema as Record<string, unknown>;
  const { value, state } = site;
  const checks: string[] = [];
  for (const [keyword, op] of [["minItems", "<"], ["maxItems", ">"]] as const) {
    if (typeof schema[keyword] === "number") checks.push(`if (${value}.length ${op} ${schema[keyword]}) ${fail({ site, keyword, message: stringLiteral(`must not have ${op} ${schema[keyword]} items`), expected: String(schema[keyword]) })}`);
  }
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as Schema[]) : [];
  prefix.forEach((child, index) => {
    const variable = `v${state.counter++}`;
    const inner = compileSite({ schema: child, value: variable, at: `${site.at} + "/${index}"`, sink: site.sink, state });
    if (inner) checks.push(`if (${value}.length > ${index}) {\nconst ${variable} = ${value}[${index}];\n${inner}\n}`);
  });
  if (schema.items !== undefined && !Array.isArray(schema.items)) {
    const index = `i${state.counter++}`;
    const variable = `v${state.counter++}`;
    const inner = compileSite({ schema: schema.items as Schema, value: variable, at: `${site.at} + "/" + ${index}`, sink: site.sink, state });
    if (inner) checks.push(`for (let ${index} = ${prefix.length}; ${index} < ${value}.length; ${index}++) {\nconst ${variable} = ${value}[${index}];\n${inner}\n}`);
  }
  return checks.join("\n");
}

function combinators(site: Site): string {
  const schema = site.schema as Record<string, unknown>;
  const checks: string[] = [];
  for (const child of Array.isArray(schema.allOf) ? (schema.allOf as Schema[]) : []) checks.push(compileSite({ ...site, schema: child }));
  for (const keyword of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(schema[keyword])) checks.push(someBranch({ site, keyword, branches: schema[keyword] as Schema[] }));
  }
  if (schema.not !== undefined) {
    const sink = `n${site.state.counter++}`;
    const inner = compileSite({ ...site, schema: schema.not as Schema, sink });
    checks.push(`{\nconst ${sink}: ValidationIssue[] = [];\n${inner}\nif (${sink}.length === 0) ${fail({ site, keyword: "not", message: `"must not match the schema in not"` })}\n}`);
  }
  return checks.filter(Boolean).join("\n");
}

/** At least one branch must hold; with a discriminator, the branch it names must. */
function someBranch(options: { site: Site; keyword: string; branches: Schema[] }): string {
  const { site, keyword, branches } = options;
  const discriminator = (site.schema as Record<string, unknown>).discriminator as { propertyName?: string; mapping?: Record<string, string> } | undefined;
  // FastAPI's `anyOf: [X, {type: "null"}]` (thousands in Polar's spec): null, or X.
  const other = branches.length === 2 && !discriminator ? branches.find((branch) => !isNullSchema(branch)) : undefined;
  if (other !== undefined && branches.some(isNullSchema)) {
    const inner = compileSite({ ...site, schema: other });
    return inner ? `if (${site.value} !== null) {\n${inner}\n}` : "";
  }
  const sinks = branches.map(() => `b${site.state.counter++}`);
  const tries = branches.map((branch, index) => `const ${sinks[index]}: ValidationIssue[] = [];\n${compileSite({ ...site, schema: branch, sink: sinks[index]! })}`);
  const none = sinks.map((sink) => `${sink}.length > 0`).join(" && ");
  const message = stringLiteral(`must match ${keyword === "oneOf" ? "one" : "at least one"} of its ${branches.length} schemas`);
  let verdict = `if (${none}) ${fail({ site, keyword, message, expected: stringLiteral(`${branches.length} alternatives`) })}`;
  if (discriminator?.propertyName) {
    const tag = stringLiteral(String(discriminator.propertyName));
    // Each case a block of its own lines: prettier's layout, statement by statement.
    const cases = branches.flatMap((branch, index) =>
      tagsOf({ branch, mapping: discriminator.mapping }).map((value) => `case ${stringLiteral(value)}: {\n${site.sink}.push(...${sinks[index]});\nbreak;\n}`),
    );
    const unknownTag = fail({ site, keyword: "discriminator", message: stringLiteral(`${discriminator.propertyName} must name one of the alternatives`), at: `${site.at} + ${stringLiteral(`/${escapePointerToken(discriminator.propertyName)}`)}` });
    verdict = `if (isRecord(${site.value}) && typeof ${site.value}[${tag}] === "string") {\nswitch (${site.value}[${tag}]) {\n${cases.join("\n")}\ndefault: {\n${unknownTag}\n}\n}\n} else {\n${verdict}\n}`;
  }
  return `{\n${tries.join("\n")}\n${verdict}\n}`;
}

function isNullSchema(schema: Schema): boolean {
  if (typeof schema !== "object" || schema.type !== "null") return false;
  return Object.keys(schema).every((key) => ["type", "title", "description"].includes(key));
}

/** The discriminator values that select a branch: from the mapping, else the schema's name. */
function tagsOf(options: { branch: Schema; mapping: Record<string, string> | undefined }): string[] {
  const ref = typeof options.branch === "object" ? options.branch.$ref : undefined;
  if (typeof ref !== "string") return [];
  const mapped = Object.entries(options.mapping ?? {}).filter(([, target]) => target === ref || target === ref.split("/").pop()).map(([value]) => value);
  return mapped.length > 0 ? mapped : [unescapePointerToken(ref.split("/").pop()!)];
}
