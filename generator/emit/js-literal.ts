// JavaScript literals of JSON values, their strings and keys written through escape.ts.
// `jsLiteral` prints one line as prettier does (`["a", "b"]`, `{ a: 1 }`, keys unquoted
// where they may be); a line holding a quote or backslash goes to prettier anyway
// (statement-layout.ts), which picks quotes. `jsonAsJs` prints JSON.stringify's
// two-space layout, for emitters whose output prettier formats whole.

import { PRETTIER_OPTIONS } from "../format/prettier-options.js";
import { propertyKey, stringLiteral } from "./escape.js";

export function jsLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${jsLiteral(item)}`);
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  return scalar(value);
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

/**
 * A JSON value as a JavaScript expression in prettier's layout, for emitters in the
 * statement-lines layout (format/statement-layout.ts), which indents the lines: every
 * non-empty object one member per line; an array on one line where it fits at `depth`
 * after `prefix` and before its `,` or `;`, else one item per line. Not modelled, left
 * on one line for prettier: a long array of numbers (prettier fills lines with them).
 */
export function jsLiteralLines(value: unknown, options: { depth: number; prefix?: string; suffix?: string }): string {
  const { depth, prefix = "", suffix = "" } = options;
  const item = (each: unknown, itemPrefix: string) => jsLiteralLines(each, { depth: depth + 1, prefix: itemPrefix, suffix: "," });
  if (Array.isArray(value)) {
    const flat = `${prefix}${jsLiteral(value)}${suffix}`;
    const allNumbers = value.every((each) => typeof each === "number");
    if (!mustBreak(value) && (2 * depth + flat.length <= PRETTIER_OPTIONS.printWidth || allNumbers)) return flat;
    return [`${prefix}[`, ...value.map((each) => item(each, "")), `]${suffix}`].join("\n");
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, each]) => each !== undefined);
    if (!entries.length) return `${prefix}{}${suffix}`;
    return [`${prefix}{`, ...entries.map(([key, each]) => item(each, `${propertyKey(key)}: `)), `}${suffix}`].join("\n");
  }
  return `${prefix}${scalar(value)}${suffix}`;
}

/**
 * Prettier breaks an array holding a broken object (every non-empty one is, here), and one
 * of several arrays or objects that each hold more than one item.
 */
function mustBreak(value: unknown[]): boolean {
  if (value.some(holdsObject)) return true;
  return value.length > 1 && value.every((each) => Array.isArray(each) && each.length > 1);
}

function holdsObject(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsObject);
  return value !== null && typeof value === "object" && Object.values(value).some((each) => each !== undefined);
}
