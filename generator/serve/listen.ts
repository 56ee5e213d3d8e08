// Runs the compiled fake from a cache folder on 127.0.0.1: one log line per request,
// `listening on ...` once connections are accepted, a clean stop on SIGINT/SIGTERM.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { BUNDLE_FILE } from "./bundle.js";

type ServerModuleListener = (request: IncomingMessage, response: ServerResponse) => void;

interface ServerModule {
  createPolarServer(options: object): object;
  toNodeListener(server: object): ServerModuleListener;
}

interface FakeModule {
  createFakePolar(options: { seed?: unknown }): object;
}

function logged(options: { listener: ServerModuleListener; log: (line: string) => void }): ServerModuleListener {
  return (request, response) => {
    const started = performance.now();
    response.on("finish", () => {
      options.log(`${request.method} ${request.url} ${response.statusCode} ${(performance.now() - started).toFixed(1)} ms`);
    });
    options.listener(request, response);
  };
}

export interface Running {
  url: string;
  /** Resolves once the server has stopped (after a signal or `stop`). */
  stopped: Promise<void>;
  stop(): void;
}

export async function serveFake(options: { dir: string; port: number; seed: unknown; log: (line: string) => void; logRequests: boolean }): Promise<Running> {
  const { server, fake } = createRequire(import.meta.url)(join(options.dir, BUNDLE_FILE)) as { server: ServerModule; fake: FakeModule };
  const polar = server.createPolarServer({
    ...fake.createFakePolar({ seed: options.seed }),
    onError: (event: { kind: string; operationId: string; error?: unknown; message?: string }) =>
      options.log(`error: ${event.operationId}: ${event.kind}${event.message ? `: ${event.message}` : ""}${event.error ? `: ${String(event.error)}` : ""}`),
  });
  const listener = server.toNodeListener(polar);
  const http = createServer(options.logRequests ? logged({ listener, log: options.log }) : listener);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, "127.0.0.1", () => resolve());
  });
  const stopped = new Promise<void>((resolve) => http.once("close", () => resolve()));
  const stop = () => {
    http.close();
    http.closeAllConnections();
  };
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, stopped, stop };
}
