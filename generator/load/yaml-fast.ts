// A fast path for the YAML that OpenAPI specs are written in. Dumpers (PyYAML, yaml's
// own stringify, Polar's) write block mappings and sequences of one-line scalars and
// literal block scalars; the `yaml` package composes that through a lexer, a CST and a
// document model, which is slow for a spec of Polar's size. This reads that subset line
// by line, many times faster (BENCHMARKS.md), and nothing else: the moment it meets anything it
// cannot vouch for (comments, anchors, tags, flow collections, multi-line plain or
// single-quoted scalars, folded scalars, tabs, odd indentation, duplicate keys, ...) it gives up and
// the caller parses the text with `yaml`. So it never accepts text `yaml` would reject
// and, where it accepts, gives exactly the value `yaml`'s `toJS` gives with the core
// schema (test/unit/yaml-fast.test.ts checks both on fuzzed text, test/corpus on every real spec).

import { Buffer } from "node:buffer";

/** Thrown, and caught at the top, to give the text back to the `yaml` package. */
const GIVE_UP = Symbol("give up");

/** A character YAML forbids, or one whose handling we leave to `yaml` (CR, BOM, C1 controls, non-characters); not tab or LF. */
const UNSUPPORTED_CHARACTER = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/;

/** Characters a plain scalar may not start with (but see parseInlineScalar for `-`). */
const INDICATOR = new Set("-?:,[]{}#&*!|>'\"%@`");

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT_OCTAL = /^0o[0-7]+$/;
const INT_DECIMAL = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** `yaml` refuses an implicit key longer than this. */
const MAX_IMPLICIT_KEY = 1024;

const SPACE = 32;
const DASH = 45;
const QUOTE = 34;
const COLON = 58;

/**
 * The text's lines, each sliced from it when asked for: an array of all 66,000 lines of
 * the Polar spec would outlive the parse's young garbage and grow V8's young generation.
 */
class Reader {
  /** How many lines (the text ends with a line break). */
  readonly count: number;
  /** Leading spaces of each line; -1 for a line of spaces only (or empty). */
  readonly indents: Int32Array;
  readonly lengths: Int32Array;
  /** The value being read, as JSON text. */
  readonly out: JsonText;
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    let count = 0;
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
    this.count = count;
    this.starts = new Int32Array(count);
    this.lengths = new Int32Array(count);
    this.indents = new Int32Array(count);
    for (let index = 0, start = 0; index < count; index++) {
      const end = text.indexOf("\n", start);
      let indent = 0;
      while (text.charCodeAt(start + indent) === SPACE) indent++;
      this.starts[index] = start;
      this.lengths[index] = end - start;
      this.indents[index] = start + indent === end ? -1 : indent;
      start = end + 1;
    }
    this.out = new JsonText(Math.ceil(text.length * 1.4) + 1024);
  }

  line(index: number): string {
    const start = this.starts[index]!;
    return this.text.slice(start, start + this.lengths[index]!);
  }
}

/**
 * The mapping `text` holds, as `yaml`'s `toJS` would give it, or undefined when the text
 * is outside the subset (or not a non-empty mapping).
 *
 * The value is written as JSON text and handed to `JSON.parse`, not built object by
 * object: V8 puts a large JSON.parse result straight into its old generation, compactly,
 * while objects built here would all survive the young generation and grow it, raising
 * the run's peak memory.
 */
export function parseSimpleYamlMapping(text: string): Record<string, unknown> | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  // A last line without its newline: chomping would differ; such a text is rare enough to leave.
  if (!text.endsWith("\n")) return undefined;
  const reader = new Reader(text);
  try {
    const first = nextContent({ reader, line: 0 });
    if (first === reader.count || isSequenceEntry({ line: reader.line(first), column: reader.indents[first]! })) return undefined;
    const next = parseBlockNode({ reader, line: first, parentIndent: -1 });
    if (nextContent({ reader, line: next }) !== reader.count) return undefined;
    return JSON.parse(reader.out.text()) as Record<string, unknown>;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

/**
 * JSON text written byte by byte into one growing buffer, so that no string or object per
 * token outlives the parse. Only ASCII is written: other characters as `\u` escapes.
 */
class JsonText {
  private bytes: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Punctuation and numbers: ASCII without anything to escape. */
  raw(text: string): void {
    this.reserve(text.length);
    for (let at = 0; at < text.length; at++) this.bytes[this.length++] = text.charCodeAt(at);
  }

  string(text: string): void {
    this.reserve(text.length * 6 + 2);
    const bytes = this.bytes;
    bytes[this.length++] = QUOTE;
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code >= 0x20 && code < 0x7f && code !== QUOTE && code !== 92) {
        bytes[this.length++] = code;
      } else if (code === QUOTE || code === 92) {
        bytes[this.length++] = 92;
        bytes[this.length++] = code;
      } else {
        const hex = code.toString(16).padStart(4, "0");
        bytes[this.length++] = 92;
        bytes[this.length++] = 117; // u
        for (let digit = 0; digit < 4; digit++) bytes[this.length++] = hex.charCodeAt(digit);
      }
    }
    bytes[this.length++] = QUOTE;
  }

  /** A scalar as parseInlineScalar reads it. JSON has no NaN or infinities: such a text is left to yaml. */
  scalar(value: unknown): void {
    if (typeof value === "string") return this.string(value);
    if (typeof value === "number") {
      if (!Number.isFinite(value)) giveUp();
      return this.raw(Object.is(value, -0) ? "-0" : String(value));
    }
    this.raw(Array.isArray(value) ? "[]" : value !== null && typeof value === "object" ? "{}" : String(value));
  }

  text(): string {
    return Buffer.from(this.bytes.buffer, 0, this.length).toString("latin1");
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** The first line at or after `line` that is not blank. */
function nextContent(input: { reader: Reader; line: number }): number {
  const { reader } = input;
  let line = input.line;
  while (line < reader.count && reader.indents[line] === -1) line++;
  return line;
}

/** The block mapping or sequence whose first line is `line`, indented more than its parent; written out. Returns the line after it. */
function parseBlockNode(input: { reader: Reader; line: number; parentIndent: number }): number {
  const { reader, line } = input;
  const indent = reader.indents[line]!;
  if (indent <= input.parentIndent) giveUp();
  return isSequenceEntry({ line: reader.line(line), column: indent })
    ? parseSequence({ reader, line, indent })
    : parseMapping({ reader, line, column: indent, indent });
}

function isSequenceEntry(input: { line: string; column: number }): boolean {
  const { line, column } = input;
  return line.charCodeAt(column) === DASH && (column + 1 === line.length || line.charCodeAt(column + 1) === SPACE);
}

/**
 * A block mapping whose keys sit at `indent`; its first key starts at `column` of `line`,
 * which is `indent` too except for a mapping that opens on a sequence entry's line (`- a: 1`).
 */
function parseMapping(input: { reader: Reader; line: number; column: number; indent: number }): number {
  const { reader, indent } = input;
  // Its keys, to refuse a duplicate as yaml does (JSON.parse would keep the last).
  const keys = new Set<string>();
  let line = input.line;
  let column = input.column;
  reader.out.raw("{");
  for (;;) {
    const text = reader.line(line);
    if (text.charCodeAt(column) === SPACE) giveUp();
    const { key, valueStart } = readKey({ text, column });
    if (key === "__proto__" || keys.has(key)) giveUp();
    if (keys.size > 0) reader.out.raw(",");
    keys.add(key);
    reader.out.string(key);
    reader.out.raw(":");
    const next = nextContent({ reader, line: parseValue({ reader, line, valueStart, indent }) });
    if (next === reader.count || reader.indents[next]! < indent) {
      reader.out.raw("}");
      return next;
    }
    // More indented: a continuation or a misplaced line; at the indent, a `-` is not a key.
    if (reader.indents[next]! > indent || isSequenceEntry({ line: reader.line(next), column: indent })) giveUp();
    line = next;
    column = indent;
  }
}

function parseSequence(input: { reader: Reader; line: number; indent: number }): number {
  const { reader, indent } = input;
  let line = input.line;
  reader.out.raw("[");
  for (let count = 0; ; count++) {
    const text = reader.line(line);
    if (!isSequenceEntry({ line: text, column: indent })) giveUp();
    if (count > 0) reader.out.raw(",");
    let after: number;
    if (text.length === indent + 1) {
      after = parseNested({ reader, line, indent });
    } else {
      const column = indent + 2;
      // `-  x` (a wider entry indent) is left to yaml.
      if (text.charCodeAt(column) === SPACE) giveUp();
      if (isSequenceEntry({ line: text, column })) after = parseSequence({ reader, line, indent: column });
      else if (startsMapping({ text, column })) after = parseMapping({ reader, line, column, indent: column });
      else after = parseValue({ reader, line, valueStart: column, indent });
    }
    const next = nextContent({ reader, line: after });
    if (next === reader.count || reader.indents[next]! < indent) {
      reader.out.raw("]");
      return next;
    }
    if (reader.indents[next]! > indent) giveUp();
    line = next;
  }
}

/** Whether the text at `column` is a mapping's first key (`a: 1`, `a:`, `"a": 1`), not a scalar. */
function startsMapping(input: { text: string; column: number }): boolean {
  const { text, column } = input;
  if (text.charCodeAt(column) === QUOTE) {
    const end = closingDoubleQuote({ text, open: column });
    return end !== -1 && text.charCodeAt(end + 1) === COLON;
  }
  return keyEnd({ text, column }) !== -1;
}

/** Where a plain key's `:` is (followed by a space or the line's end), or -1. */
function keyEnd(input: { text: string; column: number }): number {
  const { text } = input;
  for (let at = text.indexOf(":", input.column); at !== -1; at = text.indexOf(":", at + 1)) {
    if (at + 1 === text.length || text.charCodeAt(at + 1) === SPACE) return at;
  }
  return -1;
}

function readKey(input: { text: string; column: number }): { key: string; valueStart: number } {
  const { text, column } = input;
  let key: string;
  let colon: number;
  if (text.charCodeAt(column) === QUOTE) {
    const end = closingDoubleQuote({ text, open: column });
    if (end === -1) giveUp();
    key = unescapeDoubleQuoted(text.slice(column + 1, end));
    colon = end + 1;
    if (text.charCodeAt(colon) !== COLON) giveUp();
  } else {
    colon = keyEnd({ text, column });
    if (colon === -1) giveUp();
    const raw = text.slice(column, colon);
    // A key that would resolve to anything but itself as a string (`200`, `true`, `~`) is left to yaml.
    // So is a key that could be read as a document marker at a line's start (`---`, `...`).
    if (!isPlainStringScalar(raw) || raw.startsWith("...")) giveUp();
    key = raw;
  }
  if (colon - column >= MAX_IMPLICIT_KEY) giveUp();
  if (colon + 1 < text.length && text.charCodeAt(colon + 1) !== SPACE) giveUp();
  return { key, valueStart: colon + 1 };
}

/**
 * The value that starts at `valueStart` of `line` (after `key:` or `- `): a scalar on the
 * line, a literal block scalar, `[]`, `{}`, or, when the line ends there, the block node
 * on the lines below (or null). Written out; returns the line after it.
 */
function parseValue(input: { reader: Reader; line: number; valueStart: number; indent: number }): number {
  const { reader, line, indent } = input;
  const text = reader.line(line);
  let start = input.valueStart;
  while (text.charCodeAt(start) === SPACE) start++;
  if (start === text.length) return parseNested({ reader, line, indent });
  const rest = text.slice(start);
  if (rest === "|" || rest === "|-") return parseLiteral({ reader, line, parentIndent: indent, strip: rest === "|-" });
  if (rest.charCodeAt(0) === QUOTE && closingDoubleQuote({ text: rest, open: 0 }) === -1) return parseMultiLineDoubleQuoted({ reader, line, start, indent });
  // Inside a sequence entry a `key: value` was read as a mapping already; here it would be an error.
  reader.out.scalar(parseInlineScalar(rest));
  return line + 1;
}

/** The block node below `line` (more indented than `indent`), or null when there is none. */
function parseNested(input: { reader: Reader; line: number; indent: number }): number {
  const { reader, line, indent } = input;
  const next = nextContent({ reader, line: line + 1 });
  if (next === reader.count || reader.indents[next]! < indent) {
    reader.out.raw("null");
    return line + 1;
  }
  // `key:` with a sequence at the key's own indent is valid YAML, but left to yaml.
  if (reader.indents[next] === indent) {
    if (isSequenceEntry({ line: reader.line(next), column: indent })) giveUp();
    reader.out.raw("null");
    return line + 1;
  }
  return parseBlockNode({ reader, line: next, parentIndent: indent });
}

/**
 * A literal block scalar (`|` keeps one final newline, `|-` none) whose content is
 * indented more than `parentIndent`, at the indent of its first non-blank line.
 */
function parseLiteral(input: { reader: Reader; line: number; parentIndent: number; strip: boolean }): number {
  const { reader, parentIndent } = input;
  const first = nextContent({ reader, line: input.line + 1 });
  if (first === reader.count || reader.indents[first]! <= parentIndent) giveUp();
  const contentIndent = reader.indents[first]!;
  // Blank lines before the first content line: each one a newline, unless it is wider than the content's indent.
  const parts: string[] = [];
  for (let line = input.line + 1; line < first; line++) {
    if (reader.lengths[line]! > contentIndent) giveUp();
    parts.push("");
  }
  let lastContent = first;
  let line = first;
  for (; line < reader.count; line++) {
    const indent = reader.indents[line]!;
    // A line of spaces is an empty line, unless it is wider than the indent: then its extra spaces are content.
    if (indent === -1 && reader.lengths[line]! <= contentIndent) continue;
    if (indent !== -1 && indent < contentIndent) break;
    for (let blank = lastContent + 1; blank < line; blank++) parts.push("");
    parts.push(reader.line(line).slice(contentIndent));
    lastContent = line;
  }
  if (line < reader.count && reader.indents[line]! > parentIndent) giveUp();
  const body = parts.join("\n");
  reader.out.string(input.strip ? body : `${body}\n`);
  return lastContent + 1;
}

/**
 * A double-quoted scalar that goes on over more lines (dumpers write long descriptions
 * so), each indented more than `indent`; folded as yaml folds it (foldDoubleQuoted).
 */
function parseMultiLineDoubleQuoted(input: { reader: Reader; line: number; start: number; indent: number }): number {
  const { reader, indent } = input;
  const parts = [reader.line(input.line).slice(input.start)];
  for (let line = input.line + 1; line < reader.count; line++) {
    const text = reader.line(line);
    if (reader.indents[line] !== -1 && reader.indents[line]! <= indent) giveUp();
    // A `\` that ends the line before escaped the line break; each line's scan starts afresh.
    const end = closingDoubleQuote({ text, open: -1 });
    if (end === -1) {
      parts.push(text);
      continue;
    }
    if (!onlySpaces({ text, from: end + 1 })) giveUp();
    parts.push(text.slice(0, end + 1));
    reader.out.string(foldDoubleQuoted(parts.join("\n")));
    return line + 1;
  }
  return giveUp();
}

/** A scalar that fits on the rest of its line: double-quoted, single-quoted, `[]`, `{}`, or plain. */
function parseInlineScalar(rest: string): unknown {
  const first = rest.charCodeAt(0);
  if (first === 34 /* " */) {
    const end = closingDoubleQuote({ text: rest, open: 0 });
    if (end === -1 || !onlySpaces({ text: rest, from: end + 1 })) giveUp();
    return unescapeDoubleQuoted(rest.slice(1, end));
  }
  if (first === 39 /* ' */) {
    const end = closingSingleQuote(rest);
    if (end === -1 || !onlySpaces({ text: rest, from: end + 1 })) giveUp();
    return rest.slice(1, end).replaceAll("''", "'");
  }
  if (rest === "[]") return [];
  if (rest === "{}") return {};
  const plain = trimSpaces(rest);
  // `-` may start one before a non-space (`-created_at`, `-1`); `?` and `:` may too, but are left to yaml.
  if (INDICATOR.has(plain[0]!) && !(plain[0] === "-" && plain.length > 1 && plain.charCodeAt(1) !== SPACE)) giveUp();
  // `: ` or a final `:` would make a mapping, ` #` a comment.
  if (plain.includes(": ") || plain.endsWith(":") || plain.includes(" #") || plain.includes("\t")) giveUp();
  return resolvePlain(plain);
}

/** Without its trailing spaces: YAML's white space is space and tab, not all that `trimEnd` takes (U+2028, U+00A0, ...). */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  return text.slice(0, end);
}

function onlySpaces(input: { text: string; from: number }): boolean {
  const { text } = input;
  for (let at = input.from; at < text.length; at++) if (text.charCodeAt(at) !== SPACE) return false;
  return true;
}

/** The core schema's reading of a plain scalar, as `yaml` resolves it. */
function resolvePlain(plain: string): unknown {
  const first = plain.charCodeAt(0);
  // Only these can start a null, bool or number: any other plain scalar is a string.
  const maybeSpecial = (first >= 48 && first <= 57) || "+-.~nNtTfF".includes(plain[0]!);
  if (!maybeSpecial) return plain;
  if (NULL.test(plain)) return null;
  if (TRUE.test(plain)) return true;
  if (FALSE.test(plain)) return false;
  if (INT_OCTAL.test(plain)) return parseInt(plain.slice(2), 8);
  if (INT_DECIMAL.test(plain)) return parseInt(plain, 10);
  if (INT_HEX.test(plain)) return parseInt(plain.slice(2), 16);
  if (FLOAT_SPECIAL.test(plain)) {
    if (plain.slice(-3).toLowerCase() === "nan") return NaN;
    return plain[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXPONENT.test(plain) || FLOAT.test(plain)) return parseFloat(plain);
  return plain;
}

/** Whether a plain scalar is read as the string it spells (what a key must be for us). */
function isPlainStringScalar(raw: string): boolean {
  if (raw.length === 0 || INDICATOR.has(raw[0]!) || raw !== trimSpaces(raw) || raw.includes(" #") || raw.includes("\t")) return false;
  return resolvePlain(raw) === raw;
}

/** The closing `"` of the scalar whose opening one is at `open` (-1: a continuation line), or -1. */
function closingDoubleQuote(input: { text: string; open: number }): number {
  const { text } = input;
  for (let at = input.open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92 /* \ */) at++;
    else if (code === QUOTE) return at;
  }
  return -1;
}

/** The closing `'` of a single-quoted scalar at the text's start (`''` is an escaped quote). */
function closingSingleQuote(text: string): number {
  for (let at = 1; at < text.length; at++) {
    if (text.charCodeAt(at) !== 39) continue;
    if (text.charCodeAt(at + 1) === 39) at++;
    else return at;
  }
  return -1;
}

/** yaml's escapes, but `\x` and `\U` (left to yaml). */
const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
};

/** The body of a one-line double-quoted scalar, unescaped. */
function unescapeDoubleQuoted(body: string): string {
  return body.includes("\\") ? foldDoubleQuoted(`"${body}"`) : body;
}

/**
 * A double-quoted scalar's value from its source, quotes included, as yaml reads it: a
 * line break folds to a space, or to one newline per empty line after it; spaces at a
 * line's end and start go; a `\` at a line's end joins the lines. Tabs are not expected
 * here (parseSimpleYamlMapping declines a tab outside quotes, and the multi-line case below).
 */
function foldDoubleQuoted(source: string): string {
  if (source.includes("\t") && source.includes("\n")) giveUp();
  let result = "";
  for (let at = 1; at < source.length - 1; at++) {
    const character = source[at]!;
    if (character === "\n") {
      let fold = "";
      while (source[at + 1] === " " || source[at + 1] === "\n") if (source[++at] === "\n") fold += "\n";
      result += fold || " ";
    } else if (character === "\\") {
      const escape = source[++at]!;
      const simple = ESCAPES[escape];
      if (simple !== undefined) {
        result += simple;
      } else if (escape === "\n") {
        while (source[at + 1] === " ") at++;
      } else {
        const hex = escape === "u" ? source.slice(at + 1, at + 5) : "";
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) giveUp();
        result += String.fromCharCode(parseInt(hex, 16));
        at += 4;
      }
    } else if (character === " ") {
      const start = at;
      while (source[at + 1] === " ") at++;
      if (source[at + 1] !== "\n") result += source.slice(start, at + 1);
    } else {
      result += character;
    }
  }
  return result;
}
