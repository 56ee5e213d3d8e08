// Where `serve` keeps the generated fake, compiled to JavaScript: one folder per content
// hash of everything the output depends on (the spec's bytes, the selection, the
// generator's own files). A repeated start finds the folder and imports it, without
// parsing the spec or loading the TypeScript compiler. This module is the warm path:
// it imports nothing heavy.

import { existsSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { cacheRoot, MANIFEST } from "./start-index.js";
import { join } from "node:path";
import type { ResolvedTarget } from "../config.js";
import { GENERATOR_VERSION } from "../version.js";
import { CODE_FINGERPRINT_FILE, codeFingerprint, codeRoot, templateFiles } from "../write/generator-fingerprint.js";

export { BUNDLE_FILE, cacheRoot, MANIFEST } from "./start-index.js";
/** Content hashes of specs by path, size and mtime: a warm start never reads or hashes the spec. */
const SPEC_INDEX = "spec-hashes.json";

export interface Manifest {
  /** Files besides the spec itself that its `$ref`s read, with their hashes. */
  sources: Array<{ path: string; sha256: string }>;
}

type SpecIndex = Record<string, { size: number; mtimeMs: number; sha256: string }>;

export async function sha256(bytes: string | Buffer): Promise<string> {
  // Loaded only when something must be hashed: node:crypto alone is a share of a warm start.
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(bytes).digest("hex");
}

/** The cache folder for a target: named by a hash of its inputs, the spec's content hash among them. */
export async function cacheDirFor(target: ResolvedTarget): Promise<string> {
  const key = JSON.stringify([GENERATOR_VERSION, target.specLabel, target.operations, target.allowRemoteRefs, target.apiName ?? null, await generatorFingerprint(), await specHash(target.spec)]);
  return join(cacheRoot(), fnv1a64(key));
}

async function specHash(path: string): Promise<string> {
  const { size, mtimeMs } = statSync(path);
  const indexFile = join(cacheRoot(), SPEC_INDEX);
  let index: SpecIndex = {};
  try {
    index = JSON.parse(readFileSync(indexFile, "utf8")) as SpecIndex;
  } catch {
    // No index yet, or a torn one: rebuilt below.
  }
  const known = index[path];
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.sha256;
  const digest = await sha256(readFileSync(path));
  index[path] = { size, mtimeMs, sha256: digest };
  mkdirSync(cacheRoot(), { recursive: true });
  const temp = `${indexFile}.${process.pid}`;
  writeFileSync(temp, JSON.stringify(index));
  renameSync(temp, indexFile);
  return digest;
}

/** The folder when it holds a complete build whose `$ref`'d files are unchanged. */
export async function findCached(dir: string): Promise<string | undefined> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
  for (const source of manifest.sources) {
    if (!existsSync(source.path) || (await sha256(readFileSync(source.path))) !== source.sha256) return undefined;
  }
  return dir;
}

/**
 * The generator's code hash and when each template was written: a rebuilt or edited
 * generator gets a fresh cache even when its version number is unchanged.
 */
async function generatorFingerprint(): Promise<string> {
  return [await codeFingerprint(), ...templateFiles().map((file) => `${file}:${statSync(file).mtimeMs}`)].join("\n");
}

/** The files the generator fingerprint is read from: the code's recorded hash (rewritten by every build) and the templates. */
export function generatorFiles(): string[] {
  return [join(codeRoot(), CODE_FINGERPRINT_FILE), ...templateFiles()];
}

/** Every file a cache folder depends on for `start-index.ts`: the config (or where it would be), the spec, its `$ref`'d files, the generator. */
export function startFiles(options: { target: ResolvedTarget; dir: string; configFile: string }): string[] {
  const manifest = JSON.parse(readFileSync(join(options.dir, MANIFEST), "utf8")) as Manifest;
  return [options.configFile, options.target.spec, ...manifest.sources.map((source) => source.path), ...generatorFiles()];
}

/** 64-bit FNV-1a as 16 hex digits: enough to name a folder, and no crypto module to load. */
function fnv1a64(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let index = 0; index < text.length; index++) {
    low ^= text.charCodeAt(index);
    const product = low * 0x1b3;
    high = (high * 0x1b3 + (low << 8) + Math.floor(product / 0x100000000)) >>> 0;
    low = product >>> 0;
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}
