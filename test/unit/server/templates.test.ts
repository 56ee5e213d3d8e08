// Every template in the server and fake runtime folders is one the emitters copy
// (test/unit/templates.test.ts holds each to prettier's style).

import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_RUNTIME_FILES } from "../../../generator/emit/server-file.js";
import { emitFake } from "../../../generator/emit/fake-file.js";
import { contextFor } from "../../fixtures/client/generate.js";

const folders = ["templates/server/runtime", "templates/fake/runtime"];

describe("runtime templates", () => {
  it("every template is emitted", async () => {
    expect([...SERVER_RUNTIME_FILES].sort()).toStrictEqual(readdirSync(folders[0]!).sort());
    const fake = await emitFake(contextFor("spec/polar.openapi.yaml"));
    expect(fake.filter((file) => file.formatted).map((file) => file.path.replace("fake-runtime/", "")).sort()).toStrictEqual(readdirSync(folders[1]!).sort());
  });
});
