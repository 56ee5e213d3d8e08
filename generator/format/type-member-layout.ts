// One type member of types.ts (`key: type;`, `[key: string]: type;`) laid out as prettier
// lays it out, for the types openapi-typescript writes: unions of string literals, keywords
// and `components["schemas"]["X"]` references, arrays of them, parenthesised unions (in an
// array or in a union) and tuples. The member is parsed, and prettier's document for it is
// rebuilt (print/union-type.js, tuple and index-signature printing in prettier's estree
// printer) and printed by doc-printer.ts, so every break-or-not decision is prettier's.
// Anything else answers undefined, and the member goes to prettier.

import { align, group, ifBreak, indent, join, line, printDoc, softline, type Doc } from "./doc-printer.js";

type TypeNode =
  | { kind: "text"; text: string }
  | { kind: "union"; types: TypeNode[]; parenthesised: boolean }
  | { kind: "array"; element: TypeNode }
  | { kind: "tuple"; elements: TypeNode[] };

/** Where a type sits, which decides how prettier prints a union there. */
type Parent = "annotation" | "array" | "union" | "tuple" | "only-element";

class Unrecognised extends Error {}

const KEYWORDS = new Set(["string", "number", "boolean", "null", "unknown", "never", "undefined", "any", "object", "true", "false"]);

/**
 * The member's lines at `indent` columns, or undefined where this is not a shape it knows.
 * `lines` are the member as the TypeScript printer wrote it (one line, or a tuple over several).
 */
export function layoutTypeMember(input: { lines: string[]; indent: number; width: number }): string[] | undefined {
  const text = input.lines.map((each) => each.trim()).join(" ");
  // Printable ASCII only: prettier measures other characters by their display width.
  if (!/^[\x20-\x7e]*$/.test(text)) return undefined;
  // A quoted key only where prettier could not unquote it (quoteProps "as-needed").
  const head = /^((?:[A-Za-z_$][\w$]*|0|[1-9]\d*|"[^"\\]*[^"\\\w$][^"\\]*")\??): /.exec(text) ?? /^(\[key: string\]): /.exec(text);
  if (!head || !text.endsWith(";")) return undefined;
  let type: TypeNode;
  try {
    type = parseType(text.slice(head[0].length, -1));
  } catch (error) {
    if (error instanceof Unrecognised) return undefined;
    throw error;
  }
  const key = head[1]!.startsWith("[")
    ? // An index signature's parameter list is a group of its own.
      ["[", group([indent([softline, "key: string"]), softline]), "]"]
    : head[1]!;
  const doc = [group([key, ": ", typeDoc({ node: type, parent: "annotation" })]), ";"];
  const printed = printDoc({ doc, indent: input.indent, width: input.width });
  return printed.map((each, index) => (index === 0 ? " ".repeat(input.indent) + each : each));
}

/** prettier's document for a type, as its estree printer builds it in this position. */
function typeDoc(input: { node: TypeNode; parent: Parent }): Doc {
  const { node, parent } = input;
  if (node.kind === "text") return node.text;
  if (node.kind === "array") return [typeDoc({ node: node.element, parent: "array" }), "[]"];
  if (node.kind === "tuple") {
    const elementParent = node.elements.length > 1 ? "tuple" : "only-element";
    const elements = node.elements.map((element) => group(typeDoc({ node: element, parent: elementParent })));
    return group(["[", indent([softline, join({ separator: [",", line], docs: elements })]), ifBreak(","), softline, "]"]);
  }
  // Unions: `| ` before each member once broken, each member aligned under its `| `.
  const code = group(node.types.map((each, index) => [index === 0 ? ifBreak("| ") : [line, "| "], align({ by: 2, contents: typeDoc({ node: each, parent: "union" }) })]));
  const needsParens = parent === "array" || parent === "union";
  if (node.parenthesised !== needsParens) throw new Unrecognised();
  if (needsParens) return ["(", group([indent([softline, code]), softline]), ")"];
  if (parent === "tuple") return group([indent([ifBreak(["(", softline]), code]), softline, ifBreak(")")]);
  if (parent === "only-element") return code;
  return group(indent([softline, code]));
}

/** Tokens: strings, numbers, names, punctuation; anything else is unrecognised. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*("[^"\\]*"|[A-Za-z_$][\w$]*|\d+|\[\]|[|()[\],])/y;
  while (pattern.lastIndex < text.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(text);
    if (!match) {
      if (text.slice(at).trim() === "") break;
      throw new Unrecognised();
    }
    tokens.push(match[1]!);
  }
  return tokens;
}

function parseType(text: string): TypeNode {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const expect = (token: string) => {
    if (tokens[at++] !== token) throw new Unrecognised();
  };
  const union = (): TypeNode => {
    const types = [postfix()];
    while (peek() === "|") {
      at++;
      types.push(postfix());
    }
    return types.length === 1 ? types[0]! : { kind: "union", types, parenthesised: false };
  };
  const postfix = (): TypeNode => {
    let node = primary();
    while (peek() === "[]") {
      at++;
      node = { kind: "array", element: node };
    }
    return node;
  };
  const primary = (): TypeNode => {
    const token = tokens[at++];
    if (token === "(") {
      const inner = union();
      expect(")");
      // Only a union is printed with parentheses; `(X)` would lose them.
      if (inner.kind !== "union") throw new Unrecognised();
      return { ...inner, parenthesised: true };
    }
    if (token === "[") {
      const elements = [union()];
      while (peek() === ",") {
        at++;
        elements.push(union());
      }
      expect("]");
      return { kind: "tuple", elements };
    }
    if (token === undefined) throw new Unrecognised();
    if (token.startsWith('"') || /^(0|[1-9]\d*)$/.test(token) || KEYWORDS.has(token)) return { kind: "text", text: token };
    // A name is kept only as the head of an indexed access (`components["schemas"]["X"]`):
    // a bare type reference changes how prettier prints a union around it.
    if (!/^[A-Za-z_$]/.test(token) || !tokens[at]?.startsWith("[")) throw new Unrecognised();
    let text = token;
    while (peek() === "[" && tokens[at + 1]?.startsWith('"') && tokens[at + 2] === "]") {
      text += `[${tokens[at + 1]}]`;
      at += 3;
    }
    if (text === token) throw new Unrecognised();
    return { kind: "text", text };
  };
  const type = union();
  if (at !== tokens.length) throw new Unrecognised();
  return type;
}
