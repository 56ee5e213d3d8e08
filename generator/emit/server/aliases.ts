// The two type aliases server.ts declares per operation, in the statement-lines layout
// (format/statement-layout.ts): broken as prettier breaks them where they do not fit on
// a line, else, for a shape not modelled here, on one line that goes to prettier whole.

import { PRETTIER_OPTIONS } from "../../format/prettier-options.js";
import { splitTopLevel } from "../../format/break-statements.js";

const WIDTH = PRETTIER_OPTIONS.printWidth;

/** Text prettier prints as it is: no quote it may swap, no escape, nothing wider than its length. */
function plain(text: string): boolean {
  return !/[^\x20-\x7e]|['\\]/.test(text);
}

/** `export type XOutcome = { status: 204; ... } | ...;`, from each outcome's members. */
export function outcomeAlias(options: { name: string; variants: string[][] }): string {
  const { name, variants } = options;
  const flat = variants.map((members) => `{ ${members.join("; ")} }`);
  const oneLine = `export type ${name} = ${flat.length ? flat.join(" | ") : "never"};`;
  if (oneLine.length <= WIDTH) return oneLine;
  // The leading `|` is the source prettier was given before this layout.
  const whole = `export type ${name} = | ${flat.join(" | ")};`;
  if (!plain(whole) || `export type ${name} = {`.length > WIDTH) return whole;
  if (variants.length === 1) return [`export type ${name} = {`, ...variants[0]!.map((member) => `${member};`), "};"].join("\n");
  const lines = [`export type ${name} =`];
  variants.forEach((members, index) => {
    const end = index === variants.length - 1 ? ";" : "";
    // A member that fits after `  | ` stays on its line; prettier breaks the others.
    if (`  | ${flat[index]}${end}`.length <= WIDTH) lines.push(`| ${flat[index]}${end}`);
    else lines.push("| {", ...members.map((member) => `${member};`), `}${end}`);
  });
  return lines.join("\n");
}

/** `export type XHandler = (context: HandlerContext<...>) => XOutcome | Promise<XOutcome>;` */
export function handlerAlias(options: { name: string; contextArguments: string[]; outcome: string }): string {
  const { name, contextArguments, outcome } = options;
  const context = `HandlerContext<${contextArguments.join(", ")}>`;
  const head = `export type ${name} = (`;
  const tail = `) => ${outcome} | Promise<${outcome}>;`;
  const oneLine = `${head}context: ${context}${tail}`;
  // A tail over the width is the layout's to break (format/break-statements.ts), after the `=>`.
  if (oneLine.length <= WIDTH || !plain(oneLine) || head.length > WIDTH) return oneLine;
  const parameter = typeLines({ prefix: "context: ", type: context, suffix: ",", depth: 1 });
  return parameter ? [head, ...parameter, tail].join("\n") : oneLine;
}

/** A type member `name: type;` at `depth`, broken as prettier breaks it where that is modelled. */
export function typeMember(options: { member: string; depth: number }): string {
  const { member, depth } = options;
  const colon = /^[A-Za-z_$][\w$]*\??: /.exec(member);
  if (!colon || !member.endsWith(";") || !plain(member)) return member;
  const lines = typeLines({ prefix: colon[0], type: member.slice(colon[0].length, -1), suffix: ";", depth });
  return lines ? lines.join("\n") : member;
}

/**
 * A type as prettier prints it at `depth` after `prefix` and before `suffix`: on the line
 * where it fits, else `Name<` with one type argument a line and `>` then any indexed
 * access (`>["content"]`). Undefined for a shape not modelled (a lone argument prettier
 * may hug, a line that still does not fit).
 */
function typeLines(options: { prefix: string; type: string; suffix: string; depth: number }): string[] | undefined {
  const { prefix, type, suffix, depth } = options;
  const line = `${prefix}${type}${suffix}`;
  if (2 * depth + line.length <= WIDTH) return [line];
  const generic = /^([A-Za-z_$][\w$]*)<(.*)>((?:\[(?:"[^"]*"|\d+)\])*)$/.exec(type);
  const typeArguments = generic && splitTopLevel({ text: generic[2]!, separator: ",", types: true });
  if (!generic || !typeArguments || (typeArguments.length === 1 && !/[[<]/.test(typeArguments[0]!))) return undefined;
  const last = typeArguments.length - 1;
  const inner: string[] = [];
  for (const [index, argument] of typeArguments.entries()) {
    const lines = typeLines({ prefix: "", type: argument, suffix: index < last ? "," : "", depth: depth + 1 }) ?? unionLines({ type: argument, suffix: index < last ? "," : "", depth: depth + 1 });
    if (!lines) return undefined;
    inner.push(...lines);
  }
  return [`${prefix}${generic[1]}<`, ...inner, `>${generic[3]}${suffix}`];
}

/** A type argument that is a union too long for its line: one `| member` a line, at its depth, where each fits. */
function unionLines(options: { type: string; suffix: string; depth: number }): string[] | undefined {
  const { type, suffix, depth } = options;
  const members = splitTopLevel({ text: type, separator: " | ", types: true });
  if (!members || members.length < 2) return undefined;
  const lines = members.map((member, index) => `| ${member}${index === members.length - 1 ? suffix : ""}`);
  return lines.every((line) => 2 * depth + line.length <= WIDTH) ? lines : undefined;
}
