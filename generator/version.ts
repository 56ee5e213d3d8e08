// The generator's version, named in every generated file's header.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./templates.js";

export const GENERATOR_VERSION: string = (
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }
).version;
