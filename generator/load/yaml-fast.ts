// A fast path for the YAML that OpenAPI specs are written in. Dumpers (PyYAML, yaml's
// own stringify, Polar's) write block mappings and sequences of one-line scalars and
// literal block scalars; the `yaml` package composes that through a lexer, a CST and a
// document model, which is ~1 s for the 2 MB Polar spec. This reads that subset line by
// line, ten to twenty times faster, and nothing else: the moment it meets anything it
// cannot vouch for (comments, anchors, tags, flow collections, multi-line flow or plain
// scalars, folded scalars, tabs, odd indentation, duplicate keys, ...) it gives up and
// the caller parses the text with `yaml`. So it never accepts text `yaml` would reject
// and, where it accepts, gives exactly the value `yaml`'s `toJS` gives with the core
// schema (test/unit/yaml-fast.test.ts checks both, on every real spec and on fuzzed text).

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

interface Reader {
  lines: string[];
  /** Leading spaces of each line; -1 for a line of spaces only (or empty). */
  indents: Int32Array;
}

/**
 * The mapping `text` holds, as `yaml`'s `toJS` would give it, or undefined when the text
 * is outside the subset (or not a non-empty mapping).
 */
export function parseSimpleYamlMapping(text: string): Record<string, unknown> | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  // A last line without its newline: chomping would differ; such a text is rare enough to leave.
  if (!text.endsWith("\n")) return undefined;
  const lines = text.split("\n");
  lines.pop();
  const reader: Reader = { lines, indents: measureIndents(lines) };
  try {
    const first = nextContent(reader, 0);
    if (first === lines.length) return undefined;
    const { value, next } = parseBlockNode({ reader, line: first, parentIndent: -1 });
    if (nextContent(reader, next) !== lines.length || !isPlainObject(value) || Object.keys(value).length === 0) return undefined;
    return value;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

function measureIndents(lines: string[]): Int32Array {
  const indents = new Int32Array(lines.length);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let indent = 0;
    while (line.charCodeAt(indent) === SPACE) indent++;
    indents[index] = indent === line.length ? -1 : indent;
  }
  return indents;
}

/** The first line at or after `line` that is not blank. */
function nextContent(reader: Reader, line: number): number {
  while (line < reader.lines.length && reader.indents[line] === -1) line++;
  return line;
}

interface Parsed {
  value: unknown;
  /** The line after the node. */
  next: number;
}

/** The block mapping or sequence whose first line is `line`, indented more than its parent. */
function parseBlockNode(input: { reader: Reader; line: number; parentIndent: number }): Parsed {
  const { reader, line } = input;
  const indent = reader.indents[line]!;
  if (indent <= input.parentIndent) giveUp();
  return isSequenceEntry(reader.lines[line]!, indent)
    ? parseSequence({ reader, line, indent })
    : parseMapping({ reader, line, column: indent, indent });
}

function isSequenceEntry(line: string, column: number): boolean {
  return line.charCodeAt(column) === DASH && (column + 1 === line.length || line.charCodeAt(column + 1) === SPACE);
}

/**
 * A block mapping whose keys sit at `indent`; its first key starts at `column` of `line`,
 * which is `indent` too except for a mapping that opens on a sequence entry's line (`- a: 1`).
 */
function parseMapping(input: { reader: Reader; line: number; column: number; indent: number }): Parsed {
  const { reader, indent } = input;
  const result: Record<string, unknown> = {};
  let line = input.line;
  let column = input.column;
  for (;;) {
    const text = reader.lines[line]!;
    if (text.charCodeAt(column) === SPACE) giveUp();
    const { key, valueStart } = readKey(text, column);
    if (key === "__proto__" || Object.hasOwn(result, key)) giveUp();
    const entry = parseValue({ reader, line, valueStart, indent });
    result[key] = entry.value;
    const next = nextContent(reader, entry.next);
    if (next === reader.lines.length || reader.indents[next]! < indent) return { value: result, next };
    // More indented: a continuation or a misplaced line; at the indent, a `-` is not a key.
    if (reader.indents[next]! > indent || isSequenceEntry(reader.lines[next]!, indent)) giveUp();
    line = next;
    column = indent;
  }
}

function parseSequence(input: { reader: Reader; line: number; indent: number }): Parsed {
  const { reader, indent } = input;
  const result: unknown[] = [];
  let line = input.line;
  for (;;) {
    const text = reader.lines[line]!;
    if (!isSequenceEntry(text, indent)) giveUp();
    let entry: Parsed;
    if (text.length === indent + 1) {
      entry = parseNested({ reader, line, indent });
    } else {
      const column = indent + 2;
      const first = text.charCodeAt(column);
      // `-  x` (a wider entry indent) is left to yaml.
      if (first === SPACE) giveUp();
      if (isSequenceEntry(text, column)) entry = parseSequence({ reader, line, indent: column });
      else if (startsMapping(text, column)) entry = parseMapping({ reader, line, column, indent: column });
      else entry = parseValue({ reader, line, valueStart: column, indent });
    }
    result.push(entry.value);
    const next = nextContent(reader, entry.next);
    if (next === reader.lines.length || reader.indents[next]! < indent) return { value: result, next };
    if (reader.indents[next]! > indent) giveUp();
    line = next;
  }
}

/** Whether the text at `column` is a mapping's first key (`a: 1`, `a:`, `"a": 1`), not a scalar. */
function startsMapping(text: string, column: number): boolean {
  if (text.charCodeAt(column) === 34 /* " */) {
    const end = closingDoubleQuote(text, column);
    return end !== -1 && text.charCodeAt(end + 1) === 58 /* : */;
  }
  return keyEnd(text, column) !== -1;
}

/** Where a plain key's `:` is (followed by a space or the line's end), or -1. */
function keyEnd(text: string, column: number): number {
  for (let at = text.indexOf(":", column); at !== -1; at = text.indexOf(":", at + 1)) {
    if (at + 1 === text.length || text.charCodeAt(at + 1) === SPACE) return at;
  }
  return -1;
}

function readKey(text: string, column: number): { key: string; valueStart: number } {
  let key: string;
  let colon: number;
  if (text.charCodeAt(column) === 34 /* " */) {
    const end = closingDoubleQuote(text, column);
    if (end === -1) giveUp();
    key = unescapeDoubleQuoted(text.slice(column + 1, end));
    colon = end + 1;
    if (text.charCodeAt(colon) !== 58) giveUp();
  } else {
    colon = keyEnd(text, column);
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
 * on the lines below (or null).
 */
function parseValue(input: { reader: Reader; line: number; valueStart: number; indent: number }): Parsed {
  const { reader, line, indent } = input;
  const text = reader.lines[line]!;
  let start = input.valueStart;
  while (text.charCodeAt(start) === SPACE) start++;
  if (start === text.length) return parseNested({ reader, line, indent });
  const rest = text.slice(start);
  if (rest === "|" || rest === "|-") return parseLiteral({ reader, line, parentIndent: indent, strip: rest === "|-" });
  if (rest.charCodeAt(0) === 34 /* " */ && closingDoubleQuote(rest, 0) === -1) return parseMultiLineDoubleQuoted({ reader, line, start, indent });
  // Inside a sequence entry a `key: value` was read as a mapping already; here it would be an error.
  return { value: parseInlineScalar(rest), next: line + 1 };
}

/** The block node below `line` (more indented than `indent`), or null when there is none. */
function parseNested(input: { reader: Reader; line: number; indent: number }): Parsed {
  const { reader, line, indent } = input;
  const next = nextContent(reader, line + 1);
  if (next === reader.lines.length || reader.indents[next]! < indent) return { value: null, next: line + 1 };
  // `key:` with a sequence at the key's own indent is valid YAML, but left to yaml.
  if (reader.indents[next] === indent) {
    if (isSequenceEntry(reader.lines[next]!, indent)) giveUp();
    return { value: null, next: line + 1 };
  }
  return parseBlockNode({ reader, line: next, parentIndent: indent });
}

/**
 * A literal block scalar (`|` keeps one final newline, `|-` none) whose content is
 * indented more than `parentIndent`, at the indent of its first non-blank line.
 */
function parseLiteral(input: { reader: Reader; line: number; parentIndent: number; strip: boolean }): Parsed {
  const { reader, parentIndent } = input;
  const first = nextContent(reader, input.line + 1);
  if (first === reader.lines.length || reader.indents[first]! <= parentIndent) giveUp();
  const contentIndent = reader.indents[first]!;
  // Blank lines before the first content line: each one a newline, unless it is wider than the content's indent.
  const parts: string[] = [];
  for (let line = input.line + 1; line < first; line++) {
    if (reader.lines[line]!.length > contentIndent) giveUp();
    parts.push("");
  }
  let lastContent = first;
  let line = first;
  for (; line < reader.lines.length; line++) {
    const indent = reader.indents[line]!;
    // A line of spaces is an empty line, unless it is wider than the indent: then its extra spaces are content.
    if (indent === -1 && reader.lines[line]!.length <= contentIndent) continue;
    if (indent !== -1 && indent < contentIndent) break;
    for (let blank = lastContent + 1; blank < line; blank++) parts.push("");
    parts.push(reader.lines[line]!.slice(contentIndent));
    lastContent = line;
  }
  if (line < reader.lines.length && reader.indents[line]! > parentIndent) giveUp();
  const body = parts.join("\n");
  return { value: input.strip ? body : `${body}\n`, next: lastContent + 1 };
}

/**
 * A double-quoted scalar that goes on over more lines (dumpers write long descriptions
 * so), each indented more than `indent`; folded as yaml folds it (foldDoubleQuoted).
 */
function parseMultiLineDoubleQuoted(input: { reader: Reader; line: number; start: number; indent: number }): Parsed {
  const { reader, indent } = input;
  const parts = [reader.lines[input.line]!.slice(input.start)];
  for (let line = input.line + 1; line < reader.lines.length; line++) {
    const text = reader.lines[line]!;
    if (reader.indents[line] !== -1 && reader.indents[line]! <= indent) giveUp();
    // A `\` that ends the line before escaped the line break; each line's scan starts afresh.
    const end = closingDoubleQuote(text, -1);
    if (end === -1) {
      parts.push(text);
      continue;
    }
    if (!onlySpaces(text, end + 1)) giveUp();
    parts.push(text.slice(0, end + 1));
    return { value: foldDoubleQuoted(parts.join("\n")), next: line + 1 };
  }
  return giveUp();
}

/** A scalar that fits on the rest of its line: double-quoted, single-quoted, `[]`, `{}`, or plain. */
function parseInlineScalar(rest: string): unknown {
  const first = rest.charCodeAt(0);
  if (first === 34 /* " */) {
    const end = closingDoubleQuote(rest, 0);
    if (end === -1 || !onlySpaces(rest, end + 1)) giveUp();
    return unescapeDoubleQuoted(rest.slice(1, end));
  }
  if (first === 39 /* ' */) {
    const end = closingSingleQuote(rest);
    if (end === -1 || !onlySpaces(rest, end + 1)) giveUp();
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

function onlySpaces(text: string, from: number): boolean {
  for (let at = from; at < text.length; at++) if (text.charCodeAt(at) !== SPACE) return false;
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

function closingDoubleQuote(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92 /* \ */) at++;
    else if (code === 34) return at;
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
