// The shapes of long line that statement-layout.ts breaks as prettier breaks them, so
// they need no prettier: a call with plain arguments, `if (test) call;`, a regular
// expression constant, a type alias of an intersection, a `return f({ … }) as T;` whose
// sole object argument prettier hugs, and a function head whose parameters go one a
// line. Each answers undefined for anything else (the line then goes to prettier);
// test/unit/statement-layout.test.ts holds them to prettier.

import { breakDeclaration } from "./break-declarations.js";
import { breakStatement, splitTopLevel, stableText } from "./break-statements.js";
import { PRETTIER_OPTIONS } from "./prettier-options.js";

const WIDTH = PRETTIER_OPTIONS.printWidth;
const NAME = String.raw`[A-Za-z_$][\w$]*`;


/** Text prettier prints as it is: no quote it may swap, no escape, nothing wider than its length. */
function plain(text: string): boolean {
  return !/[^\x20-\x7e]|['\\]/.test(text);
}

function breakMore(input: { text: string; depth: number }): string[] | undefined {
  if (!plain(input.text)) return undefined;
  return intersectionAlias(input) ?? unionArgumentAlias(input) ?? huggedReturn(input) ?? functionHead(input) ?? breakDeclaration(input);
}

/**
 * `export type X = R<A | B<c, d>>;` whose union does not fit on a line of its own: one
 * `| member` a line, a member that does not fit broken one type argument a line.
 */
function unionArgumentAlias(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const match = new RegExp(String.raw`^((?:export )?type ${NAME} = ${NAME}<)(.*)(>;)$`).exec(text);
  const members = match && splitTopLevel({ text: match[2]!, separator: " | ", types: true });
  if (!match || !members || members.length < 2 || `${indentOf(depth + 1)}${match[2]}`.length <= WIDTH) return undefined;
  const lines = [indentOf(depth) + match[1]!];
  for (const member of members) {
    const line = `${indentOf(depth + 1)}| ${member}`;
    if (line.length <= WIDTH) {
      lines.push(line);
      continue;
    }
    const generic = new RegExp(String.raw`^(${NAME})<(.*)>$`).exec(member);
    const typeArguments = generic && splitTopLevel({ text: generic[2]!, separator: ",", types: true });
    if (!generic || !typeArguments) return undefined;
    lines.push(`${indentOf(depth + 1)}| ${generic[1]}<`);
    for (const [index, argument] of typeArguments.entries()) {
      const last = index === typeArguments.length - 1;
      const line = `${indentOf(depth + 3)}${argument}${last ? "" : ","}`;
      // The last argument, a union too long for its line: one `| part` a line at the same depth.
      const parts = line.length > WIDTH && last ? splitTopLevel({ text: argument, separator: " | ", types: true }) : undefined;
      if (parts && parts.length > 1) lines.push(...parts.map((part) => `${indentOf(depth + 3)}| ${part}`));
      else lines.push(line);
    }
    lines.push(`${indentOf(depth + 2)}>`);
  }
  lines.push(indentOf(depth) + match[3]!);
  return lines.every((line) => line.length <= WIDTH || UNBREAKABLE_ARGUMENT.test(line)) ? lines : undefined;
}

/** A type argument (or union member) that is an indexed access: prettier has nowhere to break it. */
const UNBREAKABLE_ARGUMENT = new RegExp(String.raw`^ *(?:\| )?${NAME}(?:\[(?:"[^"]*"|\d+)\])+,?$`);

/**
 * `export type X<O> = A & B<O, "c">;`: broken at each `&` where `… = A &` fits, else
 * after the `=`, the intersection a level deeper where it fits there.
 */
function intersectionAlias(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const match = new RegExp(String.raw`^((?:export )?type ${NAME}(?:<.*?>)? =) ([^{}()]+ & [^{}()]+;)$`).exec(text);
  if (!match || depthAt(match[2]!) !== 0 || /\|/.test(outsideTypeArguments(match[2]!))) return undefined;
  const head = indentOf(depth) + match[1]!;
  const parts = match[2]!.slice(0, -1).split(" & ");
  // Prettier keeps the first member after the `=` where it fits there, and breaks at each `&`.
  const first = `${head} ${parts[0]} &`;
  const lines =
    first.length <= WIDTH
      ? [first, ...parts.slice(1).map((part, index) => `${indentOf(depth + 1)}${part}${index === parts.length - 2 ? ";" : " &"}`)]
      : [head, indentOf(depth + 1) + match[2]!];
  return lines.every((line) => line.length <= WIDTH) ? lines : undefined;
}

/** Whether every ` & ` of the text is outside type arguments: 0 when they all are. */
function depthAt(text: string): number {
  let depth = 0;
  for (const part of text.split(" & ")) {
    for (const character of part) depth += character === "<" ? 1 : character === ">" ? -1 : 0;
    if (depth !== 0) return depth;
  }
  return 0;
}

/** The text with every `<…>` left out, or `<` when they do not balance. */
function outsideTypeArguments(text: string): string {
  let depth = 0;
  let outside = "";
  for (const character of text) {
    if (character === "<") depth++;
    else if (character === ">") depth--;
    else if (depth === 0) outside += character;
    if (depth < 0) return "<";
  }
  return depth === 0 ? outside : "<";
}

/** `return f({ a, b: c }) as T;` → the object hugged, one member a line (members plain: a name, or `key: name`). */
function huggedReturn(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const match = new RegExp(String.raw`^(return ${NAME}\(\{) ([^{}()]*) (\}\)(?: as [^{}()]+)?;)$`).exec(text);
  if (!match) return undefined;
  const members = match[2]!.split(", ");
  if (!members.every((member) => new RegExp(String.raw`^${NAME}(?:: ${NAME})?$`).test(member))) return undefined;
  const lines = [indentOf(depth) + match[1]!, ...members.map((member) => `${indentOf(depth + 1)}${member},`), indentOf(depth) + match[3]!];
  return lines.every((line) => line.length <= WIDTH) ? lines : undefined;
}

/**
 * `export function f<T>(a: A, b: B): R {` → its parameters one a line, where the first
 * and last lines fit. Not a lone parameter prettier may hug (an object pattern or type).
 */
function functionHead(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const match = new RegExp(String.raw`^((?:export )?(?:async )?function ${NAME}(?:<[^()]*>)?\()(.*)(\): [^()]+ \{)$`).exec(text);
  if (!match) return undefined;
  const parameters = splitTopLevel({ text: match[2]!, separator: ",", types: true });
  if (!parameters || parameters.length === 0) return undefined;
  if (parameters.length === 1 && /^\{|^\w+\??: \{[^}]*\}$/.test(parameters[0]!)) return undefined;
  const lines = [indentOf(depth) + match[1]!, ...parameters.map((parameter) => `${indentOf(depth + 1)}${parameter},`), indentOf(depth) + match[3]!];
  return lines.every((line) => line.length <= WIDTH) ? lines : undefined;
}

/** The `"` that closes the string opened at `open` (a `\"` inside does not), or -1. */
function closingQuote(input: { text: string; open: number }): number {
  const { text } = input;
  for (let at = input.open + 1; at < text.length; at++) {
    if (text[at] === "\\") at++;
    else if (text[at] === '"') return at;
  }
  return -1;
}

/** `const NAME = /…/flags;`, or a continued `/…/flags;`: a regular expression literal, which prettier prints as written. */
export const REGEX_LINE = /^(?:(const [A-Za-z_$][\w$]* =) )?(\/(?![*/]).+\/[dgimsuvy]*;)$/;

export function isRegexLine(text: string): boolean {
  return REGEX_LINE.test(text);
}

function indentOf(level: number): string {
  return "  ".repeat(level);
}

/**
 * Two shapes of long line laid out here as prettier lays them out, so that they need no
 * prettier at all: a call of a plain function with plain arguments, which prettier
 * breaks one argument per line (no argument it would hug: no object, array, function or
 * template), and `if (test) call;` whose `if (test)` fits, which prettier breaks before
 * the call. Also `const NAME = /…/;`, broken after the `=`. Anything else: undefined.
 */
export function breakLikePrettier(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const width = PRETTIER_OPTIONS.printWidth;
  const statement = breakStatement(input);
  if (statement) return statement;
  const regex = REGEX_LINE.exec(text);
  if (regex?.[1]) return [indentOf(depth) + regex[1], indentOf(depth + 1) + regex[2]];
  // A string prettier would quote otherwise changes the line's length and where it breaks.
  if (!stableText(text)) return undefined;
  const test = ifTest(text);
  if (test !== undefined) {
    const head = `if (${test})`;
    const consequent = text.slice(head.length).trim();
    if (indentOf(depth).length + head.length > width || !consequent.endsWith(";") || consequent.startsWith("{") || /; else /.test(consequent)) return undefined;
    const fits = indentOf(depth + 1).length + consequent.length <= width;
    const body = fits ? [indentOf(depth + 1) + consequent] : breakCall({ text: consequent, depth: depth + 1 });
    return body && [indentOf(depth) + head, ...body];
  }
  return breakCall({ text, depth }) ?? breakMore({ text, depth });
}

/** The `test` of a line that starts `if (test) …`, or undefined. */
function ifTest(text: string): string | undefined {
  if (!text.startsWith("if (")) return undefined;
  const close = scanBrackets({ text, from: 3 }).close;
  return close === undefined ? undefined : text.slice(4, close);
}

function breakCall(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const call = /^([A-Za-z_$][\w$]*)\((.*)\);$/.exec(text);
  if (!call) return undefined;
  const scanned = scanBrackets({ text, from: call[1]!.length });
  if (scanned.close !== text.length - 2) return undefined;
  const bounds = [call[1]!.length, ...scanned.commas, scanned.close];
  const args = bounds.slice(1).map((end, index) => text.slice(bounds[index]! + 1, end).trim());
  const indent = indentOf(depth + 1);
  for (const arg of args) {
    // Plain: no literal prettier would hug or break inside, and short enough to stay on its line.
    if (arg === "" || /[[{`]|=>|^function\b/.test(arg) || /[^\x20-\x7e]|['\\]/.test(arg)) return undefined;
    if (indent.length + arg.length + 1 > PRETTIER_OPTIONS.printWidth) return undefined;
  }
  return [`${indentOf(depth)}${call[1]}(`, ...args.map((arg) => `${indent}${arg},`), `${indentOf(depth)});`];
}

/**
 * From the bracket at `from`: the index of the one that closes it and of the commas
 * directly inside it, skipping double-quoted strings (a line holding escapes never gets
 * here); `close` undefined when it does not close on the line.
 */
function scanBrackets(input: { text: string; from: number }): { close?: number; commas: number[] } {
  const { text } = input;
  const commas: number[] = [];
  let depth = 0;
  for (let at = input.from; at < text.length; at++) {
    const character = text[at]!;
    if (character === '"') {
      at = closingQuote({ text, open: at });
      if (at === -1) return { commas };
    } else if ("([{".includes(character)) depth++;
    else if (")]}".includes(character) && --depth === 0) return { close: at, commas };
    else if (character === "," && depth === 1) commas.push(at);
  }
  return { commas };
}
