// Loose structural types for the parts of an OpenAPI 3.0/3.1 document we read.
// The loader guarantees only that the document is an object; every stage checks
// the shape of what it reads.

import { ownValue } from "./json.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface OpenApiDocument {
  openapi?: string;
  swagger?: string;
  info?: { title?: string; version?: string; [key: string]: unknown };
  servers?: Array<{ url: string; description?: string; [key: string]: unknown }>;
  security?: Array<Record<string, string[]>>;
  paths?: Record<string, Record<string, unknown>>;
  webhooks?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Escape one JSON-pointer token (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((segment) => "/" + escapePointerToken(String(segment))).join("");
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "" || pointer === "#") return [];
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  return body
    .split("/")
    .slice(1)
    .map((token) => unescapePointerToken(decodeURIComponent(token)));
}

/** The pointer, or its nearest parent the document has (a global `security`, path-level parameters). */
export function nearestPointer(options: { document: OpenApiDocument; pointer: string }): string {
  let pointer = options.pointer;
  try {
    while (pointer !== "") {
      const found = parsePointer(pointer).reduce<unknown>((node, token) => ownValue(node, token), options.document);
      if (found !== undefined) return pointer;
      pointer = pointer.slice(0, pointer.lastIndexOf("/"));
    }
  } catch {
    // A path with a stray `%` is no percent-encoding: the pointer as it was.
    return options.pointer;
  }
  return pointer;
}
