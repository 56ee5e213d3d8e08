// One source (the spec, or a file a `$ref` names): read, then parsed with positions.

import { relative, sep } from "node:path";
import type { Problem } from "../problems.js";
import { looksLikeJson, parseSource, type ParsedSource } from "./parse.js";
import { isRemote, readSource, type Readers } from "./read.js";
import { prefillYamlChunks, type ParseChunks, type YamlChunkCache } from "./yaml-chunks.js";

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
  const { chunks, parseChunks } = context;
  if (chunks && parseChunks && read.text.length > SHARED_PARSE_BYTES && !looksLikeJson({ text: read.text, location })) {
    await prefillYamlChunks({ text: read.text, location, cache: chunks, parseChunks });
  }
  const { parsed, problems } = parseSource({ text: read.text, label, location, ...(context.chunks ? { chunks: context.chunks } : {}) });
  if (!parsed) return { problems };
  return { source: { location, label, parsed }, text: read.text, problems };
}
