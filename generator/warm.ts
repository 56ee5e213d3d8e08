// What a long-running session (watch mode) keeps between builds. Everything here is a
// pure function of its key, so a warm build produces the same bytes as a cold one; it
// is owned by the session and passed in, never held at module level.

import { createHash } from "node:crypto";
import { thisThread, type EmitterHost } from "./emit/host.js";
import { createYamlChunkCache, type YamlChunkCache } from "./load/yaml-chunks.js";
import type { EmitContext, GeneratedFile } from "./stages.js";

export interface WarmCache {
  /** Parsed YAML chunks per file: a save re-parses only the chunks it changed. */
  chunks: YamlChunkCache;
  /** The last build's files, by a hash of everything emitting reads. */
  emitted?: { key: string; files: GeneratedFile[] };
  /** Each emitter's last output, with the parts of the context it read and their hashes. */
  emitters: Map<string, { reads: string[]; keys: Record<string, string>; files: GeneratedFile[] }>;
  /** Prettier's output by input (`path\0contents`), for the files of the last build. */
  formatted: Map<string, string>;
}

export function createWarmCache(): WarmCache {
  return { chunks: createYamlChunkCache(), emitters: new Map(), formatted: new Map() };
}

export function hashJson(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/** Hashes of the parts of the emit context, by name (`model`, `subset`). */
export function contextKeys(context: EmitContext): Record<string, string> {
  return Object.fromEntries(Object.entries(context).map(([name, value]) => [name, hashJson(value)]));
}

/**
 * This thread, reusing an emitter's last output when every part of the context it read
 * last time is unchanged. What it reads is recorded, not declared: the client, say,
 * reads only the model, so a description edited in the spec does not rebuild it.
 */
export function rememberingHost(input: { warm: WarmCache; keys: Record<string, string> }): EmitterHost {
  const { warm, keys } = input;
  return {
    emit: async ({ entry, context }) => {
      const last = warm.emitters.get(entry.name);
      if (last && last.reads.every((part) => last.keys[part] === keys[part])) return last.files;
      const reads = new Set<string>();
      const tracked = new Proxy(context, {
        get(target, property, receiver) {
          reads.add(String(property));
          return Reflect.get(target, property, receiver);
        },
        ownKeys(target) {
          // Spreading or listing the context may read any of it.
          for (const part of Object.keys(target)) reads.add(part);
          return Reflect.ownKeys(target);
        },
      });
      const files = await thisThread.emit({ entry, context: tracked });
      warm.emitters.set(entry.name, { reads: [...reads].filter((part) => part in keys), keys, files });
      return files;
    },
  };
}
