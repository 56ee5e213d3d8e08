// types.ts: openapi-typescript over the selected subset only. The client, server and
// tests refer to these types by indexed access instead of emitting schemas twice.

import { cloneJson } from "../json.js";
import type { EmitContext, GeneratedFile } from "../stages.js";

export async function emitTypes(context: EmitContext): Promise<GeneratedFile[]> {
  // Imported here, not at the top: it loads the TypeScript compiler, which a no-op run never needs.
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  // openapi-typescript writes into the document it is given (it adds `components`): hand it a copy.
  const nodes = await openapiTS(cloneJson(context.subset) as never, { alphabetize: true, silent: true });
  return [{ path: "types.ts", contents: astToString(nodes) }];
}
