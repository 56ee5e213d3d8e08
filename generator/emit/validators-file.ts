// validators.ts: JSON Schema checks compiled at generation time into plain TypeScript,
// with no runtime dependency, so neither the client (`validateResponses`) nor the
// server ever parses the spec or ships a validator library. One function per
// component schema the selected operations reach; one per operation parameter.

import { PRETTIER_OPTIONS } from "../format/prettier-options.js";
import { HTTP_METHODS, isObject, type OpenApiDocument } from "../openapi.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import { compileSite, type CompileState } from "./validators/compile.js";
import { DATE_CHECK } from "./validators/formats.js";
import { ownValue } from "../json.js";
import { jsDoc, lineComment, propertyKey, regexLiteral, stringLiteral } from "./escape.js";

export function emitValidators(context: EmitContext): GeneratedFile[] {
  const document = context.subset as OpenApiDocument & Record<string, unknown>;
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown> | boolean>;
  const names = Object.keys(schemas).sort();
  const state: CompileState = {
    document,
    // Numbered, the schema named in a comment: a name in the identifier would make lines long.
    functions: new Map(names.map((name, index) => [name, `check${index}`])),
    patterns: new Map(),
    lists: new Map(),
    usedFormats: new Set(),
    uncheckedFormats: new Set(),
    counter: 0,
  };
  const functions = names.map((name) => {
    state.counter = 0;
    const body = compileSite({ schema: schemas[name]!, value: "value", at: "at", sink: "issues", state });
    return `${jsDoc(name)}\nfunction ${state.functions.get(name)}(value: unknown, at: string, issues: ValidationIssue[]): void {\n${body || "void value, at, issues;"}\n}`;
  });
  const parameters = parameterValidators({ document, state });
  const bodies = bodyValidators({ document, state });
  const code = [...functions, ...parameters, ...bodies].join("\n");
  // Only the helpers the checks call: the output compiles under noUnusedLocals.
  const helpers = usedHelpers({ code, helpers: [...HELPERS, DATE_CHECK] });
  const text = [
    header(state),
    ISSUE_TYPES,
    ...[...state.patterns].map(([source, name]) => `const ${name} = ${patternExpression(source)};`),
    ...[...state.lists.entries()].map(([literal, list]) => listConstant({ literal, ...list })),
    ...(names.length ? [RUN] : []),
    ...helpers,
    ...functions,
    `/** By component schema name: \`validators.CustomerSubscription(body)\` returns [] when valid. */`,
    `export const validators = ${objectLiteral(names.map((name) => `${propertyKey(name)}: (value: unknown) => run(${state.functions.get(name)}, value),`))} satisfies Record<string, Validator>;`,
    `/** By operationId, then \`in.name\` (\`path.id\`, \`query.anonymize\`): checks the decoded value. */`,
    `export const parameters = ${objectLiteral(parameters)} satisfies Record<string, Record<string, Validator>>;`,
    `/** By operationId, then media type: checks the decoded request body. */`,
    `export const requestBodies = ${objectLiteral(bodies)} satisfies Record<string, Record<string, Validator>>;`,
  ];
  return [{ path: "validators.ts", contents: text.join("\n\n") + "\n", layout: "statement-lines" }];
}

/** `const LIST_0 = [...]`: on one line where it fits, else one item per line, as prettier prints a list of strings. */
function listConstant(options: { name: string; literal: string; items: string[] }): string {
  const line = `const ${options.name} = ${options.literal};`;
  if (line.length <= PRETTIER_OPTIONS.printWidth) return line;
  return [`const ${options.name} = [`, ...options.items.map((item) => `${stringLiteral(item)},`), "];"].join("\n");
}

/** Members one per line, as an emitter writes them; `{}` when there are none, as prettier prints it. */
function objectLiteral(members: string[]): string {
  return members.length ? `{\n${members.join("\n")}\n}` : "{}";
}

/** The helpers the code calls, and those they call in turn. */
function usedHelpers(options: { code: string; helpers: string[] }): string[] {
  const nameOf = (helper: string) => /function (\w+)/.exec(helper)![1]!;
  const used = new Set<string>();
  let text = options.code;
  for (let grew = true; grew; ) {
    grew = false;
    for (const helper of options.helpers) {
      if (!used.has(helper) && text.includes(`${nameOf(helper)}(`)) {
        used.add(helper);
        text += helper;
        grew = true;
      }
    }
  }
  return options.helpers.filter((helper) => used.has(helper));
}

function parameterValidators(options: { document: OpenApiDocument & Record<string, unknown>; state: CompileState }): string[] {
  const { document, state } = options;
  const entries: Array<[string, string]> = [];
  for (const item of Object.values(document.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== "string") continue;
      const list = [...asArray(item.parameters), ...asArray(operation.parameters)].map((parameter) => resolve({ document, value: parameter }));
      const checks = list.filter(isObject).map((parameter) => {
        state.counter = 0;
        const schema = (parameter.schema ?? true) as Record<string, unknown> | boolean;
        const body = compileSite({ schema, value: "value", at: `""`, sink: "issues", state });
        return `${propertyKey(`${parameter.in}.${parameter.name}`)}: (value: unknown) => {\nconst issues: ValidationIssue[] = [];\n${body}\nreturn issues;\n},`;
      });
      entries.push([operation.operationId, `${propertyKey(operation.operationId)}: ${objectLiteral(checks.sort())},`]);
    }
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, code]) => code);
}

/** Each operation's request body schema per media type, as the server checks a decoded body. */
function bodyValidators(options: { document: OpenApiDocument & Record<string, unknown>; state: CompileState }): string[] {
  const { document, state } = options;
  const entries: Array<[string, string]> = [];
  for (const item of Object.values(document.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== "string") continue;
      const content = ownValue(resolve({ document, value: operation.requestBody }), "content");
      if (!isObject(content)) continue;
      const checks = Object.keys(content).sort().flatMap((media) => {
        const schema = ownValue(ownValue(content, media), "schema");
        if (schema === undefined) return [];
        state.counter = 0;
        const body = compileSite({ schema: schema as Record<string, unknown> | boolean, value: "value", at: `""`, sink: "issues", state });
        return [`${propertyKey(media)}: (value: unknown) => {\nconst issues: ValidationIssue[] = [];\n${body}\nreturn issues;\n},`];
      });
      if (checks.length) entries.push([operation.operationId, `${propertyKey(operation.operationId)}: ${objectLiteral(checks)},`]);
    }
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, code]) => code);
}

function resolve(options: { document: Record<string, unknown>; value: unknown }): unknown {
  let value = options.value;
  for (let hops = 0; hops < 8 && isObject(value) && typeof value.$ref === "string"; hops++) {
    const path = value.$ref.replace(/^#\//, "").split("/").map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
    value = path.reduce<unknown>((node, token) => ownValue(node, token), options.document);
  }
  return value;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function header(state: CompileState): string {
  const checked = [...state.usedFormats].sort().join(", ") || "none";
  const unchecked = [...state.uncheckedFormats].sort();
  return [
    `// Formats checked: ${lineComment(checked)}.`,
    unchecked.length ? `// Formats NOT checked (unknown to polar-codegen; values pass): ${lineComment(unchecked.join(", "))}.` : `// Every format in these schemas is checked.`,
    `// \`oneOf\` is checked as "at least one branch" (or the branch a discriminator names):`,
    `// Polar's oneOfs overlap, and the data it sends matches more than one branch.`,
  ].join("\n");
}

/**
 * A JSON Schema pattern as an expression: a literal in Unicode mode when the pattern allows
 * it (Polar's all do); otherwise the constructor, since TypeScript checks a literal's syntax
 * by stricter rules than engines apply without the flag. A pattern that compiles neither
 * way was refused with its position before any emitter ran (pattern-checks.ts).
 */
function patternExpression(source: string): string {
  if (compiles({ source, flags: "u" })) return regexLiteral({ source, flags: "u" });
  if (compiles({ source, flags: "" })) return `/* @__PURE__ */ new RegExp(${stringLiteral(source)})`;
  throw new Error(`validators: the pattern ${stringLiteral(source)} is no regular expression`);
}

function compiles(options: { source: string; flags: string }): boolean {
  try {
    new RegExp(options.source, options.flags);
    return true;
  } catch {
    return false;
  }
}

const ISSUE_TYPES = `/** One place where a value breaks its schema. \`pointer\` is a JSON pointer into the value. */
export interface ValidationIssue {
  pointer: string;
  keyword: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** Returns every issue found; an empty array means valid. */
export type Validator = (value: unknown) => ValidationIssue[];`;

const RUN = `type Check = (value: unknown, at: string, issues: ValidationIssue[]) => void;

function run(check: Check, value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  check(value, "", issues);
  return issues;
}`;

// Written as prettier prints them, no line over its width: validators.ts needs no prettier (statement-layout.ts).
const HELPERS = [
  `function requireAll(
  issues: ValidationIssue[],
  at: string,
  value: Record<string, unknown>,
  names: readonly string[],
): void {
  for (const name of names) {
    if (Object.hasOwn(value, name)) continue;
    const message = \`must have property "\${name}"\`;
    fail(issues, at + "/" + escapeToken(name), "required", name, undefined, message);
  }
}`,
  `function fail(
  issues: ValidationIssue[],
  pointer: string,
  keyword: string,
  expected: unknown,
  actual: unknown,
  message = derivedMessage(keyword, expected),
): void {
  issues.push({ pointer, keyword, message, expected, actual });
}`,
  `function derivedMessage(keyword: string, expected: unknown): string {
  if (keyword === "type") return \`must be \${String(expected).split(" | ").join(" or ")}\`;
  if (keyword === "format") return \`must be a valid \${String(expected)}\`;
  if (keyword === "enum") {
    const names = (expected as unknown[]).map((item) => JSON.stringify(item));
    return \`must be one of \${names.join(", ")}\`;
  }
  if (keyword === "const") return \`must be \${JSON.stringify(expected)}\`;
  return \`must match \${String(expected)}\`;
}`,
  `function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}`,
  `/** Length in code points, as JSON Schema counts it (not UTF-16 units). */
function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}`,
  `function includesJson(allowed: readonly unknown[], value: unknown): boolean {
  if (value === null || typeof value !== "object") return allowed.includes(value);
  const text = JSON.stringify(value);
  return allowed.some((item) => JSON.stringify(item) === text);
}`,
  `function escapeToken(token: string): string {
  return token.split("~").join("~0").split("/").join("~1");
}`,
];
