// Code an emitter writes one statement per line, in prettier's layout without running
// prettier over the whole file. The emitter writes each statement, block head (`… {`)
// and block end (`}`) on a line of its own, in the spacing prettier prints; here lines
// are indented by the brackets (`{ ( [ <`) open at their ends and a trailing `=`; a
// call's sole argument opened on its line (`f({`) is one level, as prettier hugs it; an
// empty block closed on the next line is joined to it (`{}`); the members of a union
// after `type X =` (one `| …` a line) are indented as prettier aligns them. A few shapes
// of long line are broken as prettier breaks them (statement-breaks.ts), a type member
// whose type is an indexed access stays as it is, and only the other lines prettier
// would break (over the print width, or holding quotes or escapes) go to prettier, each
// inside blocks that put it at its own depth, all in one call. Lines this does not
// model (a long line that is not a statement or a block head, an unbalanced block)
// answer undefined: the whole file then goes to prettier.
// Blank lines and multi-line JSDoc are normalised as prettier prints them; a long member
// of a type goes to prettier inside types (`type __T = {`), so it breaks as a type member.
// test/corpus/*-layout.test.ts hold validators.ts, client.ts, server.ts and fake.ts to
// prettier's bytes on every real spec.

import { PRETTIER_OPTIONS } from "./prettier-options.js";
import { stableText } from "./break-statements.js";
import { breakLikePrettier, isRegexLine } from "./statement-breaks.js";
import { formatOrUndefined } from "./ts-printer-style.js";

type FormatText = (text: string) => Promise<string>;

interface LongLine {
  index: number;
  depth: number;
  /**
   * A statement goes in bare blocks; a block head likewise, with an empty body that comes
   * back as a trailing `{}`; an object member (`key: value,`) in object literals.
   */
  kind: "statement" | "head" | "member" | "type-member";
}

/** What a bracket opened: a type (`type X = {`, an interface, anything inside one) or code and values. */
type Context = "type" | "value";

/** A line that opens a bracket (or type arguments) at its end: the lines after it are a level deeper. */
const OPENS_AT_END = /[{([<]$/;

export async function layoutStatements(input: { text: string; format: FormatText }): Promise<string | undefined> {
  const lines: string[] = [];
  const long: LongLine[] = [];
  // The brackets open at the start of the line; its depth is their number.
  const open: Context[] = [];
  // Per level open, the closing characters that end it: two for a hugged `({` or `([`.
  const closing: number[] = [];
  // A line that ends in ` =` puts the next one a level deeper (`const PATTERN_0 =` then its regex).
  let continued = false;
  // Inside a `/** … */` over several lines: prettier re-indents each ` * …` line to the comment.
  let inComment = false;
  // The last line written opened a bracket: a closer next makes an empty block.
  let afterOpener: boolean | "broken" = false;
  // After `type X =`, lines that start `| ` (a union, one member a line) from this depth:
  // prettier indents them a level, and the members of a `| {` two more, its `}` one more.
  let union: { depth: number } | undefined;
  for (const raw of input.text.split("\n")) {
    let text = raw.trim();
    if (inComment) {
      // Prettier drops the space after a bare ` * `, but keeps some trailing whitespace after text: not modelled.
      if (!text.startsWith("*") || (raw !== raw.trimEnd() && text !== "*")) return undefined;
      lines.push(`${"  ".repeat(open.length)} ${text}`);
      inComment = !text.endsWith("*/");
      continue;
    }
    // Prettier keeps one blank line of several, and none at the start or end of a block.
    if (text === "" && (lines.length === 0 || lines.at(-1) === "" || OPENS_AT_END.test(lines.at(-1)!))) continue;
    // `}`, `)` and `]` that open a line close what the lines before opened: `): void {`, `});`.
    const closers = leadingClosers({ text, closing });
    if (closers === undefined) return undefined;
    if (closers > 0 && lines.at(-1) === "") lines.pop();
    open.length -= closers;
    closing.length -= closers;
    if (closers > 0 && afterOpener && /^[})\]]+[;,]?$/.test(text)) {
      // A head broken over lines, then `{}`: prettier measures its last line with the `}`.
      if (afterOpener === "broken") return undefined;
      // An empty block, list or call: prettier prints `{}` (`[]`, `()`) on the opener's line; not before `else`, `catch`...
      const opener = lines.pop()!;
      if (opener.length - opener.trimStart().length !== 2 * open.length) return undefined;
      if (long.at(-1)?.index === lines.length) long.pop();
      text = opener.trim() + text;
    }
    afterOpener = false;
    const depth = open.length;
    if (continued && text.startsWith("| ")) union = { depth };
    const inVariant = union !== undefined && (depth > union.depth || closers > 0);
    const at = union ? depth + 1 + (inVariant ? 1 : 0) : depth + (continued ? 1 : 0);
    const line = text === "" ? "" : "  ".repeat(at) + text;
    const comment = text.startsWith("//") || (text.startsWith("/*") && text.endsWith("*/"));
    if (text.startsWith("/*") && !comment) {
      if (continued || raw !== raw.trimEnd()) return undefined;
      lines.push(line);
      inComment = true;
      continue;
    }
    const opens = !comment && OPENS_AT_END.test(text);
    const context: Context = union || open.at(-1) === "type" || /^(?:export )?(?:declare )?(?:interface|type) /.test(text) ? "type" : "value";
    continued = !comment && text.endsWith(" =");
    // Over the width, or holding what prettier may print otherwise: quotes it may swap,
    // escapes it may drop, characters whose printed width is not their length. Prettier
    // prints comments and regular expressions as they are.
    const unbreakable = open.at(-1) === "type" && UNBREAKABLE_MEMBER.test(text);
    if (!comment && !unbreakable && (line.length > PRETTIER_OPTIONS.printWidth || (!stableText(text) && !isRegexLine(text)))) {
      const broken = line.length > PRETTIER_OPTIONS.printWidth ? breakLikePrettier({ text, depth: at }) : undefined;
      if (broken) {
        lines.push(...broken);
        if (opens) open.push(context), closing.push(closingWidth(text));
        afterOpener = opens && (broken.length === 1 || "broken");
        continue;
      }
      // A long line that opens or closes a bracket, `} else …` or a continuation would need a wrapper of another kind.
      // In a union, only a member of a `| {` goes to prettier, inside types as deep as it is.
      if (closers > 0 || /[([<]$/.test(text) || continued || (at !== depth && !(union && depth > union.depth))) return undefined;
      const kind = longKind({ text, open });
      if (!kind || (union && kind !== "type-member")) return undefined;
      long.push({ index: lines.length, depth: at, kind });
    }
    if (union && depth === union.depth && text.endsWith(";")) union = undefined;
    lines.push(line);
    if (opens) open.push(context), closing.push(closingWidth(text));
    afterOpener = opens;
  }
  if (open.length !== 0 || continued || inComment || union) return undefined;
  while (lines.at(-1) === "") lines.pop();
  lines.push("");
  if (long.length === 0) return lines.join("\n");
  const formatted = await formatLong({ lines, long, format: input.format });
  if (!formatted) return undefined;
  for (let index = long.length - 1; index >= 0; index--) lines.splice(long[index]!.index, 1, ...formatted[index]!);
  return lines.join("\n");
}

/**
 * How a long line is wrapped for prettier, or undefined where no wrapper reproduces its
 * surroundings: a member of a type needs types all the way up; a block head, a value's
 * member or a statement needs no type around it.
 */
function longKind(input: { text: string; open: Context[] }): LongLine["kind"] | undefined {
  const { text, open } = input;
  if (open.at(-1) === "type") return text.endsWith(";") && open.every((context) => context === "type") ? "type-member" : undefined;
  if (open.includes("type")) return undefined;
  return text.endsWith("{") ? "head" : text.endsWith(",") ? "member" : "statement";
}

/**
 * How many open levels the `}`, `)` and `]` that start the line close, or undefined when
 * they close more than is open or split a hugged pair.
 */
function leadingClosers(input: { text: string; closing: number[] }): number | undefined {
  const { text, closing } = input;
  let at = 0;
  let levels = 0;
  while (at < text.length && "})]>".includes(text[at]!)) {
    const width = closing[closing.length - 1 - levels];
    if (width === undefined) return undefined;
    // A hugged argument ends `})`, or `} as const)`.
    const hugEnd = width === 2 ? /^[}\]](?: as const)?\)/.exec(text.slice(at)) : undefined;
    if (width === 2 && !hugEnd) return undefined;
    at += hugEnd ? hugEnd[0].length : 1;
    levels++;
  }
  return levels;
}

/** A call's sole argument opened on its line (`f({`, `f([`) is hugged: one level, closed by `})` or `])`. */
function closingWidth(text: string): number {
  return /\([{[]$/.test(text) ? 2 : 1;
}

/** A type member whose type is an indexed access (`body: A["b"][200];`): prettier has nowhere to break it. */
const UNBREAKABLE_MEMBER = /^[A-Za-z_$][\w$]*\??: [A-Za-z_$][\w$]*(?:\[(?:"[^"'\\\x00-\x1f\x7f-\uffff]*"|\d+)\])+;$/;

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
  if (input.kind === "type-member") {
    return {
      opening: Array.from({ length: depth }, (_, level) => (level === 0 ? "type __T = {" : `${indent(level)}__t: {`)),
      closing: Array.from({ length: depth }, (_, level) => `${indent(depth - 1 - level)}};`),
    };
  }
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
