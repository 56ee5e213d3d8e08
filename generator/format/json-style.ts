// JSON in exactly the layout prettier gives a JSON.stringify(value, null, 2) text:
// every non-empty object one key per line (prettier keeps an object broken when its
// source is), an array on one line when it holds only scalars and fits in the print
// width, else one element per line. A cold prettier is slow to start for this; the
// printer is instant. Where prettier's rules get subtle (numeric
// arrays it packs with `fill`, non-ASCII text whose display width differs from its
// length, nested arrays other than a list of pairs or longer tuples) it answers
// undefined and the file goes to prettier.
// test/unit/json-style.test.ts and the corpus hold it to prettier's output.

import { PRETTIER_OPTIONS } from "./prettier-options.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class NotPlain extends Error {}

export function printJsonLikePrettier(value: unknown): string | undefined {
  try {
    return print({ value: value as Json, indent: "", used: 0, last: true }) + "\n";
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

/** Arrays of strings, booleans and nulls, nested to any depth (numbers prettier may pack with `fill`). */
function textTree(value: Json): boolean {
  if (Array.isArray(value)) return value.every(textTree);
  return value === null || typeof value === "string" || typeof value === "boolean";
}

function flatText(value: Json): string {
  return Array.isArray(value) ? `[${value.map(flatText).join(", ")}]` : JSON.stringify(value);
}

/** `used`: columns taken on the line before the value; `last`: no comma follows it. */
function print(options: { value: Json; indent: string; used: number; last: boolean }): string {
  const { value, indent } = options;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    // An array of two or more arrays of two or more items each, prettier always breaks,
    // one inner array per line (each flat if it fits); other nestings it packs by width.
    const nested = value.some((item) => Array.isArray(item) && item.length > 0);
    if (nested && !(value.length > 1 && value.every((item) => Array.isArray(item) && item.length > 1))) {
      // Any other nesting of text, booleans and nulls is one group: flat if it fits, else
      // one item per line, each laid out the same way (`[["example.com", "localhost"]]`).
      if (!textTree(value)) throw new NotPlain();
      const flat = flatText(value);
      if (/[^\x20-\x7e]/.test(flat)) throw new NotPlain();
      if (options.used + flat.length + (options.last ? 0 : 1) <= PRETTIER_OPTIONS.printWidth) return flat;
    }
    if (!nested && value.every((item) => item === null || typeof item !== "object" || Object.keys(item).length === 0)) {
      const flat = `[${value.map((item) => print({ value: item, indent, used: 0, last: true })).join(", ")}]`;
      if (/[^\x20-\x7e]/.test(flat)) throw new NotPlain();
      if (options.used + flat.length + (options.last ? 0 : 1) <= PRETTIER_OPTIONS.printWidth) return flat;
      if (value.every((item) => typeof item === "number")) throw new NotPlain();
    }
    const items = value.map((item, index) => inner + print({ value: item, indent: inner, used: inner.length, last: index === value.length - 1 }));
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item], index) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return head + print({ value: item, indent: inner, used: head.length, last: index === entries.length - 1 });
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}
