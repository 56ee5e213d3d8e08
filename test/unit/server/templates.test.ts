// The server and fake runtime templates are copied verbatim and skip the format stage,
// which is only sound while each is exactly what prettier would make of it; and every
// template in their folders is one the emitters copy.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { PRETTIER_OPTIONS } from "../../../generator/format.js";
import { SERVER_RUNTIME_FILES } from "../../../generator/emit/server-file.js";
import { emitFake } from "../../../generator/emit/fake-file.js";
import { contextFor } from "../../fixtures/client/generate.js";

const folders = ["templates/server/runtime", "templates/fake/runtime"];

describe("runtime templates", () => {
  it.each(folders.flatMap((folder) => readdirSync(folder).map((name) => join(folder, name))))("%s is prettier-formatted", async (file) => {
    const text = readFileSync(file, "utf8");
    expect(await prettier.format(text, { ...PRETTIER_OPTIONS, filepath: file })).toBe(text);
  });

  it("every template is emitted", async () => {
    expect([...SERVER_RUNTIME_FILES].sort()).toStrictEqual(readdirSync(folders[0]!).sort());
    const fake = await emitFake(contextFor("spec/polar.openapi.yaml"));
    expect(fake.filter((file) => file.verbatim).map((file) => file.path.replace("fake-runtime/", "")).sort()).toStrictEqual(readdirSync(folders[1]!).sort());
  });
});
