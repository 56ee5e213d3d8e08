// Another API's server refuses a bad request with a status its spec documents: 400 where
// an operation documents 400 and no 422 (weather's submitReading), in the body the spec
// gives 400; 422 in FastAPI's plain shape where it documents neither (listStations).

import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateServerFolder } from "../../fixtures/server/generate-server.js";

let dispose = () => {};
let server: { fetch(request: Request): Promise<Response> };

beforeAll(async () => {
  const folder = await generateServerFolder("test/fixtures/any-spec/weather-open.yaml");
  dispose = folder.dispose;
  const module = await import(join(folder.dir, "server.ts"));
  const fake = await import(join(folder.dir, "fake.ts"));
  server = module.createOpenWeatherServiceServer(fake.createFakeOpenWeatherService());
}, 120_000);
afterAll(() => dispose());

const post = (body: string) =>
  server.fetch(new Request("http://weather.test/stations/OSLO/readings", { method: "POST", headers: { "content-type": "application/json" }, body }));

it("a body that breaks its schema, or malformed JSON: 400 with the documented Failure body", async () => {
  for (const body of [JSON.stringify({ taken_at: "2026-01-01T00:00:00Z" }), "{"]) {
    const response = await post(body);
    expect([response.status, await response.json()]).toStrictEqual([400, { reason: expect.any(String) }]);
  }
});

it("a valid body is still taken (202)", async () => {
  expect((await post(JSON.stringify({ taken_at: "2026-01-01T00:00:00Z", temperature: -3.5 }))).status).toBe(202);
});

it("an operation documenting neither 400 nor 422 answers 422 in the plain shape", async () => {
  const response = await server.fetch(new Request("http://weather.test/stations"));
  expect(response.status).toBe(422);
  expect(await response.json()).toMatchObject({ detail: [{ loc: ["query", "near"] }] });
});
