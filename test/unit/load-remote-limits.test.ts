// Limits on loading from the network, against real servers on 127.0.0.1: one deadline
// for each URL, body included, and one byte cap for a spec and the files its `$ref`s
// fetch together, checked against Content-Length and again as the body streams.
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { httpSites, send, specWith } from "../helpers/http-sites.js";

const { site } = httpSites();
const codesOf = (result: Awaited<ReturnType<typeof loadSpec>>) => result.problems.map((found) => [found.code, found.message]);

const saved = { limit: process.env.POLAR_CODEGEN_MAX_SPEC_BYTES, timeout: process.env.POLAR_CODEGEN_FETCH_TIMEOUT_MS };
afterEach(() => {
  if (saved.limit === undefined) delete process.env.POLAR_CODEGEN_MAX_SPEC_BYTES;
  else process.env.POLAR_CODEGEN_MAX_SPEC_BYTES = saved.limit;
  if (saved.timeout === undefined) delete process.env.POLAR_CODEGEN_FETCH_TIMEOUT_MS;
  else process.env.POLAR_CODEGEN_FETCH_TIMEOUT_MS = saved.timeout;
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
