// Load: read the spec (file or URL), parse it with positions, check it is OpenAPI 3.0
// or 3.1, and fold every external `$ref` in. Problems come back as data; nothing throws.

import { resolve } from "node:path";
import type { OpenApiDocument } from "../openapi.js";
import { problem, type SourcePosition } from "../problems.js";
import type { LoadedSpec, LoadResult } from "../stages.js";
import { bundleRefs, type Origin } from "./bundle.js";
import { defaultReaders, isRemote } from "./read.js";
import { loadSource, type Source } from "./source.js";
import { checkDocumentKind } from "./version.js";
import type { ParseChunks, YamlChunkCache } from "./yaml-chunks.js";
import { cliIo } from "../io.js";

export interface LoadOptions {
  /** A file path (relative to `cwd`) or an http(s) URL. */
  source: string;
  cwd?: string;
  allowRemoteRefs?: boolean;
  fetch?: typeof fetch;
  readFile?: (absPath: string) => Promise<string>;
  /** Parsed YAML chunks kept between loads (watch mode). A load without them reads the whole text through the fast path first. */
  chunks?: YamlChunkCache;
  /** Parses a large YAML file's chunks on more than one thread (the build worker). */
  parseChunks?: ParseChunks;
}

export async function loadSpec(options: LoadOptions): Promise<LoadResult> {
  try {
    return await load(options);
  } catch (error) {
    // Every expected failure is already a problem; this guards the promise of "no throw".
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [problem({ code: "load-failed", message: `could not load ${options.source}: ${reason}`, path: "" })] };
  }
}

async function load(options: LoadOptions): Promise<LoadResult> {
  const cwd = resolve(options.cwd ?? cliIo().cwd);
  const location = isRemote(options.source) ? options.source : resolve(cwd, options.source);
  const context = {
    readers: defaultReaders(options),
    cwd,
    allowRemoteRefs: options.allowRemoteRefs ?? false,
    ...(options.chunks ? { chunks: options.chunks } : {}),
    ...(options.parseChunks ? { parseChunks: options.parseChunks } : {}),
  };
  const loaded = await loadSource({ location, context, role: "spec" });
  if (!loaded.source || loaded.text === undefined) return { problems: loaded.problems };
  const root = loaded.source;
  const kind = checkDocumentKind(root);
  if (kind.length > 0) return { problems: kind };
  const bundled = await bundleRefs({ root, text: loaded.text, context });
  const spec: LoadedSpec = {
    source: root.label,
    document: root.parsed.value as OpenApiDocument,
    files: filesRead(bundled.sources),
    locate: locator({ root, origins: bundled.origins }),
  };
  return { spec, problems: bundled.problems };
}

/** The root file first, then the files `$ref`s reached, sorted: stable for watch mode and stamps. */
function filesRead(sources: Source[]): string[] {
  const [root, ...others] = sources.filter((source) => !isRemote(source.location)).map((source) => source.location);
  return root === undefined ? [] : [root, ...others.sort()];
}

/** Pointers into a folded component are answered by the file it came from. */
function locator(options: { root: Source; origins: Origin[] }): (pointer: string) => SourcePosition | undefined {
  const origins = [...options.origins].sort((a, b) => b.prefix.length - a.prefix.length);
  return (pointer) => {
    const origin = origins.find((candidate) => pointer === candidate.prefix || pointer.startsWith(`${candidate.prefix}/`));
    if (!origin) return options.root.parsed.locate(pointer);
    return origin.source.parsed.locate(origin.sourcePointer + pointer.slice(origin.prefix.length));
  };
}
