// Every server and fake runtime template is one the emitters copy (a template left
// out would be type-checked here and missing from every generated folder).

import { readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { FAKE_RUNTIME_FILES } from "../../../generator/emit/fake-file.js";
import { SERVER_RUNTIME_FILES } from "../../../generator/emit/server-file.js";

it("every runtime template is emitted", () => {
  expect([...SERVER_RUNTIME_FILES].sort()).toStrictEqual(readdirSync("templates/server/runtime").sort());
  expect([...FAKE_RUNTIME_FILES].sort()).toStrictEqual(readdirSync("templates/fake/runtime").sort());
});
