// More shapes of long line that statement-layout.ts breaks as prettier breaks them, so
// they need no prettier: a type alias of an intersection that fits on the next line, a
// `return f({ … }) as T;` whose sole object argument prettier hugs, and a function
// head whose parameters go one a line. Each answers undefined for anything else (the
// line then goes to prettier); test/unit/statement-layout.test.ts holds them to prettier.

import { PRETTIER_OPTIONS } from "./prettier-options.js";

const WIDTH = PRETTIER_OPTIONS.printWidth;
const NAME = String.raw`[A-Za-z_$][\w$]*`;

function indentOf(level: number): string {
  return "  ".repeat(level);
}

/** Text prettier prints as it is: no quote it may swap, no escape, nothing wider than its length. */
function plain(text: string): boolean {
  return !/[^\x20-\x7e]|['\\]/.test(text);
}

export function breakMore(input: { text: string; depth: number }): string[] | undefined {
  if (!plain(input.text)) return undefined;
  return intersectionAlias(input) ?? huggedReturn(input) ?? functionHead(input);
}

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
  const parameters = splitTopLevel(match[2]!);
  if (!parameters || parameters.length === 0) return undefined;
  if (parameters.length === 1 && /^\{|^\w+\??: \{[^}]*\}$/.test(parameters[0]!)) return undefined;
  const lines = [indentOf(depth) + match[1]!, ...parameters.map((parameter) => `${indentOf(depth + 1)}${parameter},`), indentOf(depth) + match[3]!];
  return lines.every((line) => line.length <= WIDTH) ? lines : undefined;
}

/** The parts of `a: A<b, c>, d: { e: f }` split at its top-level commas; undefined if its brackets do not balance. */
function splitTopLevel(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const character = text[at]!;
    if (character === '"') {
      at = text.indexOf('"', at + 1);
      if (at === -1) return undefined;
    } else if ("<[({".includes(character)) depth++;
    else if (">])}".includes(character) && --depth < 0) return undefined;
    else if (character === "," && depth === 0) parts.push(text.slice(start, at).trim()), (start = at + 1);
  }
  return depth === 0 ? [...parts, text.slice(start).trim()] : undefined;
}
