// `serve`'s warm start, before any of the generator's own modules load: a start from the
// same folder with the same flags as an earlier one, whose config file, spec, `$ref`'d
// files and generator files all have the size and mtime they had then, goes straight to
// that start's cache folder. Any other start takes the full path (config resolution,
// content hashes), which records it here for the next. Node built-ins only: importing
// the config and cache modules costs a warm start more than everything else it does.

import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliIo } from "../io.js";

/** The compiled server and fake (bundle.ts). */
export const BUNDLE_FILE = "serve-bundle.cjs";
/** Written last into a complete cache folder; lists the other files the output was built from. */
export const MANIFEST = "manifest.json";
const INDEX = "starts.json";
const MAX_STARTS = 64;

/** A file as it was: `[path, size, mtimeMs]`, size -1 for one that did not exist. */
type FileStamp = [string, number, number];
interface Start {
  key: string;
  dir: string;
  files: FileStamp[];
}

/** `POLAR_CODEGEN_CACHE_DIR`, else a folder in the OS temp dir (never inside a project). */
export function cacheRoot(): string {
  return cliIo().env.POLAR_CODEGEN_CACHE_DIR || join(tmpdir(), "polar-codegen-serve");
}

export function startKey(options: { cwd: string; flags: unknown }): string {
  return JSON.stringify([options.cwd, options.flags]);
}

/** The cache folder of an earlier start with this key, when nothing it was built from has changed. */
export function findStart(key: string): string | undefined {
  const start = readStarts().find((each) => each.key === key);
  if (!start || !existsSync(join(start.dir, MANIFEST))) return undefined;
  const unchanged = start.files.every(([path, size, mtimeMs]) => {
    const [, nowSize, nowMtime] = stampOf(path);
    return nowSize === size && nowMtime === mtimeMs;
  });
  return unchanged ? start.dir : undefined;
}

/** `files`: every file the folder depends on, including any whose appearance would change it. */
export function recordStart(options: { key: string; dir: string; files: string[] }): void {
  const start: Start = { key: options.key, dir: options.dir, files: options.files.map(stampOf) };
  const starts = [start, ...readStarts().filter((each) => each.key !== options.key)];
  try {
    mkdirSync(cacheRoot(), { recursive: true });
    const file = join(cacheRoot(), INDEX);
    const temp = `${file}.${process.pid}`;
    writeFileSync(temp, JSON.stringify(starts.slice(0, MAX_STARTS)));
    renameSync(temp, file);
  } catch {
    // Only the next start's shortcut is lost.
  }
}

function readStarts(): Start[] {
  try {
    const starts = JSON.parse(readFileSync(join(cacheRoot(), INDEX), "utf8")) as unknown;
    return Array.isArray(starts) ? (starts as Start[]) : [];
  } catch {
    return [];
  }
}

function stampOf(path: string): FileStamp {
  try {
    const { size, mtimeMs } = statSync(path);
    return [path, size, mtimeMs];
  } catch {
    return [path, -1, -1];
  }
}
