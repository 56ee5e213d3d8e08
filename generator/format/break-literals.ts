// A long member of an object literal (`key: { a: [b, c()], … },`) broken as prettier
// breaks objects and arrays: the outermost first, one member or element a line with a
// trailing comma, each printed the same way where it does not fit. Values are literals
// the emitters write on one line (strings, numbers, names, calls without objects in
// them, objects, arrays); anything else answers undefined and goes to prettier.

import { PRETTIER_OPTIONS } from "./prettier-options.js";
import { indentOf } from "./type-print.js";

const WIDTH = PRETTIER_OPTIONS.printWidth;

type Value =
  | { kind: "object"; members: { key: string; value: Value }[] }
  | { kind: "array"; elements: Value[] }
  | { kind: "leaf"; text: string; number: boolean };

interface Parser {
  text: string;
  at: number;
}

export function breakMember(input: { text: string; depth: number }): string[] | undefined {
  const match = /^([A-Za-z_$][\w$]*|\d+|"[^"\\]*"): ([[{].*),$/.exec(input.text);
  // A quoted key prettier would unquote: not as written.
  if (!match || /^"(?:[A-Za-z_$][\w$]*|\d+)"$/.test(match[1]!)) return undefined;
  const parser = { text: match[2]!, at: 0 };
  const value = parseValue(parser);
  if (!value || parser.at !== parser.text.length || flat(value) !== match[2] || !prettierFlat(value)) return undefined;
  return printValue({ value, lead: `${indentOf(input.depth)}${match[1]}: `, depth: input.depth, suffix: "," });
}

function printValue(input: { value: Value; lead: string; depth: number; suffix: string }): string[] | undefined {
  const { value, lead, depth, suffix } = input;
  const line = lead + flat(value) + suffix;
  if (line.length <= WIDTH) return [line];
  if (value.kind === "leaf" || `${lead}{`.length > WIDTH) return undefined;
  const inner = indentOf(depth + 1);
  const parts =
    value.kind === "object"
      ? value.members.map((member) => printValue({ value: member.value, lead: `${inner}${member.key}: `, depth: depth + 1, suffix: "," }))
      : value.elements.map((element) => printValue({ value: element, lead: inner, depth: depth + 1, suffix: "," }));
  if (parts.length === 0 || parts.some((part) => !part)) return undefined;
  const [open, close] = value.kind === "object" ? ["{", "}"] : ["[", "]"];
  return [lead + open, ...parts.flatMap((part) => part!), indentOf(depth) + close + suffix];
}

/**
 * No array prettier prints otherwise: numbers it fills several a line, or two or more
 * objects (arrays) of two or more members it always breaks; no key it would quote or
 * unquote (a quoted key beside a number).
 */
function prettierFlat(value: Value): boolean {
  if (value.kind === "leaf") return true;
  if (value.kind === "object") {
    const quoted = value.members.some((member) => member.key.startsWith('"'));
    const numeric = value.members.some((member) => /^\d/.test(member.key));
    const needless = value.members.some((member) => /^"(?:[A-Za-z_$][\w$]*|\d+)"$/.test(member.key));
    return !(quoted && numeric) && !needless && value.members.every((member) => prettierFlat(member.value));
  }
  const { elements } = value;
  if (elements.length > 1 && elements.every((element) => element.kind === "leaf" && element.number)) return false;
  const first = elements[0];
  const size = (each: Value) => (each.kind === "object" ? each.members.length : each.kind === "array" ? each.elements.length : 0);
  if (elements.length > 1 && first?.kind !== "leaf" && elements.every((each) => each.kind === first?.kind && size(each) > 1)) return false;
  return elements.every(prettierFlat);
}

function flat(value: Value): string {
  if (value.kind === "leaf") return value.text;
  if (value.kind === "array") return `[${value.elements.map(flat).join(", ")}]`;
  return value.members.length ? `{ ${value.members.map((member) => `${member.key}: ${flat(member.value)}`).join(", ")} }` : "{}";
}

// A string, an integer, a name, or a call of a name with such arguments.
const ARGUMENT = String.raw`"[^"\\\n]*"|-?\d+|[A-Za-z_$][\w$]*`;
const LEAF = new RegExp(String.raw`[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\((?:(?:${ARGUMENT})(?:, (?:${ARGUMENT}))*)?\)|${ARGUMENT}`, "y");
const KEY = /[A-Za-z_$][\w$]*|\d+|"[^"\\\n]*"/y;

function sticky(input: { parser: Parser; pattern: RegExp }): string | undefined {
  const { parser, pattern } = input;
  pattern.lastIndex = parser.at;
  const match = pattern.exec(parser.text);
  if (match) parser.at = pattern.lastIndex;
  return match?.[0];
}

function parseValue(parser: Parser): Value | undefined {
  const character = parser.text[parser.at];
  if (character === "{" || character === "[") return parseList(parser);
  const text = sticky({ parser, pattern: LEAF });
  // A bare name that reads as a type (`string`, `Customer`): the line may be a type literal's, where prettier writes `;`.
  if (text === undefined || /^(?:[A-Z][\w$]*|string|number|boolean|bigint|symbol|object|unknown|never|any|void)$/.test(text)) return undefined;
  return { kind: "leaf", text, number: /^-?\d/.test(text) };
}

/** An object or array in prettier's flat spacing (`{ a: 1 }`, `[1, 2]`, `{}`, `[]`). */
function parseList(parser: Parser): Value | undefined {
  const object = parser.text[parser.at] === "{";
  const close = object ? "}" : "]";
  parser.at++;
  const entries: { key: string; value: Value }[] = [];
  if (parser.text[parser.at] === close) {
    parser.at++;
    return object ? { kind: "object", members: [] } : { kind: "array", elements: [] };
  }
  if (object && parser.text[parser.at++] !== " ") return undefined;
  for (;;) {
    const key = object ? sticky({ parser, pattern: KEY }) : "";
    if (key === undefined || (object && !parser.text.startsWith(": ", parser.at))) return undefined;
    if (object) parser.at += 2;
    const value = parseValue(parser);
    if (!value) return undefined;
    entries.push({ key, value });
    if (!parser.text.startsWith(", ", parser.at)) break;
    parser.at += 2;
  }
  if (!parser.text.startsWith(object ? " }" : "]", parser.at)) return undefined;
  parser.at += object ? 2 : 1;
  return object ? { kind: "object", members: entries } : { kind: "array", elements: entries.map((entry) => entry.value) };
}
