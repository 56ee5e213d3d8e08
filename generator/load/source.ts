// One source (the spec, or a file a `$ref` names): read, then parsed with positions.

import { relative, sep } from "node:path";
import { problem, type Problem, type SourcePosition } from "../problems.js";
import { jsonOffsetPastLimit, MAX_DOCUMENT_DEPTH, tooDeepAt } from "./depth.js";
import { positionOfOffset } from "./position.js";
import { mayReferToOtherFiles } from "./ref-sites.js";
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
  /** How messages name the file, when not by its path relative to the cwd. */
  label?: string;
}): Promise<{ source?: Source; text?: string; problems: Problem[] }> {
  const { context } = options;
  const label = options.label ?? labelFor({ location: options.location, cwd: context.cwd });
  const read = await readSource({ ...options, label, readers: context.readers, ...options.where });
  if (read.text === undefined) return { problems: read.problem ? [read.problem] : [] };
  const location = read.location ?? options.location;
  const input = { text: read.text, label, location };
  const { parsed, problems, route } = parseSource({ ...input, chunks: context.chunks });
  if (!parsed) return { problems };
  // The walk that bundling makes recurses per level: a document it will walk is measured first.
  const bundled = options.role === "ref" || mayReferToOtherFiles(read.text);
  // YAML composed by the yaml package may hold aliases, and so itself; JSON and the fast path never do, and validation's walk measures their depth (validate.ts).
  const deep = bundled || route === "yaml" ? depthProblem({ parsed, label, text: route === "json" ? read.text : undefined }) : undefined;
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
