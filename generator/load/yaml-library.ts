// The `yaml` package, loaded the first time a YAML text (or a position in one) is
// needed: a JSON spec's run never pays for loading it.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function yamlLibrary(): typeof import("yaml") {
  return require("yaml") as typeof import("yaml");
}
