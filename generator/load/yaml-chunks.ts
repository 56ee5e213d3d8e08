// Incremental YAML for watch mode. A save usually touches one schema of a large spec,
// so the text is split, by indentation alone, into chunks: runs of neighbouring entries
// of a block mapping, about 8 KB each, with any large entry whose value is itself a block mapping (`paths`,
// `components.schemas`, ...) split into its own entries the same way. Each chunk is
// parsed on its own (by the line-by-line fast path of yaml-fast.ts where it can vouch
// for the chunk, else by the yaml package) and remembered by its text; the next save
// re-parses only chunks whose text changed. Only watch mode keeps chunks: a one-off
// load reads the whole text (parse.ts).
//
// Why a chunk parses alone as it does in place: a line at a mapping's key indentation
// ends every block scalar, plain scalar and nested block above it, and a flow value or
// quoted string cut there is left unterminated, which is an error. Anything the split
// cannot vouch for (anchors or aliases, a duplicate key across chunks, a layout it does
// not recognise, any error) returns undefined, and the caller parses the whole text,
// which also gives errors their exact positions.

import { parseSimpleYamlMapping } from "./yaml-fast.js";
import { yamlLibrary } from "./yaml-library.js";

/** Parsed chunks per file, keyed by the chunk's text. Owned by one watch session. */
export interface YamlChunkCache {
  files: Map<string, Map<string, ChunkValue>>;
}

/** A chunk's entries, in order: one or more neighbouring keys of a mapping and their values. */
export interface ChunkValue {
  entries: Array<[string, unknown]>;
}

interface Line {
  start: number;
  /** Leading spaces; -1 for a blank or comment-only line. */
  indent: number;
}

export function createYamlChunkCache(): YamlChunkCache {
  return { files: new Map() };
}

/** A section bigger than this is split into its entries. */
const SPLIT_BYTES = 2 * 1024;
/** Neighbouring entries are parsed together up to about this size: each document has a cost to set up. */
const GROUP_BYTES = 8 * 1024;
const MAX_DEPTH = 3;
/** Keys a header may have to be split: plain words YAML reads as the same string. */
const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const NOT_STRINGS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

export function parseYamlChunked(input: { text: string; location: string; cache: YamlChunkCache }): { value: unknown } | undefined {
  const lines = scanLines(input.text);
  const previous = input.cache.files.get(input.location) ?? new Map<string, ChunkValue>();
  const next = new Map<string, ChunkValue>();
  const state: State = { text: input.text, lines, chunk: (text) => remembered({ text, previous, next }) };
  const value = parseBlock({ state, from: 0, to: lines.length, indent: 0, depth: 0 });
  // No key at all (only comments, say): the whole-text parse tells an empty document apart.
  if (value === undefined || Object.keys(value).length === 0) return undefined;
  input.cache.files.set(input.location, next);
  return { value };
}

/** The chunk texts parseYamlChunked would parse, in order; undefined when it would not split this text. */
export function splitYamlChunks(text: string): string[] | undefined {
  const texts: string[] = [];
  // The same split parseYamlChunked makes, recording the chunks instead of parsing them.
  const state: State = { text, lines: scanLines(text), chunk: (chunk) => (texts.push(chunk), { entries: [[`\0${texts.length}`, null]] }) };
  return parseBlock({ state, from: 0, to: state.lines.length, indent: 0, depth: 0 }) === undefined ? undefined : texts;
}

interface State {
  text: string;
  lines: Line[];
  /** A chunk's key and value, or undefined when it cannot be parsed on its own. */
  chunk: (text: string) => ChunkValue | undefined;
}

function remembered(options: { text: string; previous: Map<string, ChunkValue>; next: Map<string, ChunkValue> }): ChunkValue | undefined {
  const { text, previous, next } = options;
  const parsed = previous.get(text) ?? next.get(text) ?? parseYamlChunk(text);
  if (parsed) next.set(text, parsed);
  return parsed;
}

function scanLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    const first = text[start + indent];
    const blank = start + indent >= stop || first === "#" || first === "\r";
    lines.push({ start, indent: blank ? -1 : indent });
    start = stop + 1;
  }
  return lines;
}

/** The block mapping in lines [from, to) whose keys sit at `indent`, as an object. */
function parseBlock(input: { state: State; from: number; to: number; indent: number; depth: number }): Record<string, unknown> | undefined {
  const { state, from, to, indent } = input;
  const keyLines: number[] = [];
  for (let index = from; index < to; index++) {
    const line = state.lines[index]!;
    if (line.indent === -1 || line.indent > indent) {
      if (keyLines.length === 0 && line.indent !== -1) return undefined;
      continue;
    }
    if (line.indent < indent || !looksLikeKey(state.text, line.start + indent)) return undefined;
    keyLines.push(index);
  }
  const result: Record<string, unknown> = {};
  const add = (entries: Array<[string, unknown]> | undefined): boolean => {
    if (!entries) return false;
    for (const [key, value] of entries) {
      if (key === "__proto__" || Object.hasOwn(result, key)) return false;
      result[key] = value;
    }
    return true;
  };
  // Entries not split are gathered into runs of about GROUP_BYTES, each one chunk.
  let run: number | undefined;
  const flush = (end: number): boolean => {
    if (run === undefined) return true;
    const text = state.text.slice(offsetOf({ state, line: run }), offsetOf({ state, line: end }));
    run = undefined;
    return add(state.chunk(text)?.entries);
  };
  for (const [position, first] of keyLines.entries()) {
    const last = keyLines[position + 1] ?? to;
    const split = splitEntry({ ...input, from: first, to: last });
    if (split) {
      if (!flush(first) || !add([[split.key, split.value]])) return undefined;
      continue;
    }
    run ??= first;
    if (offsetOf({ state, line: last }) - offsetOf({ state, line: run }) >= GROUP_BYTES && !flush(last)) return undefined;
  }
  return flush(to) ? result : undefined;
}

/** A large entry whose value is a block mapping, parsed entry by entry; undefined for one parsed with its neighbours. */
function splitEntry(input: { state: State; from: number; to: number; indent: number; depth: number }): { key: string; value: unknown } | undefined {
  const { state, from, to } = input;
  const header = splitHeader(input);
  if (!header || offsetOf({ state, line: to }) - offsetOf({ state, line: from }) <= SPLIT_BYTES || input.depth >= MAX_DEPTH) return undefined;
  const value = parseBlock({ state, from: from + 1, to, indent: header.childIndent, depth: input.depth + 1 });
  return value === undefined ? undefined : { key: header.key, value };
}

function offsetOf(options: { state: State; line: number }): number {
  const { state, line } = options;
  return line < state.lines.length ? state.lines[line]!.start : state.text.length;
}

/** `key:` alone on its line with a block mapping below: the key and its children's indent. */
function splitHeader(input: { state: State; from: number; to: number; indent: number }): { key: string; childIndent: number } | undefined {
  const { state, from } = input;
  const line = state.lines[from]!;
  const lineEnd = state.text.indexOf("\n", line.start);
  const content = state.text.slice(line.start + input.indent, lineEnd === -1 ? undefined : lineEnd).replace(/[ \t]+(#.*)?$/, "");
  if (!content.endsWith(":")) return undefined;
  const key = content.slice(0, -1);
  if (!SAFE_KEY.test(key) || NOT_STRINGS.test(key)) return undefined;
  let child: Line | undefined;
  for (let index = from + 1; index < input.to && !child; index++) if (state.lines[index]!.indent !== -1) child = state.lines[index];
  if (!child || child.indent <= input.indent || state.text[child.start + child.indent] === "-") return undefined;
  return { key, childIndent: child.indent };
}

function looksLikeKey(text: string, at: number): boolean {
  return !/[-?:,[\]{}#&*!|>%@`\t]/.test(text[at] ?? "-");
}

/**
 * One chunk on its own: a mapping of plain keys, with no anchors, aliases or errors. An
 * anchor is written `&name` and an alias `*name` after a space, a flow indicator or a
 * line's start; a chunk with no such `&` or `*` has none, and is not walked for them
 * (Polar's descriptions hold many `**bold**` words, which do not match).
 */
export function parseYamlChunk(text: string): ChunkValue | undefined {
  return simpleChunk(text) ?? parseYamlChunkWithLibrary(text);
}

/** A chunk through the line-by-line fast path (yaml-fast.ts); undefined where it declines. */
function simpleChunk(text: string): ChunkValue | undefined {
  const simple = parseSimpleYamlMapping(text);
  return simple && { entries: Object.entries(simple) };
}

function parseYamlChunkWithLibrary(text: string): ChunkValue | undefined {
  const { isAlias, isMap, isScalar, parseDocument, visit } = yamlLibrary();
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents) || document.contents.items.length === 0) return undefined;
  let shared = false;
  if (MAYBE_ANCHOR_OR_ALIAS.test(text)) {
    visit(document, {
      Node(_key, node) {
        if (isAlias(node) || ("anchor" in node && node.anchor)) {
          shared = true;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  if (shared || !document.contents.items.every((item) => isScalar(item.key))) return undefined;
  let object: Record<string, unknown>;
  try {
    // The whole document's alias limit (parse.ts), for a chunk the walk above skipped.
    object = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const entries = Object.entries(object);
  // A key the mapping names twice in another spelling (`1` and `"1"`) would merge here.
  return entries.length === document.contents.items.length ? { entries } : undefined;
}

/** `&x` or `*x` where YAML may put an anchor or alias: not `**` (bold) nor `*`/`&` inside a word. */
const MAYBE_ANCHOR_OR_ALIAS = /(?:^|[\s[{,:?-])[&*](?![\s*])/m;
