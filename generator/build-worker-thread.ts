// The build worker's thread (build-worker.ts). It loads the compiler's emitter and the
// compiler as soon as it starts, so the emit it is asked for waits on nothing more.

import { parentPort } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./build-worker.js";
import { emitters } from "./emit/registry.js";
import { ProblemError } from "./problems.js";

const port = parentPort!;
const loaded = new Map(
  emitters.filter((entry) => entry.compiler).map((entry) => [entry.name, Promise.all([entry.load(), entry.compiler!.preload()]).then(([emit]) => emit)]),
);
// Handled where an emit awaits it; a failed load must not also crash the worker.
for (const load of loaded.values()) load.catch(() => {});

port.on("message", (request: WorkerRequest) => {
  if (request.kind === "close") process.exit(0);
  else void emit(request).then((reply) => port.postMessage(reply));
});

async function emit(request: Extract<WorkerRequest, { kind: "emit" }>): Promise<WorkerReply> {
  try {
    const load = loaded.get(request.name);
    if (!load) throw new Error(`the build worker runs no emitter "${request.name}"`);
    return { id: request.id, files: await (await load)(request.context) };
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    const problems = cause instanceof ProblemError ? cause.problems : undefined;
    return { id: request.id, error: { message: cause.message, stack: cause.stack, problems } };
  }
}
