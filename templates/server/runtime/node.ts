// The node:http adapter, also what Express mounts. For a server made by
// `createPolarServer` it skips the Web `Request`/`Response` objects (built only if a
// handler reads `request`); any other `{ fetch }` object is bridged the long way.
// Typed structurally, so the generated folder needs no @types/node.

import { DEFAULT_MAX_BODY_BYTES, WIRE_HANDLER, type WireHandler } from "./core.js";
import { headerList, replies } from "./respond.js";
import { TOO_LARGE, type FetchServer, type WireRequest, type WireResponse } from "./types.js";

/** What the adapter uses of `http.IncomingMessage`. */
export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Name, value, name, value... as received; read instead of `headers` when present. */
  rawHeaders?: string[] | undefined;
  on(event: string, listener: (...args: any[]) => void): unknown;
}

/** What the adapter uses of `http.ServerResponse`. */
export interface NodeResponseLike {
  readonly headersSent: boolean;
  writeHead(
    status: number,
    headers: Record<string, string | number> | Array<string | number>,
  ): unknown;
  end(body?: string | Uint8Array): unknown;
}

export type NodeListener = (request: NodeRequestLike, response: NodeResponseLike) => void;

export function toNodeListener(server: FetchServer): NodeListener {
  const handle = (server as { [WIRE_HANDLER]?: WireHandler })[WIRE_HANDLER];
  return (request, response) => {
    let reply: WireResponse | Promise<WireResponse>;
    try {
      reply = handle ? handle(new NodeWire(request)) : bridge({ server, request });
    } catch {
      reply = replies.internal();
    }
    if (reply instanceof Promise) {
      reply.then(
        (wire) => send({ response, wire }),
        () => send({ response, wire: replies.internal() }),
      );
    } else {
      send({ response, wire: reply });
    }
  };
}

/**
 * Headers of which node:http's `headers` keeps only the first. `authorization` is not
 * among them: it is joined like any other, as the Fetch API does, so that a request with
 * two is refused through either entry point.
 */
const SINGLE = /* @__PURE__ */ new Set(["content-length", "content-type", "host"]);

/**
 * A class, not closures per request, reading `rawHeaders` rather than `headers`, which
 * Node builds on first access: under load the adapter's cost is what it allocates.
 */
class NodeWire implements WireRequest {
  readonly method: string;
  readonly target: string;
  readonly hasBody: boolean;
  readonly #request: NodeRequestLike;

  /** Read with the framing headers, in the same pass: every request needs it. */
  readonly #authorization: string | undefined;

  constructor(request: NodeRequestLike) {
    this.#request = request;
    this.method = request.method ?? "GET";
    this.target = request.url ?? "/";
    const raw = request.rawHeaders;
    let length: string | undefined;
    let chunked = false;
    let authorization: string | undefined;
    for (let index = 0; raw && index < raw.length; index += 2) {
      const key = raw[index]!;
      // Only the lengths of the three names are compared before any lower-casing.
      if (key.length === 13 && key.toLowerCase() === "authorization")
        authorization =
          authorization === undefined ? raw[index + 1]! : `${authorization}, ${raw[index + 1]!}`;
      else if (key.length === 14 && key.toLowerCase() === "content-length")
        length ??= raw[index + 1]!;
      else if (key.length === 17 && key.toLowerCase() === "transfer-encoding") chunked = true;
    }
    if (!raw) {
      length = this.header("content-length");
      chunked = this.header("transfer-encoding") !== undefined;
      authorization = this.header("authorization");
    }
    this.#authorization = authorization;
    this.hasBody = chunked || (length !== undefined && length !== "0");
  }

  header(name: string): string | undefined {
    if (name === "authorization" && this.#request.rawHeaders) return this.#authorization;
    const raw = this.#request.rawHeaders;
    if (!raw) {
      const { headers } = this.#request;
      const value = Object.hasOwn(headers, name) ? headers[name] : undefined;
      return Array.isArray(value) ? value.join(", ") : value;
    }
    let found: string | undefined;
    for (let index = 0; index < raw.length; index += 2) {
      const key = raw[index]!;
      if (key.length !== name.length || key.toLowerCase() !== name) continue;
      if (found === undefined) found = raw[index + 1]!;
      else if (!SINGLE.has(name)) found += `, ${raw[index + 1]!}`;
    }
    return found;
  }

  readBody(limit: number): Promise<Uint8Array | typeof TOO_LARGE> {
    if (!this.hasBody) return Promise.resolve(new Uint8Array(0));
    const length = Number(this.header("content-length"));
    if (length > limit) return Promise.resolve(TOO_LARGE);
    return readBody({ request: this.#request, limit });
  }

  request(): Request {
    return webRequest({ request: this.#request });
  }
}

function webRequest(options: {
  request: NodeRequestLike;
  body?: Uint8Array<ArrayBuffer>;
}): Request {
  const { request } = options;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const host =
    typeof request.headers["host"] === "string" && /^[\w.:[\]-]+$/.test(request.headers["host"])
      ? request.headers["host"]
      : "localhost";
  let url: URL;
  try {
    url = new URL(request.url ?? "/", `http://${host}`);
  } catch {
    url = new URL("http://localhost/");
  }
  const method = request.method ?? "GET";
  const body =
    options.body && options.body.byteLength > 0 && method !== "GET" && method !== "HEAD"
      ? options.body
      : null;
  return new Request(url, { method, headers, body });
}

/**
 * Any other `{ fetch }` server: the body read whole, up to the generated server's default
 * limit (413 past it, so a client cannot make the process buffer without bound), the
 * Web objects built both ways.
 */
async function bridge(options: {
  server: FetchServer;
  request: NodeRequestLike;
}): Promise<WireResponse> {
  const body = await readBody({ request: options.request, limit: DEFAULT_MAX_BODY_BYTES });
  if (body === TOO_LARGE) return replies.tooLarge();
  const response = await options.server.fetch(webRequest({ request: options.request, body }));
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const bytes = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers, body: bytes };
}

/** The whole body, or `TOO_LARGE` once it passes `limit` bytes (the rest is then read and dropped). */
function readBody(options: {
  request: NodeRequestLike;
  limit: number;
}): Promise<Uint8Array<ArrayBuffer> | typeof TOO_LARGE> {
  const { request, limit } = options;
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    request.on("data", (chunk: Uint8Array) => {
      if (over) return;
      total += chunk.byteLength;
      if (total > limit) {
        over = true;
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    });
    request.on("end", () => {
      if (over) return;
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
    // A flat header list, so the reply's (often shared) header object is never copied;
    // a response sent many times carries its list, made once.
    response.writeHead(wire.status, wire.headerList ?? headerList(wire));
    const { body } = wire;
    // A string body goes out in the same write as the head; bytes would take a second one.
    response.end(body);
  } catch {
    // A header value Node refuses: the connection is closed rather than left hanging.
    if (!response.headersSent) response.writeHead(500, { "content-length": 0 });
    response.end();
  }
}
