// Small HTTP sites on 127.0.0.1 (port 0) for tests that load specs over the network:
// routes by exact path, every request recorded, all closed when the test file ends
// (call `httpSites()` at a test file's top level: it registers an afterAll hook there).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

export type Route = (response: ServerResponse, request: IncomingMessage) => void;
export interface Site {
  url: string;
  /** Paths requested, in order. */
  requested: string[];
}

export function httpSites(): { site(routes: Record<string, Route>): Promise<Site> } {
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(
      servers.map((server) => {
        server.closeAllConnections();
        return new Promise((done) => server.close(done));
      }),
    );
  });
  return {
    async site(routes) {
      const requested: string[] = [];
      const server = createServer((request, response) => {
        requested.push(request.url ?? "");
        const route = routes[request.url ?? ""];
        if (route) route(response, request);
        else response.writeHead(404).end();
      });
      servers.push(server);
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requested };
    },
  };
}

export const send = (text: string): Route => (response) => response.writeHead(200, { "content-type": "application/yaml" }).end(text);
export const redirect = (location: string, status = 302): Route => (response) => response.writeHead(status, { location }).end("moved");

/** A spec whose one operation answers 200 with `schema` (a YAML flow mapping). */
export function specWith(schema: string): string {
  return [
    "openapi: 3.1.0",
    "info: { title: t, version: '1' }",
    "paths:",
    "  /c:",
    "    get:",
    "      operationId: c:get",
    "      responses:",
    "        '200':",
    "          description: ok",
    "          content:",
    `            application/json: { schema: ${schema} }`,
    "",
  ].join("\n");
}
