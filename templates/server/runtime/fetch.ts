// The Web-standard entry point: a `Request` in, a `Response` out. Of the request body
// at most the first bytes are read, to refuse a body on an operation that takes none;
// one that takes a body reads it up to the server's limit.

import type { WireHandler } from "./core.js";
import { TOO_LARGE, type WireRequest } from "./types.js";

export async function serveFetch(options: {
  handle: WireHandler;
  request: Request;
}): Promise<Response> {
  const { request } = options;
  const wire: WireRequest = {
    method: request.method,
    target: request.url,
    header: (name) => request.headers.get(name) ?? undefined,
    hasBody: () => hasBody(request),
    readBody: (limit) => readBody({ request, limit }),
    request: () => request,
  };
  const reply = await options.handle(wire);
  const body =
    typeof reply.body === "string" || reply.body === undefined
      ? reply.body
      : new Uint8Array(reply.body);
  return new Response(body ?? null, { status: reply.status, headers: reply.headers });
}

/** The whole body, or `TOO_LARGE` once it passes `limit` bytes (the rest is then left unread). */
async function readBody(options: {
  request: Request;
  limit: number;
}): Promise<Uint8Array | typeof TOO_LARGE> {
  const { request, limit } = options;
  if (request.body === null) return new Uint8Array(0);
  if (Number(request.headers.get("content-length")) > limit) return TOO_LARGE;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) return TOO_LARGE;
      chunks.push(value);
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads at most until the first byte: a DELETE's body is refused, not consumed. */
async function hasBody(request: Request): Promise<boolean> {
  if (request.body === null || request.headers.get("content-length") === "0") return false;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
