// One source (the spec, or a file a `$ref` names): read, then parsed with positions.

import { relative, sep } from "node:path";
import { problem, type Problem, type SourcePosition } from "../problems.js";
import { jsonOffsetPastLimit, MAX_DOCUMENT_DEPTH, tooDeepAt } from "./depth.js";
import { positionOfOffset } from "./position.js";
import { mayReferToOtherFiles } from "./ref-sites.js";
import { looksLikeJson, parseSimpleYamlSource, parseSource, type ParsedSource } from "./parse.js";
import { isRemote, readSource, type Readers } from "./read.js";
import { createYamlChunkCache, prefillYamlChunks, type ParseChunks, type YamlChunkCache } from "./yaml-chunks.js";

export interface Source {
  /** Absolute path or URL. */
  location: string;
  /** As shown to the user: relative to the cwd with POSIX separators, or the URL. */
  label: string;
  parsed: ParsedSource;
}

export interface SourceContext {
  readers: Readers;
  cwd: string;
  allowRemoteRefs: boolean;
  /** Watch mode's parsed YAML chunks, kept between loads. */
  chunks?: YamlChunkCache;
  parseChunks?: ParseChunks;
}

/** Below this, parsing on one thread is quicker than handing chunks around. */
const SHARED_PARSE_BYTES = 256 * 1024;

export function labelFor(options: { location: string; cwd: string }): string {
  if (isRemote(options.location)) return options.location;
  return relative(options.cwd, options.location).split(sep).join("/");
}

export async function loadSource(options: {
  location: string;
  context: SourceContext;
  role: "spec" | "ref";
  where?: Pick<Problem, "path" | "position">;
}): Promise<{ source?: Source; text?: string; problems: Problem[] }> {
  const { location, context } = options;
  const label = labelFor({ location, cwd: context.cwd });
  const read = await readSource({ location, label, readers: context.readers, role: options.role, ...options.where });
  if (read.text === undefined) return { problems: read.problem ? [read.problem] : [] };
  const input = { text: read.text, label, location };
  const yaml = !looksLikeJson(input);
  // A one-off load reads the whole text through the fast path; watch mode keeps chunks, so that a save re-parses only what it changed.
  const simple = yaml && !context.chunks ? parseSimpleYamlSource(input) : undefined;
  // The walk that bundling makes recurses per level: a document it will walk is measured first.
  const bundled = options.role === "ref" || mayReferToOtherFiles(read.text);
  if (simple) {
    const deep = bundled ? depthProblem({ parsed: simple, label }) : undefined;
    return deep ? { problems: [deep] } : { source: { location, label, parsed: simple }, text: read.text, problems: [] };
  }
  // Declined: in chunks, which compose faster than one document and can be shared with the worker.
  const chunks = context.chunks ?? createYamlChunkCache();
  if (yaml && context.parseChunks && read.text.length > SHARED_PARSE_BYTES) {
    await prefillYamlChunks({ ...input, cache: chunks, parseChunks: context.parseChunks });
  }
  const { parsed, problems } = parseSource({ ...input, chunks });
  if (!parsed) return { problems };
  // YAML composed by the yaml package may hold aliases, and so itself; JSON never does, and its depth is measured with the validation's walk (validate.ts).
  const deep = bundled || yaml ? depthProblem({ parsed, label, text: yaml ? undefined : read.text }) : undefined;
  if (deep) return { problems: [deep] };
  return { source: { location, label, parsed }, text: read.text, problems };
}

/** A document nested past the limit, or inside itself (a YAML alias of its own node), pointed at. */
export function depthProblem(options: { parsed: ParsedSource; label: string; text?: string | undefined }): Problem | undefined {
  const deep = tooDeepAt(options.parsed.value);
  if (!deep) return undefined;
  const message = deep.cycle
    ? `${options.label} contains itself (a YAML alias inside its own node)`
    : `${options.label} nests objects and arrays deeper than ${MAX_DOCUMENT_DEPTH} levels`;
  const offset = options.text === undefined || deep.cycle ? undefined : jsonOffsetPastLimit(options.text);
  let position: SourcePosition | undefined;
  try {
    position = offset === undefined ? options.parsed.locate(deep.pointer) : positionOfOffset({ text: options.text!, offset, file: options.label });
  } catch {
    // Composing the text for a position can itself run out of stack; the pointer still says where.
    position = undefined;
  }
  return problem({ code: deep.cycle ? "document-cycle" : "document-too-deep", message, path: deep.pointer, ...(position ? { position } : {}) });
}
