// YAML syntax errors as one problem at the fault. One mistake (a bad indent, a quote left
// open) makes the composer report errors all the way down the file: the first, by
// position, is the one to fix, and the rest are counted, not listed. An unclosed quote is
// reported where it opens: the composer notices it only at the end of the text.

import type { Document } from "yaml";
import { problem, type Problem, type SourcePosition } from "../problems.js";
import { yamlLibrary } from "./yaml-library.js";

type YamlError = Document["errors"][number];

export function yamlErrorsProblem(input: { errors: readonly YamlError[]; text: string; at: (offset: number) => SourcePosition }): Problem {
  const located = input.errors.map((error) => ({ error, offset: faultOffset({ error, text: input.text }) }));
  located.sort((a, b) => a.offset - b.offset);
  const [first] = located;
  const rest = new Set(located.slice(1).map((each) => each.offset).filter((offset) => offset !== first!.offset)).size;
  const found = describe({ error: first!.error, text: input.text, offset: first!.offset });
  const more = rest === 0 ? "" : ` (and ${rest} more YAML ${rest === 1 ? "error" : "errors"} after it, likely caused by this one)`;
  return problem({ code: found.code, message: `${found.message}${more}`, path: "", position: input.at(first!.offset) });
}

function describe(input: { error: YamlError; text: string; offset: number }): { code: string; message: string } {
  if (input.error.code !== "DUPLICATE_KEY") return { code: "yaml-syntax", message: `malformed YAML: ${input.error.message}` };
  // yaml's range covers only part of the key; read it up to the `:` on its line.
  const key = /^[^:\n]*/.exec(input.text.slice(input.offset))![0].trim().replace(/^["']|["']$/g, "");
  return { code: "yaml-duplicate-key", message: `duplicate key "${key}" in YAML mapping` };
}

function faultOffset(input: { error: YamlError; text: string }): number {
  const { error } = input;
  if (error.code !== "MISSING_CHAR" || !/closing .?quote/.test(error.message)) return error.pos[0];
  return unclosedQuoteBefore({ text: input.text, end: error.pos[0] }) ?? error.pos[0];
}

const CLOSED = { "double-quoted-scalar": /^"(?:[^"\\]|\\[\s\S])*"$/, "single-quoted-scalar": /^'(?:[^']|'')*'$/ } as const;

/** The offset of the last quoted scalar before `end` that has no closing quote (yaml's CST, public API). */
function unclosedQuoteBefore(input: { text: string; end: number }): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const token = node as { type?: string; offset?: number; source?: string };
    const closed = token.type !== undefined && Object.hasOwn(CLOSED, token.type) ? CLOSED[token.type as keyof typeof CLOSED] : undefined;
    if (closed && typeof token.offset === "number" && token.offset < input.end && !closed.test(token.source ?? "")) found = Math.max(found ?? -1, token.offset);
    for (const value of Object.values(node)) if (typeof value === "object") visit(value);
  };
  for (const token of new (yamlLibrary().Parser)().parse(input.text)) visit(token);
  return found;
}
