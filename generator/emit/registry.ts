// Every artifact has one emitter: a pure function from the model and the selected
// subset to files. The pipeline runs them all, then index.ts over what they made.

import type { EmitContext, GeneratedFile } from "../stages.js";

export type Emitter = (context: EmitContext) => GeneratedFile[] | Promise<GeneratedFile[]>;

export interface EmitterEntry {
  name: string;
  load: () => Promise<Emitter>;
  /** It needs the TypeScript compiler: loaded ahead by `preload`, it runs where that is (build-worker.ts). */
  compiler?: { preload: () => Promise<void> };
}

export const emitters: readonly EmitterEntry[] = [
  // Loaded on demand so a run imports only what it emits (openapi-typescript pulls in the TS compiler).
  {
    name: "types",
    load: async () => (await import("./types-file.js")).emitTypes,
    compiler: { preload: async () => (await import("./types-file.js")).preloadOpenapiTypescript() },
  },
  { name: "openapi", load: async () => (await import("./openapi-file.js")).emitOpenApi },
  { name: "client", load: async () => (await import("./client-file.js")).emitClient },
  { name: "validators", load: async () => (await import("./validators-file.js")).emitValidators },
  { name: "server", load: async () => (await import("./server-file.js")).emitServer },
  { name: "fake", load: async () => (await import("./fake-file.js")).emitFake },
  { name: "webhooks", load: async () => (await import("./webhooks-file.js")).emitWebhooks },
  { name: "contract", load: async () => (await import("./contract-file.js")).emitContract },
];
