// The API's default name, from the spec's title: an identifier every generated name is
// built on (create{N}Client), so it must be one whatever the title holds.

import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_NAME_PATTERN } from "../../generator/config-file.js";
import { apiNameClashes, apiNameFromTitle } from "../../generator/model/names.js";
import { runCli, scratchDir } from "../helpers/cli.js";

describe("apiNameFromTitle", () => {
  it.each([
    ["Polar API", "Polar"],
    ["Petstore API", "Petstore"],
    ["Acme Billing API", "AcmeBilling"],
    ["Open Weather Service", "OpenWeatherService"],
    ["Swagger Petstore - OpenAPI 3.0", "SwaggerPetstoreOpenAPI30"],
    ["petstore", "Petstore"],
    ["pet-store api", "PetStore"],
    ["Café Órders API", "CafeOrders"],
    ["API", "API"],
    ["", "Api"],
    ["日本の API", "API"],
    ["3D Printing API", "Api3DPrinting"],
    ["REST api v2", "RESTApiV2"],
    ["*/ Evil\n title API", "EvilTitle"],
  ])("%j → %s", (title, name) => {
    expect(apiNameFromTitle(title)).toBe(name);
  });

  it("always gives a name --name would accept", () => {
    for (const title of ["", " ", "---", "123", "_", "ÿ", "\u202e", "a b c", "__proto__", "constructor API"]) {
      expect(apiNameFromTitle(title)).toMatch(API_NAME_PATTERN);
    }
  });
});

describe("an API name that would clash with the generated modules' own names", () => {
  it.each([
    ["Fetch", ["FetchServer"]],
    ["Call", ["CallCredentials"]],
    ["Seed", ["FakeSeed"]],
    ["Subscription", ["FakeSubscription"]],
    ["Petstore", []],
    ["Polar", []],
  ])("%s clashes with %j", (name, clashes) => {
    expect(apiNameClashes(name)).toStrictEqual(clashes);
  });

  it("from a title, gets Api appended instead", () => {
    expect(apiNameFromTitle("Fetch API")).toBe("FetchApi");
    expect(apiNameFromTitle("Seed")).toBe("SeedApi");
    expect(apiNameClashes("FetchApi")).toStrictEqual([]);
  });

  it("given with --name, is refused before anything is written: exit 2, the clash named", async () => {
    const dir = scratchDir();
    try {
      const run = await runCli({ args: ["--out", "out", "--name", "Fetch"], cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`the API name "Fetch" would declare FetchServer, which the generated modules declare already`);
      expect(run.stderr).toContain("[api-name-clash]");
      expect(existsSync(join(dir, "out"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
