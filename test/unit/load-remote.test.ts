// Loading from the network against real servers on 127.0.0.1: every redirect hop is
// held to what the user allowed, at most a few of them, and the body is capped while it
// streams, for the spec and every file its `$ref`s fetch. Two servers on two ports are
// two origins, as two hosts would be.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { tempFolders } from "../helpers/temp-folders.js";

const { folderWith } = tempFolders("polar-codegen-remote-");

type Route = (response: ServerResponse, request: IncomingMessage) => void;
interface Site {
  url: string;
  /** Paths requested, in order. */
  requested: string[];
}

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(
    servers.map((server) => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    }),
  );
});

async function site(routes: Record<string, Route>): Promise<Site> {
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
}

const send = (text: string): Route => (response) => response.writeHead(200, { "content-type": "application/yaml" }).end(text);
const redirect = (location: string, status = 302): Route => (response) => response.writeHead(status, { location }).end("moved");

/** A spec whose one operation answers 200 with `schema` (a YAML flow mapping). */
function specWith(schema: string): string {
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
const schemaOf = (spec: Awaited<ReturnType<typeof loadSpec>>["spec"]) =>
  (spec?.document.paths?.["/c"]?.get as any)?.responses["200"].content["application/json"].schema;
const codesOf = (result: Awaited<ReturnType<typeof loadSpec>>) => result.problems.map((found) => [found.code, found.message]);

const saved = { limit: process.env.POLAR_CODEGEN_MAX_SPEC_BYTES, timeout: process.env.POLAR_CODEGEN_FETCH_TIMEOUT_MS };
afterEach(() => {
  if (saved.limit === undefined) delete process.env.POLAR_CODEGEN_MAX_SPEC_BYTES;
  else process.env.POLAR_CODEGEN_MAX_SPEC_BYTES = saved.limit;
  if (saved.timeout === undefined) delete process.env.POLAR_CODEGEN_FETCH_TIMEOUT_MS;
  else process.env.POLAR_CODEGEN_FETCH_TIMEOUT_MS = saved.timeout;
});

describe("a spec given as a URL that redirects", () => {
  it("follows a redirect within its origin, and resolves its relative $refs against where it was found", async () => {
    const api = await site({
      "/latest": redirect("/v3/spec.yaml", 301),
      "/v3/spec.yaml": send(specWith("{ $ref: 'schemas.yaml#/X' }")),
      "/v3/schemas.yaml": send("X: { type: boolean }\n"),
    });
    const result = await loadSpec({ source: `${api.url}/latest` });
    expect([result.problems, schemaOf(result.spec), result.spec?.source]).toStrictEqual([
      [],
      { $ref: "#/components/schemas/X" },
      `${api.url}/latest`,
    ]);
    expect(api.requested).toStrictEqual(["/latest", "/v3/spec.yaml", "/v3/schemas.yaml"]);
  });

  it("refuses a redirect to another origin without --allow-remote-refs, and never asks it", async () => {
    const elsewhere = await site({ "/spec.yaml": send(specWith("{ type: string }")) });
    const api = await site({ "/spec.yaml": redirect(`${elsewhere.url}/spec.yaml`) });
    const result = await loadSpec({ source: `${api.url}/spec.yaml` });
    expect(codesOf(result)).toStrictEqual([
      [
        "spec-redirect-refused",
        `could not fetch ${api.url}/spec.yaml: redirected to ${elsewhere.url}/spec.yaml: another origin than the spec's URL; give that URL as --spec, or allow it with --allow-remote-refs`,
      ],
    ]);
    expect(elsewhere.requested).toStrictEqual([]);
  });

  it("follows a redirect to another origin with --allow-remote-refs", async () => {
    const elsewhere = await site({ "/spec.yaml": send(specWith("{ type: string }")) });
    const api = await site({ "/spec.yaml": redirect(`${elsewhere.url}/spec.yaml`, 307) });
    const result = await loadSpec({ source: `${api.url}/spec.yaml`, allowRemoteRefs: true });
    expect([result.problems, schemaOf(result.spec)]).toStrictEqual([[], { type: "string" }]);
  });

  it("follows five redirects and refuses a sixth", async () => {
    const hops = (count: number): Record<string, Route> =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`/${count}-${index}`, redirect(`/${count}-${index + 1}`)]));
    const api = await site({ ...hops(5), "/5-5": send(specWith("{ type: string }")), ...hops(6), "/6-6": send(specWith("{ type: string }")) });
    expect((await loadSpec({ source: `${api.url}/5-0` })).problems).toStrictEqual([]);
    expect(codesOf(await loadSpec({ source: `${api.url}/6-0` }))).toStrictEqual([
      ["spec-too-many-redirects", `could not fetch ${api.url}/6-0: more than 5 redirects`],
    ]);
    expect(api.requested.filter((path) => path.startsWith("/6-"))).toStrictEqual(["/6-0", "/6-1", "/6-2", "/6-3", "/6-4", "/6-5"]);
  });

  it("refuses a redirect to a file: URL or another scheme, even with --allow-remote-refs", async () => {
    const api = await site({ "/file": redirect("file:///etc/passwd"), "/data": redirect("data:text/plain,openapi") });
    for (const path of ["/file", "/data"]) {
      const [found] = (await loadSpec({ source: `${api.url}${path}`, allowRemoteRefs: true })).problems;
      expect([found?.code, found?.message.endsWith(": only http(s) URLs are fetched")]).toStrictEqual(["spec-redirect-refused", true]);
    }
  });
});

describe("a remote spec's $ref that redirects", () => {
  it("is refused when redirected to another host without --allow-remote-refs: nothing fetched there", async () => {
    const evil = await site({ "/x.yaml": send("X: { type: string, description: injected }\n") });
    const api = await site({ "/spec.yaml": send(specWith("{ $ref: 'schemas.yaml#/X' }")), "/schemas.yaml": redirect(`${evil.url}/x.yaml`) });
    const result = await loadSpec({ source: `${api.url}/spec.yaml` });
    expect(codesOf(result)).toStrictEqual([
      [
        "ref-redirect-refused",
        `could not fetch ${api.url}/schemas.yaml: redirected to ${evil.url}/x.yaml: outside the spec's folder; allow remote refs (--allow-remote-refs) to follow it`,
      ],
    ]);
    expect(result.problems[0]?.position).toStrictEqual({ file: `${api.url}/spec.yaml`, line: 11, col: 43 });
    expect(evil.requested).toStrictEqual([]);
  });

  it("is refused when redirected out of the spec's folder on the same host", async () => {
    const api = await site({
      "/specs/spec.yaml": send(specWith("{ $ref: 'schemas.yaml#/X' }")),
      "/specs/schemas.yaml": redirect("/private/x.yaml"),
      "/private/x.yaml": send("X: {}\n"),
    });
    expect((await loadSpec({ source: `${api.url}/specs/spec.yaml` })).problems.map((found) => found.code)).toStrictEqual(["ref-redirect-refused"]);
    expect(api.requested).toStrictEqual(["/specs/spec.yaml", "/specs/schemas.yaml"]);
  });

  it("is followed to another host with --allow-remote-refs", async () => {
    const other = await site({ "/x.yaml": send("X: { type: integer }\n") });
    const api = await site({ "/spec.yaml": send(specWith("{ $ref: 'schemas.yaml#/X' }")), "/schemas.yaml": redirect(`${other.url}/x.yaml`) });
    const result = await loadSpec({ source: `${api.url}/spec.yaml`, allowRemoteRefs: true });
    expect([result.problems, result.spec?.document.components]).toStrictEqual([[], { schemas: { X: { type: "integer" } } }]);
  });
});

describe("what a local spec may fetch", () => {
  it("nothing for a remote $ref without --allow-remote-refs", async () => {
    const api = await site({ "/x.yaml": send("X: {}\n") });
    const cwd = await folderWith({ "spec.yaml": specWith(`{ $ref: '${api.url}/x.yaml#/X' }`) });
    expect((await loadSpec({ source: "spec.yaml", cwd })).problems.map((found) => found.code)).toStrictEqual(["ref-remote-refused"]);
    expect(api.requested).toStrictEqual([]);
  });

  it("nothing for a file: or other-scheme $ref, nor a protocol-relative one", async () => {
    const api = await site({ "/x.yaml": send("X: {}\n") });
    const host = api.url.slice("http:".length);
    const cwd = await folderWith({ "a.yaml": specWith("{ $ref: 'file:///etc/passwd#/X' }"), "b.yaml": specWith(`{ $ref: '${host}/x.yaml#/X' }`) });
    const codes = async (source: string) => (await loadSpec({ source, cwd, allowRemoteRefs: true })).problems.map((found) => found.code);
    expect([await codes("a.yaml"), await codes("b.yaml")]).toStrictEqual([["ref-unsupported"], ["ref-escapes-folder"]]);
    expect(api.requested).toStrictEqual([]);
  });
});

describe("the deadline", () => {
  it("covers the body: an answer that trickles forever is cut off", async () => {
    process.env.POLAR_CODEGEN_FETCH_TIMEOUT_MS = "300";
    const api = await site({
      "/spec.yaml": (response) => {
        response.writeHead(200);
        const timer = setInterval(() => response.write("#\n"), 50);
        response.on("close", () => clearInterval(timer));
      },
    });
    const started = Date.now();
    expect(codesOf(await loadSpec({ source: `${api.url}/spec.yaml` }))).toStrictEqual([
      ["spec-fetch-failed", `could not fetch ${api.url}/spec.yaml: no complete answer within 0.3 s (set POLAR_CODEGEN_FETCH_TIMEOUT_MS to wait longer)`],
    ]);
    expect(Date.now() - started < 2_000).toBe(true);
  });
});

describe("the size cap", () => {
  it("refuses an answer whose Content-Length passes it, before reading the body", async () => {
    process.env.POLAR_CODEGEN_MAX_SPEC_BYTES = "1000";
    let bodySent = false;
    const api = await site({
      "/spec.yaml": (response) => {
        response.writeHead(200, { "content-length": "5000" });
        response.write(" ".repeat(100));
        // The rest would follow later; the loader must not wait for it.
        setTimeout(() => {
          bodySent = !response.destroyed;
          response.destroy();
        }, 2_000).unref();
      },
    });
    const started = Date.now();
    expect(codesOf(await loadSpec({ source: `${api.url}/spec.yaml` }))).toStrictEqual([
      [
        "spec-too-large",
        `could not fetch ${api.url}/spec.yaml: more than 1000 bytes, the limit for a spec and the files its $refs fetch, together (set POLAR_CODEGEN_MAX_SPEC_BYTES to change it)`,
      ],
    ]);
    expect([Date.now() - started < 1_500, bodySent]).toStrictEqual([true, false]);
  });

  it("counts an answer without Content-Length as it streams, and stops reading at the cap", async () => {
    process.env.POLAR_CODEGEN_MAX_SPEC_BYTES = String(64 * 1024);
    let written = 0;
    let closedEarly = false;
    const api = await site({
      // An endless answer: 16 KiB chunks until the client goes away.
      "/spec.yaml": (response) => {
        response.writeHead(200);
        response.on("close", () => (closedEarly = true));
        const more = (): void => {
          while (!response.destroyed && written < 64 * 1024 * 1024) {
            written += 16 * 1024;
            if (!response.write("a".repeat(16 * 1024))) return void response.once("drain", more);
          }
        };
        more();
      },
    });
    expect((await loadSpec({ source: `${api.url}/spec.yaml` })).problems.map((found) => found.code)).toStrictEqual(["spec-too-large"]);
    await new Promise((done) => setTimeout(done, 50));
    // Socket buffers hold some beyond the cap; nowhere near the 64 MiB the server would send.
    expect([closedEarly, written < 8 * 1024 * 1024]).toStrictEqual([true, true]);
  });

  it("counts the bytes after decompression: a small gzip answer that unpacks past the cap is refused", async () => {
    process.env.POLAR_CODEGEN_MAX_SPEC_BYTES = String(1024 * 1024);
    const packed = gzipSync(Buffer.alloc(16 * 1024 * 1024, " "));
    const api = await site({ "/spec.yaml": (response) => response.writeHead(200, { "content-encoding": "gzip", "content-length": String(packed.length) }).end(packed) });
    expect(packed.length < 1024 * 1024).toBe(true);
    expect((await loadSpec({ source: `${api.url}/spec.yaml` })).problems.map((found) => found.code)).toStrictEqual(["spec-too-large"]);
  });

  it("holds for the spec and its $refs together", async () => {
    const spec = specWith("{ $ref: 'schemas.yaml#/X' }");
    const schemas = `X: { type: string, description: ${"d".repeat(400)} }\n`;
    const api = await site({ "/spec.yaml": send(spec), "/schemas.yaml": send(schemas) });
    process.env.POLAR_CODEGEN_MAX_SPEC_BYTES = String(spec.length + schemas.length);
    expect((await loadSpec({ source: `${api.url}/spec.yaml` })).problems).toStrictEqual([]);
    process.env.POLAR_CODEGEN_MAX_SPEC_BYTES = String(spec.length + schemas.length - 1);
    expect((await loadSpec({ source: `${api.url}/spec.yaml` })).problems.map((found) => found.code)).toStrictEqual(["ref-too-large"]);
  });

  it("says so when POLAR_CODEGEN_MAX_SPEC_BYTES is not a number of bytes", async () => {
    const api = await site({ "/spec.yaml": send(specWith("{ type: string }")) });
    process.env.POLAR_CODEGEN_MAX_SPEC_BYTES = "50MB";
    expect(codesOf(await loadSpec({ source: `${api.url}/spec.yaml` }))).toStrictEqual([
      ["spec-fetch-failed", `could not fetch ${api.url}/spec.yaml: POLAR_CODEGEN_MAX_SPEC_BYTES must be a whole number of bytes above 0, not "50MB"`],
    ]);
    expect(api.requested).toStrictEqual([]);
  });
});
