// More shapes of long statement line that statement-layout.ts breaks as prettier breaks
// them (statement-breaks.ts tries these first): `if (a && b && …) call(…);` whose test
// prettier breaks one operand a line, an `if` or a call holding strings with escapes, a
// type alias of an indexed access broken after its `=`, a function type's `) => A | B;`
// broken after the `=>`, a type member `name: Name;` that cannot break or `name: A | B;`
// broken after the `:`, and an object member `key: (value: T) => call(…),` broken after
// the `=>` or in its parameters. Also which text prettier prints as it is, quotes and
// escapes included. Each answers undefined for anything else (the line then goes to
// prettier); test/unit/break-statements.test.ts holds them to prettier.

import { PRETTIER_OPTIONS } from "./prettier-options.js";

const WIDTH = PRETTIER_OPTIONS.printWidth;
const NAME = String.raw`[A-Za-z_$][\w$]*`;
const PATH = String.raw`${NAME}(?:\.${NAME})*`;
/** A double-quoted string literal, escapes and all. */
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;

/**
 * Whether prettier prints the text's characters as they are: printable ASCII, and every
 * quote or backslash inside a double-quoted string that keeps its quotes (prettier keeps
 * a string's own quotes unless it holds more `"` than `'`, and then copies it verbatim).
 */
export function stableText(text: string): boolean {
  if (!/[^\x20-\x7e]|['\\]/.test(text)) return true;
  // A template literal could hold a quote that looks like a string's: not scanned.
  if (/[^\x20-\x7e]|`/.test(text)) return false;
  for (let at = 0; at < text.length; at++) {
    const character = text[at]!;
    if (character === '"') {
      const literal = stringAt({ text, at });
      if (!literal || literal.split('"').length - 3 > literal.split("'").length - 1) return false;
      at += literal.length - 1;
    } else if (character === "'" || character === "\\") return false;
    // A regular expression could hold a quote: only comments and a spaced division.
    else if (character === "/" && !(text[at + 1] === "*" || text[at - 1] === "*" || (text[at - 1] === " " && text[at + 1] === " "))) return false;
  }
  return true;
}

/** The double-quoted string literal that starts at `at`, or undefined where it does not end. */
function stringAt(input: { text: string; at: number }): string | undefined {
  const string = new RegExp(STRING, "y");
  string.lastIndex = input.at;
  return string.exec(input.text)?.[0];
}

function indentOf(level: number): string {
  return "  ".repeat(level);
}

/** The long-line shapes of this module, or undefined. */
export function breakStatement(input: { text: string; depth: number }): string[] | undefined {
  if (!stableText(input.text)) return undefined;
  return ifStatement(input) ?? callLines(input) ?? indexedAlias(input) ?? returnUnion(input) ?? unbreakableMember(input) ?? unionMember(input) ?? memberArrow(input);
}

/**
 * `if (test) consequent;` → `if (test)` (or, where it does not fit, `if (`, the `&&`
 * operands one a line, `)`), then the consequent a level deeper: on its line where it
 * fits, else a call broken one argument a line.
 */
function ifStatement(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  if (!text.startsWith("if (") || `${indentOf(depth)}${text}`.length <= WIDTH) return undefined;
  const close = closingBracket({ text, from: 3 });
  if (close === undefined) return undefined;
  const test = text.slice(4, close);
  const consequent = text.slice(close + 1).trim();
  // One statement: not `if (a) b; else c;`, whose `else` prettier puts on a line of its own.
  if (!consequent.endsWith(";") || consequent.startsWith("{") || text[close + 1] !== " ") return undefined;
  if (splitTopLevel({ text: consequent, separator: ";" })?.length !== 2) return undefined;
  const head = `${indentOf(depth)}if (${test})`;
  let lines = [head];
  if (head.length > WIDTH) {
    const operands = splitTopLevel({ text: test, separator: " && " });
    const operand = new RegExp(String.raw`^!?${PATH}(?:\([\w$., ]*\))?(?: (?:===|!==|[<>]=?) (?:${PATH}|-?\d+))?$`);
    if (!operands || operands.length < 2 || !operands.every((each) => operand.test(each))) return undefined;
    lines = [`${indentOf(depth)}if (`, ...operands.map((each, index) => `${indentOf(depth + 1)}${each}${index < operands.length - 1 ? " &&" : ""}`), `${indentOf(depth)})`];
    if (!lines.every((line) => line.length <= WIDTH)) return undefined;
  }
  const fits = `${indentOf(depth + 1)}${consequent}`;
  const body = fits.length <= WIDTH ? [fits] : callLines({ text: consequent, depth: depth + 1 });
  return body && [...lines, ...body];
}

/**
 * `name(a, b, "c");` → one argument a line. Each argument a name, a number, a string or
 * a `+` of them and plain calls: nothing prettier hugs or breaks inside. Only a lone
 * string may be longer than its line (prettier has nowhere to break it).
 */
function callLines(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const call = new RegExp(String.raw`^(${NAME})\((.*)\);$`).exec(text);
  if (!call || `${indentOf(depth)}${text}`.length <= WIDTH) return undefined;
  const args = splitTopLevel({ text: call[2]!, separator: "," });
  const value = String.raw`(?:${PATH}(?:\([\w$., ]*\))?|-?\d+|${STRING})`;
  const plain = new RegExp(String.raw`^${value}(?: \+ ${value})*$`);
  const lone = new RegExp(String.raw`^${STRING}$`);
  if (!args || args.some((arg) => !plain.test(arg))) return undefined;
  const lines = args.map((arg) => `${indentOf(depth + 1)}${arg},`);
  if (lines.some((line, index) => line.length > WIDTH && !lone.test(args[index]!))) return undefined;
  return [`${indentOf(depth)}${call[1]}(`, ...lines, `${indentOf(depth)});`];
}

/** `export type X = A["b"][200];` over the width: prettier breaks after the `=` and keeps the rest whole. */
function indexedAlias(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const match = new RegExp(String.raw`^((?:export )?type ${NAME} =) (${NAME}(?:\[(?:${STRING}|\d+)\])+;)$`).exec(text);
  if (!match || `${indentOf(depth)}${text}`.length <= WIDTH) return undefined;
  return [`${indentOf(depth)}${match[1]}`, `${indentOf(depth + 1)}${match[2]}`];
}

/**
 * `) => R | Promise<R>;`, closing a function type's parameters broken one a line, over
 * the width: prettier breaks after the `=>`, and then at each `|` where the union does
 * not fit on its line.
 */
function returnUnion(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const match = /^\) => (.*);$/.exec(text);
  if (!match || `${indentOf(depth)}${text}`.length <= WIDTH) return undefined;
  const members = splitTopLevel({ text: match[1]!, separator: " | ", types: true });
  // Type references (a generic one among them: no expression ends `B<C>;`), nothing prettier would hug or break inside.
  const member = new RegExp(String.raw`^${NAME}(?:<[\w$<>, |"[\]]*>)?$`);
  if (!members || members.length < 2 || !members.every((each) => member.test(each)) || !members.some((each) => each.includes("<"))) return undefined;
  const head = `${indentOf(depth)}) =>`;
  const flat = `${indentOf(depth + 1)}${match[1]};`;
  if (flat.length <= WIDTH) return [head, flat];
  const lines = members.map((each, index) => `${indentOf(depth + 1)}| ${each}${index === members.length - 1 ? ";" : ""}`);
  return lines.every((line) => line.length <= WIDTH) ? [head, ...lines] : undefined;
}

/** A quoted key prettier may print unquoted (`"abc":`, `"1":`): left to prettier. */
function unquotable(head: string): boolean {
  return /^"(?:[A-Za-z_$][\w$]*|\d+)"/.test(head);
}

/**
 * `key: (value: unknown) => run(check1, value),` over the width: the body on a line of its
 * own after `=>`, or, where `key: (…) =>` does not fit, the parameters one a line.
 */
function memberArrow(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const match = new RegExp(String.raw`^((?:${NAME}|${STRING}): \()([^()]*)(\) =>) (${NAME}\([\w$., ]*\),)$`).exec(text);
  if (!match || `${indentOf(depth)}${text}`.length <= WIDTH || unquotable(match[1]!)) return undefined;
  const [, key, parameters, arrow, body] = match as unknown as [string, string, string, string, string];
  const head = `${indentOf(depth)}${key}${parameters}${arrow}`;
  const lines =
    head.length <= WIDTH
      ? [head, `${indentOf(depth + 1)}${body}`]
      : [`${indentOf(depth)}${key}`, ...parameters.split(", ").map((each) => `${indentOf(depth + 1)}${each},`), `${indentOf(depth)}${arrow} ${body}`];
  const parameter = new RegExp(String.raw`^${NAME}\??: ${NAME}$`);
  return parameters.split(", ").every((each) => parameter.test(each)) && lines.every((line) => line.length <= WIDTH) ? lines : undefined;
}

/**
 * A type member `name: A | B;` over the width: prettier breaks after the `:`, the union a
 * level deeper on one line where it fits, else one `| member` a line. Not a union it
 * hugs (one type reference and `null`s), which it leaves whole.
 */
function unionMember(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const match = new RegExp(String.raw`^((?:${NAME}|${STRING})\??:) (.*);$`).exec(text);
  if (!match || `${indentOf(depth)}${text}`.length <= WIDTH || unquotable(match[1]!)) return undefined;
  const members = splitTopLevel({ text: match[2]!, separator: " | ", types: true });
  const member = new RegExp(String.raw`^${NAME}(?:<[\w$<>, |"[\]]*>)?(?:\[(?:${STRING}|\d+)\])*$`);
  if (!members || members.length < 2 || !members.every((each) => member.test(each))) return undefined;
  const references = members.filter((each) => !/^(?:null|void)$/.test(each));
  if (references.length === 1 && !references[0]!.endsWith("]")) return undefined;
  const flat = `${indentOf(depth + 1)}${match[2]};`;
  if (flat.length <= WIDTH) return [`${indentOf(depth)}${match[1]}`, flat];
  const lines = members.map((each, index) => `${indentOf(depth + 1)}| ${each}${index === members.length - 1 ? ";" : ""}`);
  // A member over the width could break inside: only one prettier cannot break (an indexed access).
  if (lines.some((line, index) => line.length > WIDTH && !/^\w+(?:\[(?:"[^"]*"|\d+)\])+$/.test(members[index]!))) return undefined;
  return [`${indentOf(depth)}${match[1]}`, ...lines];
}

/** `name: TypeName;` over the width (a type member of a long name): prettier has nowhere to break it. */
function unbreakableMember(input: { text: string; depth: number }): string[] | undefined {
  return new RegExp(String.raw`^${NAME}\??: ${NAME};$`).test(input.text) ? [indentOf(input.depth) + input.text] : undefined;
}

/** The index of the bracket that closes the one at `from`, skipping strings; undefined if it does not close. */
function closingBracket(input: { text: string; from: number }): number | undefined {
  const { text } = input;
  let level = 0;
  for (let at = input.from; at < text.length; at++) {
    const character = text[at]!;
    if (character === '"') {
      const literal = stringAt({ text, at });
      if (!literal) return undefined;
      at += literal.length - 1;
    } else if ("([{".includes(character)) level++;
    else if (")]}".includes(character) && --level === 0) return at;
  }
  return undefined;
}

/** The parts of the text split at its top-level `separator`, skipping strings; undefined if its brackets do not balance. */
export function splitTopLevel(input: { text: string; separator: string; types?: boolean }): string[] | undefined {
  const { text, separator } = input;
  // `<` and `>` are brackets in a type, comparisons in code.
  const [opening, closing] = input.types ? ["([{<", ")]}>"] : ["([{", ")]}"];
  const parts: string[] = [];
  let level = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const character = text[at]!;
    if (character === '"') {
      const literal = stringAt({ text, at });
      if (!literal) return undefined;
      at += literal.length - 1;
    } else if (opening.includes(character)) level++;
    else if (closing.includes(character) && --level < 0) return undefined;
    else if (level === 0 && text.startsWith(separator, at)) {
      parts.push(text.slice(start, at).trim());
      start = at + separator.length;
      at = start - 1;
    }
  }
  return level === 0 ? [...parts, text.slice(start).trim()] : undefined;
}
