// Code an emitter writes one statement per line, in prettier's layout without running
// prettier over the whole file. The emitter writes each statement, block head (`… {`)
// and block end (`}`) on a line of its own, in the spacing prettier prints; here lines
// are indented by their block depth, and only lines prettier would break (over the
// print width) go to prettier, each inside blocks that put it at its own depth, all in
// one call. Lines this does not model (a long line that is not a statement or a block
// head, an unbalanced block) answer undefined: the whole file then goes to prettier.
// test/corpus/validators-layout.test.ts holds validators.ts to prettier's bytes.

import { PRETTIER_OPTIONS } from "../format.js";
import { formatOrUndefined } from "./ts-printer-style.js";

type FormatText = (text: string) => Promise<string>;

interface LongLine {
  index: number;
  depth: number;
  /**
   * A statement goes in bare blocks; a block head likewise, with an empty body that comes
   * back as a trailing `{}`; an object member (`key: value,`) in object literals.
   */
  kind: "statement" | "head" | "member";
}

export async function layoutStatements(input: { text: string; format: FormatText }): Promise<string | undefined> {
  const lines: string[] = [];
  const long: LongLine[] = [];
  let depth = 0;
  for (const raw of input.text.split("\n")) {
    const text = raw.trim();
    if (text.startsWith("}")) depth--;
    if (depth < 0) return undefined;
    const line = text === "" ? "" : "  ".repeat(depth) + text;
    const head = text.endsWith("{") && !text.startsWith("//");
    // Over the width, or holding what prettier may print otherwise: quotes it may swap,
    // escapes it may drop, characters whose printed width is not their length.
    if (line.length > PRETTIER_OPTIONS.printWidth || /[^\x20-\x7e]|['\\]/.test(text)) {
      // A long `} else …` would need a wrapper of another kind.
      if (text.startsWith("}")) return undefined;
      long.push({ index: lines.length, depth, kind: head ? "head" : text.endsWith(",") ? "member" : "statement" });
    }
    lines.push(line);
    if (head) depth++;
  }
  if (depth !== 0) return undefined;
  if (long.length === 0) return lines.join("\n");
  const formatted = await formatLong({ lines, long, format: input.format });
  if (!formatted) return undefined;
  for (let index = long.length - 1; index >= 0; index--) lines.splice(long[index]!.index, 1, ...formatted[index]!);
  return lines.join("\n");
}

/** Every long line through one prettier call, each wrapped to its depth. */
async function formatLong(input: { lines: string[]; long: LongLine[]; format: FormatText }): Promise<string[][] | undefined> {
  const wrapped = input.long.map(({ index, depth, kind }) => ({
    ...wrapper({ depth, kind }),
    body: input.lines[index]!.trim() + (kind === "head" ? "}" : ""),
    head: kind === "head",
  }));
  const text = wrapped.map((each) => [...each.opening, each.body, ...each.closing].join("\n")).join("\n\n") + "\n";
  const output = (await formatOrUndefined({ text, format: input.format }))?.split("\n");
  if (!output) return undefined;
  const result: string[][] = [];
  let at = 0;
  for (const each of wrapped) {
    const bodyAt = at + each.opening.length;
    // The body ends where the wrapper's first closing line (or, at depth 0, the blank line) is.
    const end = each.closing.length ? output.indexOf(each.closing[0]!, bodyAt) : output.indexOf("", bodyAt);
    if (end < 0 || output.slice(at, bodyAt).join("\n") !== each.opening.join("\n")) return undefined;
    if (output.slice(end, end + each.closing.length).join("\n") !== each.closing.join("\n")) return undefined;
    const body = output.slice(bodyAt, end);
    if (each.head && !dropEmptyBody(body)) return undefined;
    result.push(body);
    at = end + each.closing.length + 1;
  }
  return result;
}

/** Lines that put a line at `depth`: bare blocks for statements, object literals for members. */
function wrapper(input: { depth: number; kind: LongLine["kind"] }): { opening: string[]; closing: string[] } {
  const { depth } = input;
  const indent = (level: number) => "  ".repeat(level);
  if (input.kind !== "member") {
    return {
      opening: Array.from({ length: depth }, (_, level) => `${indent(level)}{`),
      closing: Array.from({ length: depth }, (_, level) => `${indent(depth - 1 - level)}}`),
    };
  }
  return {
    opening: Array.from({ length: depth }, (_, level) => (level === 0 ? "const __o = {" : `${indent(level)}__o: {`)),
    closing: Array.from({ length: depth }, (_, level) => `${indent(depth - 1 - level)}}${level === depth - 1 ? ";" : ","}`),
  };
}

/** A head's empty body comes back as `… {}`, or as `{` and `}` lines when the head broke. */
function dropEmptyBody(body: string[]): boolean {
  const last = body.at(-1);
  if (last?.endsWith("{}")) body[body.length - 1] = last.slice(0, -1);
  else if (last?.trim() === "}" && body.at(-2)?.endsWith("{")) body.pop();
  else return false;
  return true;
}
