// The Web-standard entry point: a `Request` in, a `Response` out. Of the request body
// at most the first bytes are read, to refuse a body on an operation that takes none.

import type { WireHandler } from "./core.js";
import type { WireRequest } from "./types.js";

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
    request: () => request,
  };
  const reply = await options.handle(wire);
  return new Response(reply.body ?? null, { status: reply.status, headers: reply.headers });
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
