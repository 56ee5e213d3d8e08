// The build worker's thread (build-worker.ts). It loads the compiler libraries as soon
// as it starts, ts-morph first: the client, server and fake it emits are the files the
// main thread takes longest to format, so they go first, and the types (which need
// prettier for a few members only) are emitted while the main thread formats them.
// Once both are loaded it takes its share of a YAML spec's chunks.

import { setImmediate } from "node:timers/promises";
import { parentPort } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./build-worker.js";
import { enableCodeCache, flushCodeCache } from "./code-cache.js";
import { emitters, type EmitterEntry } from "./emit/registry.js";
import { parseYamlChunk } from "./load/yaml-chunks.js";
import { ProblemError } from "./problems.js";

enableCodeCache();
const port = parentPort!;
// The emitters' own modules load (from disk, asynchronously) while the compiler does, so
// each emit starts the moment its library is in.
const emitterModules = Promise.all(emitters.filter((entry) => entry.compiler).map((entry) => entry.load()));
const tsMorph = import("./emit/ts-morph.js")
  .then((morph) => void morph.loadTsMorph())
  .then(() => emitterModules)
  .then(() => undefined);
// A turn of the event loop between the two loads, for a request that is already waiting.
const openapiTypescript = tsMorph
  .then(() => setImmediate())
  .then(() => import("./emit/types-file.js"))
  .then((types) => types.preloadOpenapiTypescript());
// Handled where an emit awaits them; a failed load must not also crash the worker.
openapiTypescript.catch(() => {});
tsMorph.catch(() => {});
emitterModules.catch(() => {});
const libraries: Record<NonNullable<EmitterEntry["compiler"]>, Promise<void>> = {
  "openapi-typescript": openapiTypescript,
  "ts-morph": tsMorph,
};

port.on("message", (request: WorkerRequest) => {
  if (request.kind === "close") {
    // The code cache for the next run (a stopped thread never sees its exit), then go.
    flushCodeCache();
    process.exit(0);
  }
  // Its share of the chunks once both libraries are loaded: the emits that follow the
  // parse then wait on nothing. (The yaml package itself loads with the first chunk.)
  if (request.kind === "yaml") void openapiTypescript.finally(() => port.postMessage(parseShare(request)));
  else void emit(request).then((reply) => port.postMessage(reply));
});

/** Takes the next chunk left until none is: the main thread takes from the same counter. */
function parseShare(request: Extract<WorkerRequest, { kind: "yaml" }>): WorkerReply {
  const chunks: Array<[number, ReturnType<typeof parseYamlChunk>]> = [];
  for (let index = Atomics.add(request.next, 0, 1); index < request.texts.length; index = Atomics.add(request.next, 0, 1)) {
    chunks.push([index, parseYamlChunk(request.texts[index]!)]);
  }
  return { id: request.id, chunks };
}

async function emit(request: Extract<WorkerRequest, { kind: "emit" }>): Promise<WorkerReply> {
  try {
    const entry = emitters.find((candidate) => candidate.name === request.name && candidate.compiler);
    if (!entry) throw new Error(`the build worker runs no emitter "${request.name}"`);
    const [run] = await Promise.all([entry.load(), libraries[entry.compiler!]]);
    return { id: request.id, files: await run(request.context) };
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
