// Parse one source text into a plain value plus a way back to positions in it.
// JSON takes `JSON.parse` and composes with `yaml` only when asked for a position; so
// does YAML that the line-by-line fast path reads (parseSimpleYamlSource). Other YAML is
// composed once, whole, because the composer, not the CST parser, is where nearly every
// YAML error is found. Watch mode reads YAML in chunks it keeps between saves instead.

import { cloneJson } from "../json.js";
import type { Document, LineCounter } from "yaml";
import { problem, type Problem, type SourcePosition } from "../problems.js";
import { locateInDocument, positionOfOffset } from "./position.js";
import { mayReferToOtherFiles } from "./ref-sites.js";
import { parseYamlChunked, type YamlChunkCache } from "./yaml-chunks.js";
import { parseSimpleYamlMapping } from "./yaml-fast.js";
import { yamlErrorsProblem } from "./yaml-errors.js";
import { yamlLibrary } from "./yaml-library.js";

export interface ParsedSource {
  value: unknown;
  locate(pointer: string): SourcePosition | undefined;
}

export interface ParseInput {
  text: string;
  /** The file as shown in messages. */
  label: string;
  /** Absolute path or URL, to tell JSON from YAML by extension. */
  location: string;
  /** Watch mode's parsed YAML chunks: a save re-parses only what it changed. */
  chunks?: YamlChunkCache;
}

/** Aliases a document may expand before we call it a "billion laughs" attack. */
const MAX_ALIAS_COUNT = 100;

/** How a text was read: only the yaml package (whole, or in watch mode's chunks) expands aliases. */
export type ParseRoute = "json" | "fast-path" | "yaml";

export function parseSource(input: ParseInput): { parsed?: ParsedSource; problems: Problem[]; route?: ParseRoute } {
  if (input.text.trim() === "") {
    return { problems: [emptyProblem(input.label)] };
  }
  if (looksLikeJson(input)) return { ...parseJson(input), route: "json" };
  if (input.chunks) return { ...(parseChunked({ ...input, chunks: input.chunks }) ?? parseYaml(input)), route: "yaml" };
  const simple = parseSimpleYamlSource(input);
  return simple ? { parsed: simple, problems: [], route: "fast-path" } : { ...parseYaml(input), route: "yaml" };
}

/** From the chunk cache; positions are composed only if a problem needs one. */
function parseChunked(input: ParseInput & { chunks: YamlChunkCache }): { parsed: ParsedSource; problems: Problem[] } | undefined {
  const chunked = parseYamlChunked({ text: input.text, location: input.location, cache: input.chunks });
  if (!chunked) return undefined;
  // Bundling writes folded `$ref`s into the document; cached chunks must stay as parsed.
  const value = mayReferToOtherFiles(input.text) ? cloneJson(chunked.value) : chunked.value;
  const locate = locatorComposedOnDemand(input);
  return { parsed: { value, locate }, problems: [] };
}

/**
 * The whole text through the line-by-line fast path (yaml-fast.ts), which reads the YAML
 * dumpers write, every real Polar spec among it, ten to twenty times faster than yaml;
 * undefined for a text it declines. Positions are composed only if a problem needs one.
 */
function parseSimpleYamlSource(input: Pick<ParseInput, "text" | "label">): ParsedSource | undefined {
  const value = parseSimpleYamlMapping(input.text);
  if (!value) return undefined;
  const locate = locatorComposedOnDemand(input);
  return { value, locate };
}

/** Positions from the text composed with yaml at most once, on the first `locate`: only a problem needs one. */
function locatorComposedOnDemand(input: Pick<ParseInput, "text" | "label">): ParsedSource["locate"] {
  let composed: { document: Document; lineCounter: LineCounter } | undefined;
  return (pointer) => {
    composed ??= compose(input.text);
    return locateInDocument({ ...composed, pointer, file: input.label });
  };
}

function emptyProblem(label: string): Problem {
  return problem({ code: "spec-empty", message: `spec file is empty: ${label}`, path: "" });
}

export function looksLikeJson(input: Pick<ParseInput, "text" | "location">): boolean {
  return /\.json$/i.test(input.location.replace(/[?#].*$/, "")) || input.text.trimStart().startsWith("{");
}

function parseJson(input: ParseInput): { parsed?: ParsedSource; problems: Problem[] } {
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch (error) {
    return { problems: [jsonSyntaxProblem({ input, error })] };
  }
  const locate = locatorComposedOnDemand(input);
  return { parsed: { value, locate }, problems: [] };
}

function jsonSyntaxProblem(options: { input: ParseInput; error: unknown }): Problem {
  const { input } = options;
  const reason = options.error instanceof Error ? options.error.message : String(options.error);
  const message = `malformed JSON in ${input.label}: ${reason.replace(/\s*in JSON at position \d+.*$/s, "")}`;
  return problem({ code: "json-syntax", message, path: "", position: jsonErrorPosition({ input, reason }) });
}

/** V8 names the offset for most JSON errors; otherwise ask the YAML composer where it trips. */
function jsonErrorPosition(options: { input: ParseInput; reason: string }): SourcePosition {
  const { text, label } = options.input;
  const v8Offset = /at position (\d+)/.exec(options.reason)?.[1];
  const yamlOffset = compose(text).document.errors[0]?.pos[0];
  const offset = v8Offset !== undefined ? Number(v8Offset) : (yamlOffset ?? text.length);
  return positionOfOffset({ text, offset, file: label });
}

function compose(text: string): { document: Document; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { document, lineCounter };
}

function parseYaml(input: ParseInput): { parsed?: ParsedSource; problems: Problem[] } {
  const { document, lineCounter } = compose(input.text);
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: input.label, line, col };
  };
  if (document.errors.length > 0) return { problems: [yamlErrorsProblem({ errors: document.errors, text: input.text, at })] };
  if (document.contents === null) return { problems: [emptyProblem(input.label)] };
  const value = toValue({ document, label: input.label, at });
  if ("problem" in value) return { problems: [value.problem] };
  const locate = (pointer: string) => locateInDocument({ document, lineCounter, pointer, file: input.label });
  return { parsed: { value: value.value, locate }, problems: [] };
}

/** `toJS` is where aliases expand, so this is where an alias bomb is caught, early. */
function toValue(options: {
  document: Document;
  label: string;
  at: (offset: number) => SourcePosition;
}): { value: unknown } | { problem: Problem } {
  try {
    return { value: options.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const bomb = /alias/i.test(reason);
    return {
      problem: problem({
        code: bomb ? "yaml-alias-bomb" : "yaml-syntax",
        message: bomb
          ? `YAML aliases in ${options.label} expand beyond ${MAX_ALIAS_COUNT} references (a "billion laughs" document?)`
          : `malformed YAML in ${options.label}: ${reason}`,
        path: "",
        ...firstAliasPosition(options),
      }),
    };
  }
}

function firstAliasPosition(options: { document: Document; at: (offset: number) => SourcePosition }): {
  position?: SourcePosition;
} {
  let offset: number | undefined;
  const { visit } = yamlLibrary();
  visit(options.document, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? {} : { position: options.at(offset) };
}
