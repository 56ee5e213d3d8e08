// types.ts: openapi-typescript over the selected subset only. The client, server and
// tests refer to these types by indexed access instead of emitting schemas twice.

import type { EmitContext, GeneratedFile } from "../stages.js";

export async function emitTypes(context: EmitContext): Promise<GeneratedFile[]> {
  // Imported here, not at the top: it loads the TypeScript compiler, which a no-op run never needs.
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const nodes = await openapiTS(context.subset as never, { alphabetize: true, silent: true });
  return [{ path: "types.ts", contents: astToString(nodes) }];
}
