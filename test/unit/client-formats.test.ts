// Path parameters with a UUID format are checked before sending: `uuid4` for version 4
// and the RFC 4122 variant (as pydantic's UUID4 does), plain `uuid` for any version.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EMBEDDED_SPEC, empty, loadGeneratedClient, scriptedFetch, type GeneratedClientModule } from "../fixtures/client/helpers.js";

let client: GeneratedClientModule;
let dispose: () => void;
beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(EMBEDDED_SPEC)));
afterAll(() => dispose());

const BASE = "https://api.test";

function polarWith(fetcher: typeof fetch) {
  return client.createPolarClient({ baseUrl: BASE, accessToken: "t", fetch: fetcher });
}

describe("client: format uuid4", () => {
  it("checks format: uuid4 parameters before sending: version 4 and the RFC 4122 variant", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const polar = polarWith(fetch);
    for (const id of ["6a8f7a58-6a8e-1d3c-9b1e-0f7c1d2e3a4b", "6a8f7a58-6a8e-4d3c-7b1e-0f7c1d2e3a4b", "６a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b"]) {
      expect((await polar.customers.delete({ id })).message).toBe("id: not a uuid4");
    }
    expect(requests).toStrictEqual([]);
  });

});

describe("client: format uuid (not uuid4) takes any version", () => {
  it("sends a version 1 UUID where the spec says `format: uuid`, still refusing what is no UUID", async () => {
    const document = parse(readFileSync(EMBEDDED_SPEC, "utf8"));
    const id = document.paths["/v1/customers/{id}"].delete.parameters.find((parameter: { name?: string }) => parameter.name === "id");
    id.schema.format = "uuid";
    const dir = mkdtempSync(join(tmpdir(), "polar-uuid-spec-"));
    try {
      writeFileSync(join(dir, "spec.json"), JSON.stringify(document));
      const loaded = await loadGeneratedClient(join(dir, "spec.json"));
      const { fetch, requests } = scriptedFetch(empty(204));
      const polar = loaded.module.createPolarClient({ baseUrl: BASE, accessToken: "t", fetch });
      expect((await polar.customers.delete({ id: "6a8f7a58-6a8e-1d3c-7b1e-0f7c1d2e3a4b" })).kind).toBe("success");
      expect((await polar.customers.delete({ id: "6a8f7a58-6a8e-1d3c-7b1e" })).message).toBe("id: not a uuid");
      expect(requests).toHaveLength(1);
      loaded.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
