// openapi.json: the selected subset itself, a standalone OpenAPI document. Other tools
// can read it (a JSON Schema validator in the contract tests, for one), and `--check`
// compares it with the new selection to say which operations changed and why.

import type { EmitContext, GeneratedFile } from "../stages.js";
import { printJsonLikePrettier } from "../format/json-style.js";

export function emitOpenApi(context: EmitContext): GeneratedFile[] {
  const styled = printJsonLikePrettier(context.subset);
  if (styled !== undefined) return [{ path: "openapi.json", contents: styled, formatted: true }];
  return [{ path: "openapi.json", contents: JSON.stringify(context.subset, null, 2) + "\n" }];
}
