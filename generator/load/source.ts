// One source (the spec, or a file a `$ref` names): read, then parsed with positions.

import { relative, sep } from "node:path";
import type { Problem } from "../problems.js";
import { looksLikeJson, parseSimpleYamlSource, parseSource, type ParsedSource } from "./parse.js";
import { isRemote, readSource, type Readers } from "./read.js";
import { createYamlChunkCache, prefillYamlChunks, type ParseChunks, type YamlChunkCache } from "./yaml-chunks.js";

export interface Source {
  /** Absolute path or URL; for a URL, where it was found after redirects. */
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
  /** Why a redirect to this URL may not be followed (see ref-policy.ts), or undefined when it may. */
  mayRedirect: (url: string) => string | undefined;
  where?: Pick<Problem, "path" | "position">;
}): Promise<{ source?: Source; text?: string; problems: Problem[] }> {
  const { context } = options;
  const label = labelFor({ location: options.location, cwd: context.cwd });
  const read = await readSource({ ...options, label, readers: context.readers, ...options.where });
  if (read.text === undefined) return { problems: read.problem ? [read.problem] : [] };
  const location = read.location ?? options.location;
  const input = { text: read.text, label, location };
  const yaml = !looksLikeJson(input);
  // A one-off load reads the whole text through the fast path; watch mode keeps chunks, so that a save re-parses only what it changed.
  const simple = yaml && !context.chunks ? parseSimpleYamlSource(input) : undefined;
  if (simple) return { source: { location, label, parsed: simple }, text: read.text, problems: [] };
  // Declined: in chunks, which compose faster than one document and can be shared with the worker.
  const chunks = context.chunks ?? createYamlChunkCache();
  if (yaml && context.parseChunks && read.text.length > SHARED_PARSE_BYTES) {
    await prefillYamlChunks({ ...input, cache: chunks, parseChunks: context.parseChunks });
  }
  const { parsed, problems } = parseSource({ ...input, chunks });
  if (!parsed) return { problems };
  return { source: { location, label, parsed }, text: read.text, problems };
}
