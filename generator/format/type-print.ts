// A small model of the types the emitters write on one line (names with type arguments,
// indexed accesses, literals, unions), printed as prettier prints them: flat where the
// line fits, else the outermost type arguments one a line, each printed the same way.
// Anything else does not parse, and its line goes to prettier; so do `null` and `void`,
// beside which prettier keeps a union flat.

import { PRETTIER_OPTIONS } from "./prettier-options.js";

const WIDTH = PRETTIER_OPTIONS.printWidth;

export type TypeNode =
  | { kind: "union"; members: TypeNode[] }
  | { kind: "ref"; name: string; args?: TypeNode[]; indexes: string }
  | { kind: "leaf"; text: string };

export function indentOf(level: number): string {
  return "  ".repeat(level);
}

/** The type written in `text` in prettier's flat spacing, or undefined. */
export function parseType(text: string): TypeNode | undefined {
  const parser = { text, at: 0 };
  const node = parseUnion(parser);
  return node && parser.at === text.length && flatType(node) === text ? node : undefined;
}

function parseUnion(parser: { text: string; at: number }): TypeNode | undefined {
  const members: TypeNode[] = [];
  for (;;) {
    const member = parsePrimary(parser);
    if (!member) return undefined;
    members.push(member);
    if (!parser.text.startsWith(" | ", parser.at)) break;
    parser.at += 3;
  }
  return members.length === 1 ? members[0] : { kind: "union", members };
}

const NAME = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/y;
const LITERAL = /"[^"\\\n]*"|-?\d+/y;
const INDEXES = /(?:\[(?:"[^"\\\n]*"|\d+)\])*/y;

function parsePrimary(parser: { text: string; at: number }): TypeNode | undefined {
  const sticky = (pattern: RegExp) => {
    pattern.lastIndex = parser.at;
    const match = pattern.exec(parser.text);
    if (match) parser.at = pattern.lastIndex;
    return match?.[0];
  };
  const literal = sticky(LITERAL);
  if (literal !== undefined) return { kind: "leaf", text: literal };
  const name = sticky(NAME);
  if (!name || /^(?:keyof|typeof|infer|unique|readonly|asserts|is|extends|new|null|void|this|object|symbol|bigint)$/.test(name)) return undefined;
  let args: TypeNode[] | undefined;
  if (parser.text[parser.at] === "<") {
    parser.at++;
    args = [];
    for (;;) {
      const arg = parseUnion(parser);
      if (!arg) return undefined;
      args.push(arg);
      if (!parser.text.startsWith(", ", parser.at)) break;
      parser.at += 2;
    }
    if (parser.text[parser.at] !== ">") return undefined;
    parser.at++;
  }
  const indexes = sticky(INDEXES) ?? "";
  return { kind: "ref", name, ...(args ? { args } : {}), indexes };
}

export function flatType(node: TypeNode): string {
  if (node.kind === "union") return node.members.map(flatType).join(" | ");
  if (node.kind === "leaf") return node.text;
  return `${node.name}${node.args ? `<${node.args.map(flatType).join(", ")}>` : ""}${node.indexes}`;
}

/** A lone type argument prettier keeps beside its `<…>` (a literal, a name without arguments): those never break. */
function hugged(node: TypeNode & { kind: "ref" }): boolean {
  const only = node.args?.length === 1 ? node.args[0]! : undefined;
  return only?.kind === "leaf" || (only?.kind === "ref" && !only.args && only.indexes === "");
}

/** Whether prettier has somewhere to break the type. */
export function breakable(node: TypeNode): boolean {
  if (node.kind === "union") return true;
  return node.kind === "ref" && node.args !== undefined && !hugged(node);
}

/**
 * The type after `lead` (its line's text before it, indentation included), closed by
 * `suffix`; a break puts the type arguments at `depth + 1` and the `>` at `depth`. A
 * union breaks (one `| member` a line, each aligned after its `| `) only where it stands
 * alone on its line (`lead` is indentation). Undefined where prettier would do otherwise.
 */
export function printType(input: { node: TypeNode; lead: string; depth: number; suffix: string }): string[] | undefined {
  const { node, lead, depth, suffix } = input;
  const line = lead + flatType(node) + suffix;
  if (line.length <= WIDTH || !breakable(node)) return [line];
  if (node.kind === "union") {
    if (lead.trim() !== "" || lead !== indentOf(depth)) return undefined;
    const lines: string[] = [];
    for (const [index, member] of node.members.entries()) {
      const last = index === node.members.length - 1;
      const printed = printType({ node: member, lead: `${lead}| `, depth: depth + 1, suffix: last ? suffix : "" });
      if (!printed) return undefined;
      lines.push(...printed);
    }
    return lines;
  }
  if (node.kind !== "ref" || !node.args) return undefined;
  if (hugged(node)) return undefined;
  const lines = [`${lead}${node.name}<`];
  for (const [index, arg] of node.args.entries()) {
    const printed = printType({ node: arg, lead: indentOf(depth + 1), depth: depth + 1, suffix: index === node.args.length - 1 ? "" : "," });
    if (!printed) return undefined;
    lines.push(...printed);
  }
  lines.push(`${indentOf(depth)}>${node.indexes}${suffix}`);
  return lines;
}
