// Where the emitters that need the TypeScript compiler run. Loading the compiler (and
// ts-morph on it) is most of a cold run's cost, and nothing else needs it, so a one-shot
// run (the CLI) starts a worker thread that loads it while this thread reads, validates
// and selects the spec, then runs those emitters there and hands the files back. The
// emitters are the same pure functions either way, so the bytes are the same.
//
// Only the compiled package starts a worker: tests run the sources in process.

import type { Worker } from "node:worker_threads";
import { ProblemError, type Problem } from "../problems.js";
import type { EmitContext, GeneratedFile } from "../stages.js";

export interface EmitExecutor {
  /** Runs the named emitter of the registry on the executor's thread. */
  emit(input: { name: string; context: EmitContext }): Promise<GeneratedFile[]>;
  /** Stops the thread; pending emits reject. */
  close(): Promise<void>;
}

/** What the worker sends back for one emit. */
export type WorkerReply =
  | { id: number; files: GeneratedFile[] }
  | { id: number; error: { message: string; stack?: string; problems?: Problem[] } };

export interface EmitRequest {
  id: number;
  name: string;
  context: EmitContext;
}

/** A worker thread for the compiler's emitters, or undefined where one cannot run. */
export async function startEmitWorker(): Promise<EmitExecutor | undefined> {
  const url = new URL("./worker.js", import.meta.url);
  if (!import.meta.url.endsWith(".js")) return undefined;
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(url);
  // Never the reason the process stays up: a run that fails early just exits.
  worker.unref();
  return workerExecutor(worker);
}

function workerExecutor(worker: Worker): EmitExecutor {
  const pending = new Map<number, { resolve: (files: GeneratedFile[]) => void; reject: (error: Error) => void }>();
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
    if ("files" in reply) waiting.resolve(reply.files);
    else waiting.reject(revive(reply.error));
  });
  worker.on("error", (error) => failAll(error instanceof Error ? error : new Error(String(error))));
  worker.on("exit", (code) => failAll(new Error(`polar-codegen: the emit worker stopped (exit code ${code})`)));
  return {
    emit({ name, context }) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const request: EmitRequest = { id, name, context };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(request);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** An emitter's error as thrown in process: a ProblemError keeps its problems. */
function revive(error: { message: string; stack?: string; problems?: Problem[] }): Error {
  const revived = error.problems ? new ProblemError(error.problems) : new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
