// JavaScript literals of JSON values, their strings and keys written through escape.ts.
// `jsLiteral` prints one line as prettier does (`["a", "b"]`, `{ a: 1 }`, keys unquoted
// where they may be); a line holding a quote or backslash goes to prettier anyway
// (statement-layout.ts), which picks quotes. `jsonAsJs` prints JSON.stringify's
// two-space layout, for emitters whose output prettier formats whole.

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
