// A second thread for a one-shot run (the CLI). Loading the TypeScript compiler (with
// openapi-typescript on it) is most of a cold run, and only the types' emitter needs
// it; so the worker starts loading it at once, while this thread reads, validates and
// selects the spec, and then emits types.ts there. The work done there is the same pure
// function as here, so the bytes are the same (test/cli/worker.test.ts compares them).
//
// Only the compiled package starts a worker: tests run the sources in process.

import type { Worker } from "node:worker_threads";
import { thisThread, type EmitterHost } from "./emit/host.js";
import { ProblemError, type Problem } from "./problems.js";
import type { EmitContext, GeneratedFile } from "./stages.js";

export interface BuildWorker extends EmitterHost {
  /** Lets the worker go, once what it was asked is done. Idempotent. */
  close(): Promise<void>;
  /** Stops the worker at once (a run that failed need not wait for its compiler to load). */
  abandon(): Promise<void>;
}

export type WorkerRequest = { id: number; kind: "close" } | { id: number; kind: "emit"; name: string; context: EmitContext };

export type WorkerReply = { id: number; files: GeneratedFile[] } | { id: number; error: { message: string; stack?: string; problems?: Problem[] } };

/** A build worker, or undefined where one cannot run (the sources, under a test runner). */
export async function startBuildWorker(): Promise<BuildWorker | undefined> {
  if (!import.meta.url.endsWith(".js")) return undefined;
  const { Worker } = await import("node:worker_threads");
  // A small young generation: the worker's own allocation is mostly the compiler's, kept.
  const worker = new Worker(new URL("./build-worker-thread.js", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 6 } });
  // Never the reason the process stays up: a run that fails early just exits.
  worker.unref();
  return buildWorker(worker);
}

type Pending = { resolve: (files: GeneratedFile[]) => void; reject: (error: Error) => void };

function buildWorker(worker: Worker): BuildWorker {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };
  worker.on("message", (reply: WorkerReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if ("error" in reply) waiting.reject(revive(reply.error));
    else waiting.resolve(reply.files);
  });
  worker.on("error", (error) => failAll(error instanceof Error ? error : new Error(String(error))));
  worker.on("exit", (code) => failAll(new Error(`polar-codegen: the build worker stopped (exit code ${code})`)));
  let closing: Promise<void> | undefined;
  const closeWorker = async () => {
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    // Unreferenced, the wait for its exit would not keep this process up to see it.
    worker.ref();
    if (failure) await worker.terminate();
    else worker.postMessage({ kind: "close", id: nextId++ });
    await exited;
  };
  const emitThere = (input: { name: string; context: EmitContext }): Promise<GeneratedFile[]> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ kind: "emit", id, ...input } satisfies WorkerRequest);
    });
  };
  const close = () => (closing ??= closeWorker());
  return {
    emit: ({ entry, context }) => (entry.compiler ? emitThere({ name: entry.name, context }) : thisThread.emit({ entry, context })),
    // Its memory (the compiler) goes while this thread formats.
    finished: () => void close().catch(() => {}),
    close,
    abandon: async () => {
      failure ??= new Error("polar-codegen: the build worker was stopped");
      // Not awaited: a thread deep in loading the compiler stops only when that returns.
      void worker.terminate();
    },
  };
}

/** A worker's error as thrown in process: a ProblemError keeps its problems. */
function revive(error: { message: string; stack?: string; problems?: Problem[] }): Error {
  const revived = error.problems ? new ProblemError(error.problems) : new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
