// The node:http adapter, also what Express mounts. For a server made by
// `createPolarServer` it skips the Web `Request`/`Response` objects (built only if a
// handler reads `request`); any other `{ fetch }` object is bridged the long way.
// Typed structurally, so the generated folder needs no @types/node.

import { WIRE_HANDLER, type WireHandler } from "./core.js";
import { replies } from "./respond.js";
import type { FetchServer, WireRequest, WireResponse } from "./types.js";

/** What the adapter uses of `http.IncomingMessage`. */
export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  on(event: string, listener: (...args: any[]) => void): unknown;
}

/** What the adapter uses of `http.ServerResponse`. */
export interface NodeResponseLike {
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  end(body?: Uint8Array): unknown;
}

export type NodeListener = (request: NodeRequestLike, response: NodeResponseLike) => void;

const encoder = new TextEncoder();

export function toNodeListener(server: FetchServer): NodeListener {
  const handle = (server as { [WIRE_HANDLER]?: WireHandler })[WIRE_HANDLER];
  return (request, response) => {
    // An aborted upload emits "error"; with no listener that would crash the process.
    request.on("error", () => {});
    const reply = handle ? handle(wireOf(request)) : bridge({ server, request });
    reply.then(
      (wire) => send({ response, wire }),
      () => send({ response, wire: replies.internal() }),
    );
  };
}

function wireOf(request: NodeRequestLike): WireRequest {
  const { headers } = request;
  const contentLength = headers["content-length"];
  return {
    method: request.method ?? "GET",
    target: request.url ?? "/",
    header: (name) => {
      const value = headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    hasBody: headers["transfer-encoding"] !== undefined || (contentLength !== undefined && contentLength !== "0"),
    request: () => webRequest({ request }),
  };
}

function webRequest(options: { request: NodeRequestLike; body?: Uint8Array<ArrayBuffer> }): Request {
  const { request } = options;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const host = typeof request.headers.host === "string" && /^[\w.:[\]-]+$/.test(request.headers.host) ? request.headers.host : "localhost";
  let url: URL;
  try {
    url = new URL(request.url ?? "/", `http://${host}`);
  } catch {
    url = new URL("http://localhost/");
  }
  const method = request.method ?? "GET";
  const body = options.body && options.body.byteLength > 0 && method !== "GET" && method !== "HEAD" ? options.body : null;
  return new Request(url, { method, headers, body });
}

/** Any other `{ fetch }` server: the body read whole, the Web objects built both ways. */
async function bridge(options: { server: FetchServer; request: NodeRequestLike }): Promise<WireResponse> {
  const body = await readBody(options.request);
  const response = await options.server.fetch(webRequest({ request: options.request, body }));
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const text = response.body === null ? undefined : await response.text();
  return { status: response.status, headers, body: text };
}

function readBody(request: NodeRequestLike): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    request.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    request.on("end", () => {
      const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
    request.on("error", reject);
  });
}

function send(options: { response: NodeResponseLike; wire: WireResponse }): void {
  const { response, wire } = options;
  try {
    if (response.headersSent) {
      response.end();
      return;
    }
    const bytes = wire.body === undefined ? undefined : encoder.encode(wire.body);
    const headers: Record<string, string | number> = { ...wire.headers };
    if (bytes !== undefined) headers["content-length"] = bytes.byteLength;
    response.writeHead(wire.status, headers);
    response.end(bytes);
  } catch {
    // A header value Node refuses: the connection is closed rather than left hanging.
    if (!response.headersSent) response.writeHead(500, { "content-length": 0 });
    response.end();
  }
}
