// The Express and Hono examples of docs/server.md, run as written: each serves the
// fake on 127.0.0.1 next to an app route of its own.

import { serve as serveHono } from "@hono/node-server";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createFakePolar, DEFAULT_ACCESS_TOKEN } from "../../generated/polar/fake.js";
import { CUSTOMER, seed } from "../fixtures/server/polar.js";
import * as expressExample from "./examples/express.js";
import * as honoExample from "./examples/hono.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function listening(start: (done: () => void) => Server): Promise<string> {
  await new Promise<void>((resolve) => (server = start(resolve)));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** What every mounting must keep: the app's own route, and Polar's rules for Polar's paths. */
async function expectPolarMounted(base: string, prefix = "") {
  expect(await (await fetch(`${base}/health`)).text()).toBe("ok");
  const auth = { authorization: `Bearer ${DEFAULT_ACCESS_TOKEN.token}` };
  const deleted = await fetch(`${base}${prefix}/v1/customers/${CUSTOMER}?anonymize=true`, { method: "DELETE", headers: auth });
  expect(deleted.status).toBe(204);
  const again = await fetch(`${base}${prefix}/v1/customers/${CUSTOMER}`, { method: "DELETE", headers: auth });
  expect([again.status, await again.json()]).toStrictEqual([404, { error: "ResourceNotFound", detail: "Not found" }]);
  const invalid = await fetch(`${base}${prefix}/v1/customers/abc`, { method: "DELETE", headers: auth });
  expect([invalid.status, (await invalid.json()).detail[0].type]).toStrictEqual([422, "uuid_parsing"]);
  const wrongMethod = await fetch(`${base}${prefix}/v1/customers/${CUSTOMER}`, { method: "GET", headers: auth });
  expect([wrongMethod.status, wrongMethod.headers.get("allow")]).toStrictEqual([405, "DELETE"]);
  const anonymous = await fetch(`${base}${prefix}/v1/customers/external/user-43`, { method: "DELETE" });
  expect(anonymous.status).toBe(401);
}

describe("Express", () => {
  it("mounted at the root after the app's routes", async () => {
    const app = expressExample.createApp(createFakePolar({ seed: seed() }));
    const base = await listening((done) => app.listen(0, "127.0.0.1", done));
    await expectPolarMounted(base);
    expect((await fetch(`${base}/elsewhere`, { method: "DELETE" })).status).toBe(404);
  });

  it("mounted under a prefix", async () => {
    const app = expressExample.createAppUnderPrefix(createFakePolar({ seed: seed() }));
    app.get("/health", (_request, response) => void response.send("ok"));
    await expectPolarMounted(await listening((done) => app.listen(0, "127.0.0.1", done)), "/polar");
  });
});

describe("Hono", () => {
  it("routes /v1/* to server.fetch, on @hono/node-server", async () => {
    const app = honoExample.createApp(createFakePolar({ seed: seed() }));
    const base = await listening((done) => serveHono({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, done) as Server);
    await expectPolarMounted(base);
  });
});

describe("docs/server.md", () => {
  it("shows exactly these examples (with the import path a project would use)", () => {
    const docs = readFileSync("docs/server.md", "utf8");
    for (const file of ["express", "hono"]) {
      const code = readFileSync(`test/e2e/examples/${file}.ts`, "utf8").replace("../../../generated/polar/index.js", "./generated/polar/index.js");
      expect(docs).toContain("```ts\n" + code + "```");
    }
  });
});
