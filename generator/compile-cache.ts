// Most of a cold run is V8 compiling the TypeScript compiler (openapi-typescript and
// ts-morph share one). Node 20 has no built-in compile cache for CommonJS; the
// v8-compile-cache package keeps V8's code cache in the OS temp folder (loading
// TypeScript: 0.45 s → 0.08 s here). DISABLE_V8_COMPILE_CACHE=1 turns it off.
//
// It replaces `Module.prototype._compile` with a CommonJS-only version, which breaks
// Node 20.19+'s `require()` of ES modules (openapi-typescript requires the ESM-only
// `supports-color`): those calls, marked by Node with format "module", go to the original.

import { createRequire } from "node:module";

type Compile = (this: unknown, content: string, filename: string, format?: string) => unknown;

export function enableCompileCache(): void {
  const require = createRequire(import.meta.url);
  const prototype = (require("node:module") as { prototype: { _compile: Compile } }).prototype;
  const original = prototype._compile;
  require("v8-compile-cache");
  const cached = prototype._compile;
  if (cached === original) return;
  prototype._compile = function (content, filename, format) {
    return format === "module" ? original.call(this, content, filename, format) : cached.call(this, content, filename);
  };
}
