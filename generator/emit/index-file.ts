// index.ts: the one entry point of the generated folder.

import type { EmitContext, GeneratedFile } from "../stages.js";
import { jsLiteralLines } from "./js-literal.js";

/**
 * Modules re-exported from index.ts, when the emitters produced them. Not validators.ts:
 * the client loads it on demand (`validateResponses`), and a static re-export would put
 * it in every bundle. Nor fake.ts, a test utility that checks its seed with the
 * validators: a bundler that sees them imported both statically and on demand splits
 * them into a chunk the entry loads eagerly. Import those from their own files.
 */
const PUBLIC_MODULES = ["client", "server", "webhooks"];

export function emitIndex(context: EmitContext, produced: readonly GeneratedFile[] = []): GeneratedFile[] {
  const present = new Set(produced.map((file) => file.path));
  const lines = [
    `export type { components, operations, paths } from "./types.js";`,
    ...PUBLIC_MODULES.filter((name) => present.has(`${name}.ts`)).map((name) => `export * from "./${name}.js";`),
  ];
  const operationIds = jsLiteralLines(context.model.operations.map((operation) => operation.id), { depth: 0, prefix: "export const operationIds = ", suffix: " as const;" });
  lines.push("", `/** The operations this folder was generated for. */`, operationIds);
  return [{ path: "index.ts", contents: lines.join("\n") + "\n", layout: "statement-lines" }];
}
