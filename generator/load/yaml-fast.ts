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

import { JsonText, Reader } from "./yaml-fast-text.js";
import { closingDoubleQuote, foldDoubleQuoted, GIVE_UP, giveUp, isPlainStringScalar, onlySpaces, parseInlineScalar, trimSpaces, unescapeDoubleQuoted } from "./yaml-scalars.js";

/** A character YAML forbids, or one whose handling we leave to `yaml` (CR, BOM, C1 controls, non-characters); not tab or LF. */
const UNSUPPORTED_CHARACTER = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/;

/** `yaml` refuses an implicit key longer than this. */
const MAX_IMPLICIT_KEY = 1024;

const SPACE = 32;
const DASH = 45;
const QUOTE = 34;
const COLON = 58;


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
