// Long declarations of the client (and any emitter writing the same shapes) broken as
// prettier breaks them: `import`/`export` lists one name a line, a type alias of a type
// with arguments, an alias whose one type parameter breaks before its intersection, a
// type member or method signature whose types break, an interface head whose type
// parameters break, a function head whose type parameters or parameters break. Each
// answers undefined for anything else, and the line goes to prettier;
// test/unit/break-declarations.test.ts holds them to prettier at the width.

import { breakFixed } from "./break-fixed.js";
import { breakMember } from "./break-literals.js";
import { PRETTIER_OPTIONS } from "./prettier-options.js";
import { breakable, indentOf, parseType, printType } from "./type-print.js";

const WIDTH = PRETTIER_OPTIONS.printWidth;
const NAME = String.raw`[A-Za-z_$][\w$]*`;

export function breakDeclaration(input: { text: string; depth: number }): string[] | undefined {
  const lines =
    namedList(input) ??
    genericAlias(input) ??
    intersectionAlias(input) ??
    typeMember(input) ??
    methodSignature(input) ??
    interfaceHead(input) ??
    functionHead(input) ??
    breakMember(input) ??
    breakFixed(input);
  return lines && lines.length > 1 ? lines : undefined;
}

/** `import type { a, b } from "x";` (or `export`) → one name a line; prettier keeps a lone name beside its braces. */
function namedList(input: { text: string; depth: number }): string[] | undefined {
  const match = /^((?:import|export)(?: type)? \{) (.+) (\} from "[^"\\]*";)$/.exec(input.text);
  const names = match?.[2]!.split(", ");
  const name = new RegExp(String.raw`^(?:type )?${NAME}(?: as ${NAME})?$`);
  if (!match || !names || names.length < 2 || !names.every((each) => name.test(each))) return undefined;
  const indent = indentOf(input.depth);
  return [indent + match[1]!, ...names.map((each) => `${indentOf(input.depth + 1)}${each},`), indent + match[3]!];
}

/** `export type X = R<A, B>;`: the arguments break after `R<` where `… = R<` fits (prettier's fluid assignment). */
function genericAlias(input: { text: string; depth: number }): string[] | undefined {
  const match = new RegExp(String.raw`^((?:export )?type ${NAME} = )(.*);$`).exec(input.text);
  const node = match && parseType(match[2]!);
  if (!match || !node || node.kind !== "ref" || !node.args || !breakable(node)) return undefined;
  const lead = indentOf(input.depth) + match[1]!;
  if (`${lead}${node.name}<`.length > WIDTH) return undefined;
  return printType({ node, lead, depth: input.depth, suffix: ";" });
}

/**
 * `export type X<O extends A = A> = B & C<O>;`: where the head does not fit, the type
 * parameter on a line of its own and `> =` after it; then the intersection as prettier
 * breaks an alias's: beside the `=` where it fits, else broken at each `&` where its first
 * member fits there, else on the next line, whole or broken at each `&`.
 */
function intersectionAlias(input: { text: string; depth: number }): string[] | undefined {
  const { depth } = input;
  const match = new RegExp(String.raw`^((?:export )?type ${NAME})(?:<(${NAME} extends ${NAME} = ${NAME})>)? = (.*);$`).exec(input.text);
  const parts = match && splitIntersection(match[3]!);
  if (!match || !parts) return undefined;
  const broken = match[2] !== undefined && `${indentOf(depth)}${match[1]}<${match[2]}> =`.length > WIDTH;
  const head = broken ? [indentOf(depth) + match[1]! + "<", ...typeParameter({ text: match[2]!, depth: depth + 1 }), `${indentOf(depth)}> =`] : [`${indentOf(depth)}${match[1]}${match[2] ? `<${match[2]}>` : ""} =`];
  const last = head.pop()!;
  const whole = `${last} ${match[3]};`;
  if (whole.length <= WIDTH) return broken ? fits([...head, whole]) : undefined;
  if (parts.length < 2) return undefined;
  const rest = (level: number) => parts.slice(1).map((part, index) => `${indentOf(level)}${part}${index === parts.length - 2 ? ";" : " &"}`);
  const first = `${last} ${parts[0]} &`;
  if (first.length <= WIDTH) return fits([...head, first, ...rest(depth + 1)]);
  const next = `${indentOf(depth + 1)}${match[3]};`;
  if (next.length <= WIDTH) return fits([...head, last, next]);
  return fits([...head, last, `${indentOf(depth + 1)}${parts[0]} &`, ...rest(depth + 2)]);
}

/** The members of an intersection of types the type model reads (none an object or a union), or undefined. */
function splitIntersection(text: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  let level = 0;
  for (let at = 0; at < text.length; at++) {
    const character = text[at]!;
    if (character === "<") level++;
    else if (character === ">") level--;
    else if (level === 0 && text.startsWith(" & ", at)) {
      parts.push(text.slice(start, at));
      start = at + 3;
    }
  }
  parts.push(text.slice(start));
  const nodes = parts.map(parseType);
  return nodes.every((node) => node && node.kind !== "union") ? parts : undefined;
}

/** `key?: A<B>["c"];` in a type: its type's arguments broken (a type member's type never moves off its key's line). */
function typeMember(input: { text: string; depth: number }): string[] | undefined {
  const match = new RegExp(String.raw`^(${NAME}\??: )(.*);$`).exec(input.text);
  const node = match && parseType(match[2]!);
  if (!match || !node || node.kind === "union" || !breakable(node)) return undefined;
  return printType({ node, lead: indentOf(input.depth) + match[1]!, depth: input.depth, suffix: ";" });
}

/**
 * `cancel(input: A<O>): Promise<R>;` in a type: the parameters one a line, where the
 * return type is one prettier cannot break (else it may break there instead).
 */
function methodSignature(input: { text: string; depth: number }): string[] | undefined {
  const { depth } = input;
  const match = new RegExp(String.raw`^(${NAME})\((.+)\): (.*);$`).exec(input.text);
  const returns = match && parseType(match[3]!);
  if (!match || !returns || breakable(returns)) return undefined;
  const parameters = match[2]!.split(", ").map((each) => new RegExp(String.raw`^(${NAME}\??: )(.*)$`).exec(each));
  if (!parameters.every((each) => each && parseType(each[2]!) && parseType(each[2]!)!.kind !== "union")) return undefined;
  return fits([
    `${indentOf(depth)}${match[1]}(`,
    ...parameters.map((each) => `${indentOf(depth + 1)}${each![0]},`),
    `${indentOf(depth)}): ${match[3]};`,
  ]);
}

/** `export interface X<O extends A = A> extends B<O> {` → its type parameters one a line, `> extends B<O> {` after. */
function interfaceHead(input: { text: string; depth: number }): string[] | undefined {
  const { depth } = input;
  const match = new RegExp(String.raw`^((?:export )?interface ${NAME}<)([^<>]+)(>(?: extends ${NAME}(?:<[^<>]*>)?)? \{)$`).exec(input.text);
  const parameters = match?.[2]!.split(", ");
  const parameter = new RegExp(String.raw`^${NAME}(?: extends ${NAME})?(?: = ${NAME})?$`);
  if (!match || !parameters?.every((each) => parameter.test(each))) return undefined;
  return fits([indentOf(depth) + match[1]!, ...parameters.flatMap((each) => typeParameter({ text: each, depth: depth + 1 })), indentOf(depth) + match[3]!]);
}

/** A type parameter on its line (`O extends A = B,`), or where that does not fit its default on the next (prettier's `=` group). */
function typeParameter(input: { text: string; depth: number }): string[] {
  const line = `${indentOf(input.depth)}${input.text},`;
  const withDefault = / = (?!.* = )/.exec(input.text);
  if (line.length <= WIDTH || !withDefault) return [line];
  return [`${indentOf(input.depth)}${input.text.slice(0, withDefault.index)} =`, `${indentOf(input.depth + 1)}${input.text.slice(withDefault.index + 3)},`];
}

/**
 * `export function f<O extends A>(input: B<O> & { client: C<O> }): R {` over the width:
 * the type parameters one a line where `… f<O extends A>(` does not fit (then the
 * parameters too where `>(…): R {` does not), the parameters one a line, and a parameter
 * `name: B & { key: T }` that does not fit broken in its object type. The return type must
 * be one prettier cannot break (else it may break there instead).
 */
function functionHead(input: { text: string; depth: number }): string[] | undefined {
  const { depth } = input;
  const match = new RegExp(String.raw`^((?:export )?(?:async )?function ${NAME})(?:<([^()<>]*)>)?\((.*)\): ([^(){}]+) \{$`).exec(input.text);
  const returns = match && parseType(match[4]!);
  if (!match || !returns || breakable(returns)) return undefined;
  const typeParameters = match[2]?.split(", ");
  if (typeParameters && !typeParameters.every((each) => new RegExp(String.raw`^${NAME}(?: extends ${NAME})?$`).test(each))) return undefined;
  const parameters = splitParameters(match[3]!);
  if (!parameters) return undefined;
  const close = `${indentOf(depth)}): ${match[4]} {`;
  const open = `${indentOf(depth)}${match[1]}${match[2] ? `<${match[2]}>` : ""}(`;
  let head = [open];
  if (typeParameters && open.length > WIDTH) {
    head = [`${indentOf(depth)}${match[1]}<`, ...typeParameters.map((each) => `${indentOf(depth + 1)}${each},`)];
    const flat = `${indentOf(depth)}>(${match[3]}): ${match[4]} {`;
    if (flat.length <= WIDTH) return fits([...head, flat]);
    head.push(`${indentOf(depth)}>(`);
  }
  const lines = parameters.map((each) => parameterLines({ text: each, depth: depth + 1 }));
  if (lines.some((each) => !each)) return undefined;
  return fits([...head, ...lines.flatMap((each) => each!), close]);
}

/** The parameters of a signature: `name: T` (optional too) whose types the type model reads, or `name: T & { key: U }`. */
function splitParameters(text: string): string[] | undefined {
  const parts = text.split(", ");
  const parameter = new RegExp(String.raw`^${NAME}\??: (.*)$`);
  for (let index = 0; index < parts.length; index++) {
    // `{ a: A; b: B }` holds no comma; type arguments may: join the pieces back.
    while (index < parts.length - 1 && !balanced(parts[index]!)) parts.splice(index, 2, `${parts[index]}, ${parts[index + 1]}`);
    if (!parameter.test(parts[index]!) || !balanced(parts[index]!)) return undefined;
  }
  return parts.length && parts[0] !== "" ? parts : undefined;
}

function balanced(text: string): boolean {
  let level = 0;
  for (const character of text) level += "<{".includes(character) ? 1 : ">}".includes(character) ? -1 : 0;
  return level === 0;
}

/** `name: T,`, or where it does not fit `name: A & {` with one `key: U;` a line and `},`. */
function parameterLines(input: { text: string; depth: number }): string[] | undefined {
  const { text, depth } = input;
  const object = new RegExp(String.raw`^(${NAME}\??: )(.+) & \{ (.+) \}$`).exec(text);
  const members = object ? object[3]!.split("; ").map((member) => new RegExp(String.raw`^${NAME}\??: (.+)$`).exec(member)) : [];
  const types = [object ? object[2]! : text.slice(text.indexOf(": ") + 2), ...members.map((member) => member?.[1] ?? "(")];
  if (!types.every(unbreakableType)) return undefined;
  const line = `${indentOf(depth)}${text},`;
  if (line.length <= WIDTH) return [line];
  if (!object) return undefined;
  return [`${indentOf(depth)}${object[1]}${object[2]} & {`, ...members.map((member) => `${indentOf(depth + 1)}${member![0]};`), `${indentOf(depth)}},`];
}

/** A type the model reads and prettier has nowhere to break. */
function unbreakableType(text: string): boolean {
  const node = parseType(text);
  return node !== undefined && !breakable(node);
}

/** The lines where each fits, else undefined (prettier would break one of them further). */
function fits(lines: string[] | undefined): string[] | undefined {
  return lines?.every((line) => line.length <= WIDTH) ? lines : undefined;
}
