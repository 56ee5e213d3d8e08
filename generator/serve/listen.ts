// Runs the compiled fake from a cache folder on 127.0.0.1: one log line per request,
// `listening on ...` once connections are accepted, a clean stop on SIGINT/SIGTERM.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createRequire } from "node:module";
import { join } from "node:path";
import { BUNDLE_FILE } from "./start-index.js";

type ServerModuleListener = (request: IncomingMessage, response: ServerResponse) => void;

interface ServerModule {
  toNodeListener(server: object): ServerModuleListener;
}

type CreateFake = (options: { seed?: unknown; webhooks?: ServeWebhooks | undefined }) => {
  accessToken?: string | undefined;
  state(): { access_tokens?: Array<{ token: string; scopes: string[] }> };
};

/** Which operations the fake models, which answer their spec's example, which answer 501. */
export interface FakeCoverage {
  modelled: string[];
  examples: string[];
  notModelled: string[];
}

/** The one export named like `create{N}Server` / `createFake{N}`: the API's name N varies by spec. */
function exported<T>(options: { module: object; pattern: RegExp }): T {
  const name = Object.keys(options.module).find((key) => options.pattern.test(key));
  if (name === undefined) throw new Error(`the generated module has no export matching ${options.pattern}`);
  return (options.module as Record<string, T>)[name]!;
}

/** Where the fake sends its webhooks, and the log line per delivery attempt. */
export interface ServeWebhooks {
  url: string;
  secret?: string | undefined;
  log?: ((line: string) => void) | undefined;
}

/** Per socket, how many responses are under way (pipelined requests queue on one): a refused request must not write into one. */
type Answering = WeakMap<object, number>;

function logged(options: { listener: ServerModuleListener; log: (line: string) => void; answering: Answering }): ServerModuleListener {
  return (request, response) => {
    const started = performance.now();
    const { socket } = request;
    options.answering.set(socket, (options.answering.get(socket) ?? 0) + 1);
    response.on("close", () => options.answering.set(socket, (options.answering.get(socket) ?? 1) - 1));
    response.on("finish", () => {
      options.log(`${request.method} ${request.url} ${response.statusCode} ${(performance.now() - started).toFixed(1)} ms`);
    });
    options.listener(request, response);
  };
}

/** What node:http answers a request its parser rejects, when nothing overrides it. */
const REJECTED: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large"],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, "Payload Too Large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout"],
};

/** A request Node's parser refused never reaches the listener: answered as Node would, and logged. */
function logRejected(options: { log: (line: string) => void; answering: Answering }) {
  return (error: Error & { code?: string; reason?: string; rawPacket?: Buffer }, socket: Duplex) => {
    // A client that went away sent no request; there is nothing to answer or log.
    if (error.code === "ECONNRESET") return socket.destroy();
    const [status, reason] = REJECTED[error.code ?? ""] ?? [400, "Bad Request"];
    // Node's own default: never write into a response already under way.
    if (socket.writable && !options.answering.get(socket)) socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
    const line = /^([A-Z]+) ([\x21-\x7e]+) HTTP\/\d\.\d\r?\n/.exec(error.rawPacket?.toString("latin1") ?? "");
    const target = line ? `${line[1]} ${line[2]!.length > 200 ? `${line[2]!.slice(0, 200)}…` : line[2]}` : "- -";
    options.log(`${target} ${status} rejected by node:http (${error.code ?? "parse error"}: ${error.reason ?? error.message})`);
  };
}

export interface Running {
  url: string;
  /** The fake's default access token and its scopes, when the seed named none. */
  accessToken: { token: string; scopes: string[] } | undefined;
  /** How the fake answers each operation. */
  coverage: FakeCoverage;
  /** Resolves once the server has stopped (after a signal or `stop`). */
  stopped: Promise<void>;
  stop(): void;
}

export async function serveFake(options: {
  dir: string;
  port: number;
  seed: unknown;
  log: (line: string) => void;
  logRequests: boolean;
  webhooks?: ServeWebhooks | undefined;
}): Promise<Running> {
  const { server, fake } = createRequire(import.meta.url)(join(options.dir, BUNDLE_FILE)) as { server: ServerModule; fake: { fakeCoverage?: FakeCoverage } };
  const createFake = exported<CreateFake>({ module: fake, pattern: /^createFake[A-Z]\w*$/ });
  const createServer_ = exported<(options: object) => object>({ module: server, pattern: /^create[A-Z]\w*Server$/ });
  const created = createFake({ seed: options.seed, ...(options.webhooks ? { webhooks: options.webhooks } : {}) });
  const accessToken = created.accessToken === undefined ? undefined : created.state().access_tokens?.find((each) => each.token === created.accessToken);
  const polar = createServer_({
    ...created,
    onError: (event: { kind: string; operationId: string; error?: unknown; message?: string }) =>
      options.log(`error: ${event.operationId}: ${event.kind}${event.message ? `: ${event.message}` : ""}${event.error ? `: ${String(event.error)}` : ""}`),
  });
  const listener = server.toNodeListener(polar);
  const answering: Answering = new WeakMap();
  const http = createServer(options.logRequests ? logged({ listener, log: options.log, answering }) : listener);
  if (options.logRequests) http.on("clientError", logRejected({ log: options.log, answering }));
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, "127.0.0.1", () => resolve());
  });
  const stopped = new Promise<void>((resolve) => http.once("close", () => resolve()));
  const stop = () => {
    http.close();
    http.closeAllConnections();
  };
  const coverage = fake.fakeCoverage ?? { modelled: [], examples: [], notModelled: [] };
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, accessToken, coverage, stopped, stop };
}
