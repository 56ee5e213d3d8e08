// What the validator compiler (compile.ts) shares among its checks: the compile state,
// the site a check is compiled for, and the pieces of emitted code (a failure, a pattern
// or list constant, a negation in prettier's parentheses).

import { stringLiteral } from "../escape.js";
import { jsLiteral } from "../js-literal.js";

export type Schema = Record<string, unknown> | boolean;

export interface CompileState {
  document: Record<string, unknown>;
  /** Component schema name → generated function name. */
  functions: Map<string, string>;
  /** Regular expressions, source → constant name; emitted once at module level. */
  patterns: Map<string, string>;
  /** Long lists of strings, one-line literal → constant name and items; emitted once at module level (listLiteral). */
  lists: Map<string, { name: string; items: string[] }>;
  usedFormats: Set<string>;
  uncheckedFormats: Set<string>;
  counter: number;
}

export interface Site {
  schema: Schema;
  /** A variable holding the value. */
  value: string;
  /** An expression for the value's JSON pointer. */
  at: string;
  /** The issues array to push to. */
  sink: string;
  state: CompileState;
}

export const TYPE_TESTS: Record<string, (value: string) => string> = {
  string: (v) => `typeof ${v} === "string"`,
  number: (v) => `(typeof ${v} === "number" && Number.isFinite(${v}))`,
  integer: (v) => `Number.isInteger(${v})`,
  boolean: (v) => `typeof ${v} === "boolean"`,
  null: (v) => `${v} === null`,
  object: (v) => `isRecord(${v})`,
  array: (v) => `Array.isArray(${v})`,
};

export function guarded(options: { test: string; code: string }): string {
  return options.code ? `if (${options.test}) {\n${options.code}\n}` : "";
}

/** Keywords whose message the emitted `fail` derives from `expected`: the commonest checks stay short. */
const DERIVED_MESSAGES = new Set(["type", "format", "enum", "const", "pattern"]);

/** Longer than this, a list of plain strings is named at module level rather than written inline. */
const INLINE_LIST_LENGTH = 40;

/**
 * A list as a literal, or, when it is a long one of plain strings, the name of a module
 * constant holding it: inline, it would make its check's line longer than prettier's
 * width, and only prettier could break that line.
 */
export function listLiteral(options: { state: CompileState; items: unknown[] }): string {
  const literal = jsLiteral(options.items);
  const plain = options.items.every((item): item is string => typeof item === "string" && /^[\x20-\x7e]*$/.test(item) && !/["'\\]/.test(item));
  if (!plain || literal.length <= INLINE_LIST_LENGTH) return literal;
  let list = options.state.lists.get(literal);
  if (!list) {
    list = { name: `LIST_${options.state.lists.size}`, items: options.items as string[] };
    options.state.lists.set(literal, list);
  }
  return list.name;
}

export function fail(options: { site: Site; keyword: string; message: string; expected?: string; actual?: string; at?: string }): string {
  const { site } = options;
  const message = DERIVED_MESSAGES.has(options.keyword) ? "" : `, ${options.message}`;
  return `fail(${site.sink}, ${options.at ?? site.at}, ${stringLiteral(options.keyword)}, ${options.expected ?? "undefined"}, ${options.actual ?? site.value}${message});`;
}

export function pattern(options: { state: CompileState; source: string }): string {
  const { state, source } = options;
  let name = state.patterns.get(source);
  if (!name) {
    name = `PATTERN_${state.patterns.size}`;
    state.patterns.set(source, name);
  }
  return name;
}

/** `!expression`, in parentheses only where prettier keeps them: around an operator, not a call or a name. */
export function not(expression: string): string {
  return hasTopLevelOperator(expression) ? `!(${expression})` : `!${expression}`;
}

/** A space outside brackets and strings: `a === b`, `a || b`; `f(a, b)` and `(a && b)` have none. */
function hasTopLevelOperator(expression: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < expression.length; index++) {
    const char = expression[index]!;
    if (quote) {
      if (char === "\\") index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (char === " " && depth === 0) return true;
  }
  return false;
}

