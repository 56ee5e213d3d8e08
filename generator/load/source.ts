// One source (the spec, or a file a `$ref` names): read, then parsed with positions.

import { relative, sep } from "node:path";
import type { Problem } from "../problems.js";
import { parseSource, type ParsedSource } from "./parse.js";
import { isRemote, readSource, type Readers } from "./read.js";
import type { YamlChunkCache } from "./yaml-chunks.js";

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
}

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
  const { parsed, problems } = parseSource({ ...input, chunks: context.chunks });
  if (!parsed) return { problems };
  return { source: { location, label, parsed }, text: read.text, problems };
}
