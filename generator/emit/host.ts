// Where the emitters run, behind one interface: the pipeline asks a host for each
// emitter's files and does not know whether they were made on this thread, on the
// build worker (build-worker.ts), or remembered from the last build (warm.ts).

import type { EmitContext, GeneratedFile } from "../stages.js";
import type { EmitterEntry } from "./registry.js";

export interface EmitterHost {
  emit(input: { entry: EmitterEntry; context: EmitContext }): Promise<GeneratedFile[]>;
  /** Every emitter has run: a host holding a thread lets it go while the files are formatted. */
  finished?(): void;
}

export const thisThread: EmitterHost = {
  emit: async ({ entry, context }) => (await entry.load())(context),
};
