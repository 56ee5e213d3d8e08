// JavaScript literals of JSON values, their strings and keys written through escape.ts.
// `jsLiteral` prints one line as prettier does (`["a", "b"]`, `{ a: 1 }`, keys unquoted
// where they may be); a line holding a quote or backslash goes to prettier anyway
// (statement-layout.ts), which picks quotes. `jsonAsJs` prints JSON.stringify's
// two-space layout, for emitters whose output prettier formats whole.

import { PRETTIER_OPTIONS } from "../format/prettier-options.js";
import { propertyKey, stringLiteral } from "./escape.js";

export function jsLiteral(value: unknown, json = false): string {
  if (value instanceof Code) return value.text;
  if (value instanceof Broken) return jsLiteral(value.value, json);
  if (Array.isArray(value)) return `[${value.map((each) => jsLiteral(each, json)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `${json ? jsonKey(key) : propertyKey(key)}: ${jsLiteral(item, json)}`);
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  return scalar(value);
}

/**
 * A key as prettier prints `JSON.stringify`'s: bare where it may be, else quoted through
 * escape.ts; `__proto__` computed (quoted, it would set the object's prototype).
 */
function jsonKey(key: string): string {
  if (key === "__proto__") return propertyKey(key);
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : stringLiteral(key);
}

/**
 * A JSON value as a JavaScript expression laid out as `JSON.stringify(value, null, 2)`
 * lays it out (prettier keeps an object broken where its source breaks it). JSON text
 * itself is no safe expression: a `"__proto__"` key would set the object's prototype.
 */
export function jsonAsJs(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.length ? `[\n${value.map((item) => inner + jsonAsJs(item, inner)).join(",\n")}\n${indent}]` : "[]";
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (!entries.length) return "{}";
    // Keys quoted as JSON quotes them: prettier then unquotes them as it did JSON text.
    const key = (name: string) => (name === "__proto__" ? propertyKey(name) : stringLiteral(name));
    return `{\n${entries.map(([name, item]) => `${inner}${key(name)}: ${jsonAsJs(item, inner)}`).join(",\n")}\n${indent}}`;
  }
  return scalar(value);
}

function scalar(value: unknown): string {
  if (typeof value === "number") return jsNumber(value);
  if (typeof value === "string") return stringLiteral(value);
  return JSON.stringify(value) ?? "undefined";
}

/** Prettier drops the `+` of an exponent (`1e+21` → `1e21`). */
export function jsNumber(value: number): string {
  return String(value).replace("e+", "e");
}

/** Code placed as it is in a literal of jsLiteralLines (`validators["X"]`, `() => check`): one line. */
export class Code {
  constructor(readonly text: string) {}
}

/** A JSON value whose every non-empty object the source breaks, as `jsonAsJs` prints them (prettier keeps those broken). */
export class Broken {
  constructor(readonly value: unknown) {}
}

/**
 * A value as a JavaScript expression in prettier's layout, for emitters in the
 * statement-lines layout (format/statement-layout.ts), which indents the lines. An object
 * or array is on one line where it fits at `depth` after `prefix` and before its `,` or
 * `;`, else one item per line; an object inside `Broken` (or everywhere, with
 * `broken: true`) is always one member per line. Not modelled, left on one line for
 * prettier: a long array of numbers (prettier fills lines with them). `json`: strings and
 * keys as `JSON.stringify` writes them, for values whose source text was JSON.
 */
export function jsLiteralLines(value: unknown, options: { depth: number; prefix?: string; suffix?: string; broken?: boolean; json?: boolean }): string {
  const { depth, prefix = "", suffix = "", json = false } = options;
  const broken = value instanceof Broken || (options.broken ?? false);
  const bare = value instanceof Broken ? value.value : value;
  const item = (each: unknown, itemPrefix: string) => jsLiteralLines(each, { depth: depth + 1, prefix: itemPrefix, suffix: ",", broken, json });
  const flat = `${prefix}${jsLiteral(bare, json)}${suffix}`;
  const fits = 2 * depth + flat.length <= PRETTIER_OPTIONS.printWidth;
  if (Array.isArray(bare)) {
    const allNumbers = bare.every((each) => typeof each === "number");
    if (!mustBreak({ value: bare, broken }) && (fits || allNumbers)) return flat;
    return [`${prefix}[`, ...bare.map((each) => item(each, "")), `]${suffix}`].join("\n");
  }
  if (isPlainObject(bare)) {
    const entries = Object.entries(bare).filter(([, each]) => each !== undefined);
    if (!entries.length) return `${prefix}{}${suffix}`;
    if (!mustBreak({ value: bare, broken }) && fits) return flat;
    return [`${prefix}{`, ...entries.map(([key, each]) => item(each, `${json ? jsonKey(key) : propertyKey(key)}: `)), `}${suffix}`].join("\n");
  }
  return flat;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !(value instanceof Code) && !(value instanceof Broken);
}

/**
 * Whether prettier breaks it wherever it is: an object the source breaks, anything that
 * holds one, and an array of several arrays, or several objects, each of more than one item.
 */
function mustBreak(input: { value: unknown; broken: boolean }): boolean {
  const broken = input.value instanceof Broken || input.broken;
  const value = input.value instanceof Broken ? input.value.value : input.value;
  if (Array.isArray(value)) {
    if (value.some((each) => mustBreak({ value: each, broken }))) return true;
    const several = (each: unknown) => (Array.isArray(each) ? each.length > 1 : isPlainObject(each) && Object.keys(each).length > 1);
    return value.length > 1 && (value.every((each) => Array.isArray(each) && several(each)) || value.every((each) => isPlainObject(each) && !Array.isArray(each) && several(each)));
  }
  if (!isPlainObject(value)) return false;
  const entries = Object.values(value).filter((each) => each !== undefined);
  return (broken && entries.length > 0) || entries.some((each) => mustBreak({ value: each, broken }));
}
