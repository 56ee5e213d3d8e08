// A V8 code cache for the few big CommonJS files a run loads: the TypeScript compiler
// (9 MB of source, shared by openapi-typescript and ts-morph), ts-morph and prettier.
// Node 20 has no built-in compile cache (module.enableCompileCache is Node 22), and
// V8 spends most of a cold start parsing and compiling them.
//
// Unlike v8-compile-cache, which caches only what V8 compiled before a module ran, the
// cache is written when the process exits, so it also holds the functions the run
// compiled lazily (the type printer, prettier's printer), and each file has its own
// cache file, read and dropped when the module loads, not held in memory for the run.
// V8 checks every cache against the source and the V8 version and ignores a stale one.
// Caches live in the OS temp folder; POLAR_CODEGEN_NO_CODE_CACHE=1 turns this off.
//
// The TypeScript compiler is also read differently: Node 20 reads a CommonJS file as
// UTF-8, which for its 9 MB takes ~60 ms more than reading the bytes and, as they are
// all ASCII, taking them as Latin-1 (the same string, decoded in one copy).

import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/** Smaller files compile in well under a millisecond: not worth a cache file. */
const MIN_SOURCE_LENGTH = 200_000;

interface ModuleInstance {
  exports: unknown;
  require(id: string): unknown;
}
type Compile = (this: ModuleInstance, content: string, filename: string, format?: string) => unknown;
type LoadExtension = (module: ModuleInstance & { _compile: Compile }, filename: string) => void;
interface ModuleStatics {
  prototype: { _compile: Compile };
  _extensions: Record<string, LoadExtension>;
  wrap(source: string): string;
  _resolveFilename(request: string, parent: ModuleInstance, isMain: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
}

const flushes: Array<() => void> = [];

/**
 * Writes the caches still to be written, now. Exit does this, but a worker thread that is
 * stopped never sees its exit, so the build worker flushes before it goes.
 */
export function flushCodeCache(): void {
  for (const flush of flushes) flush();
}

export function enableCodeCache(): void {
  if (process.env.POLAR_CODEGEN_NO_CODE_CACHE) return;
  const Module = createRequire(import.meta.url)("node:module") as ModuleStatics;
  const folder = join(tmpdir(), `polar-codegen-code-cache-${process.getuid?.() ?? "user"}`);
  const original = Module.prototype._compile;
  const toWrite: Array<{ script: Script; file: string }> = [];
  Module.prototype._compile = function (content, filename, format) {
    if (format === "module" || content.length < MIN_SOURCE_LENGTH) return original.call(this, content, filename, format);
    const key = `${process.version}\0${process.arch}\0${filename}\0${content.length}`;
    const file = join(folder, createHash("sha256").update(key).digest("hex").slice(0, 32));
    let cachedData = readOrUndefined(file);
    const script = new Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    if (!cachedData || script.cachedDataRejected) toWrite.push({ script, file });
    cachedData = undefined;
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor({ module: this, Module }), this, filename, dirname(filename));
  };
  flushes.push(() => {
    for (const { script, file } of toWrite.splice(0)) writeAtomically({ file, data: script.createCachedData() });
  });
  process.once("exit", flushCodeCache);
  readAsciiAsLatin1({ Module, files: [createRequire(import.meta.url).resolve("typescript")] });
}

/** For the named CommonJS files (no `"type": "module"` scope), an ASCII file is decoded as Latin-1. */
function readAsciiAsLatin1(options: { Module: ModuleStatics; files: string[] }): void {
  const { Module } = options;
  const files = new Set(options.files);
  const original = Module._extensions[".js"]!;
  Module._extensions[".js"] = function (module, filename) {
    if (!files.has(filename)) return original.call(this, module, filename);
    let bytes: Buffer | undefined = readFileSync(filename);
    if (!isAscii(bytes)) return original.call(this, module, filename);
    const source = bytes.toString("latin1");
    bytes = undefined;
    module._compile(source, filename, "commonjs");
  };
}

/** The `require` a module gets: bound to it, so resolution hooks see the right parent. */
function requireFor(options: { module: ModuleInstance; Module: ModuleStatics }) {
  const { module, Module } = options;
  const require = (id: string) => module.require(id);
  require.resolve = (request: string, resolveOptions?: unknown) => Module._resolveFilename(request, module, false, resolveOptions);
  require.cache = Module._cache;
  return require;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A cache is an optimisation: any failure to write one is ignored. */
function writeAtomically(options: { file: string; data: Buffer }): void {
  try {
    mkdirSync(dirname(options.file), { recursive: true });
    const temp = `${options.file}.${process.pid}.tmp`;
    writeFileSync(temp, options.data);
    renameSync(temp, options.file);
  } catch {
    // Read-only temp folder, full disk: the next run compiles from source, as without a cache.
  }
}
