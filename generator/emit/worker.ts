// The emit worker (executor.ts): loads the compiler libraries as soon as it starts,
// before the spec is even read, then answers emit requests. openapi-typescript is
// loaded first and the types emitted as soon as they are asked for, before ts-morph
// loads, so the main thread can format types.ts while the rest is being built.

import { setImmediate } from "node:timers/promises";
import { parentPort } from "node:worker_threads";
import { enableCodeCache } from "../code-cache.js";
import { ProblemError } from "../problems.js";
import type { EmitRequest, WorkerReply } from "./executor.js";
import { emitters, type EmitterEntry } from "./registry.js";

enableCodeCache();
const port = parentPort!;
const openapiTypescript = import("./types-file.js").then((types) => types.preloadOpenapiTypescript());
// A turn of the event loop between the two, for a types request that is already waiting.
const tsMorph = openapiTypescript
  .then(() => setImmediate())
  .then(() => import("./ts-morph.js"))
  .then((morph) => void morph.loadTsMorph());
// Handled where an emit awaits them; a failed load must not also crash the worker.
openapiTypescript.catch(() => {});
tsMorph.catch(() => {});
const libraries: Record<NonNullable<EmitterEntry["compiler"]>, Promise<void>> = {
  "openapi-typescript": openapiTypescript,
  "ts-morph": tsMorph,
};

port.on("message", (request: EmitRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer(request: EmitRequest): Promise<WorkerReply> {
  try {
    const entry = emitters.find((candidate) => candidate.name === request.name && candidate.compiler);
    if (!entry) throw new Error(`the emit worker runs no emitter "${request.name}"`);
    const [emit] = await Promise.all([entry.load(), libraries[entry.compiler!]]);
    return { id: request.id, files: await emit(request.context) };
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    return {
      id: request.id,
      error: {
        message: cause.message,
        ...(cause.stack ? { stack: cause.stack } : {}),
        ...(cause instanceof ProblemError ? { problems: cause.problems } : {}),
      },
    };
  }
}
