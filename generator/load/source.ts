// One source (the spec, or a file a `$ref` names): read, then parsed with positions.

import { relative, sep } from "node:path";
import type { Problem } from "../problems.js";
import { parseSource, type ParsedSource } from "./parse.js";
import { isRemote, readSource, type Readers } from "./read.js";
import type { YamlChunkCache } from "./yaml-chunks.js";

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
}

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
  const { parsed, problems } = parseSource({ ...input, chunks: context.chunks });
  if (!parsed) return { problems };
  return { source: { location, label, parsed }, text: read.text, problems };
}
