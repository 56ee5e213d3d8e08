// index.ts: the one entry point of the generated folder.

import type { EmitContext, GeneratedFile } from "../stages.js";

/** Modules re-exported from index.ts, when the emitters produced them. */
const PUBLIC_MODULES = ["client", "server", "fake", "validators"];

export function emitIndex(context: EmitContext, produced: readonly GeneratedFile[] = []): GeneratedFile[] {
  const present = new Set(produced.map((file) => file.path));
  const lines = [
    `export type { components, operations, paths } from "./types.js";`,
    ...PUBLIC_MODULES.filter((name) => present.has(`${name}.ts`)).map((name) => `export * from "./${name}.js";`),
  ];
  const operations = context.model.operations.map((operation) => JSON.stringify(operation.id)).join(", ");
  lines.push("", `/** The operations this folder was generated for. */`, `export const operationIds = [${operations}] as const;`);
  return [{ path: "index.ts", contents: lines.join("\n") + "\n" }];
}
