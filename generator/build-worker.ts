// A second thread for a one-shot run (the CLI). Loading the TypeScript compiler (and
// ts-morph on it) is most of a cold run, and only the emitters of types, client, server
// and fake need it; so the worker starts loading it at once, while this thread reads,
// validates and selects the spec, and then runs those emitters. Composing a large YAML
// spec is the other big cost: the worker takes a share of its chunks while it waits.
// The work done there is the same pure functions as here, so the bytes are the same.
//
// Only the compiled package starts a worker: tests run the sources in process.

import type { Worker } from "node:worker_threads";
import type { ChunkValue, ParseChunks } from "./load/yaml-chunks.js";
import { ProblemError, type Problem } from "./problems.js";
import type { EmitContext, GeneratedFile } from "./stages.js";

export interface BuildWorker {
  /** Runs the named emitter of the registry on the worker. */
  emit(input: { name: string; context: EmitContext }): Promise<GeneratedFile[]>;
  /** Parses YAML chunks on this thread and the worker together, each taking the next one left. */
  parseYamlChunks: ParseChunks;
  /** Lets the worker write its code cache and go, once what it was asked is done. Idempotent. */
  close(): Promise<void>;
  /** Stops the worker at once (a run that failed need not wait for its compiler to load). */
  abandon(): Promise<void>;
}

export type WorkerRequest =
  | { id: number; kind: "close" }
  | { id: number; kind: "emit"; name: string; context: EmitContext }
  | { id: number; kind: "yaml"; texts: string[]; next: Int32Array };

export type WorkerReply =
  | { id: number; files: GeneratedFile[] }
  | { id: number; chunks: Array<[number, ChunkValue | undefined]> }
  | { id: number; error: { message: string; stack?: string; problems?: Problem[] } };

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

/** A request before it has its id. */
type Unsent = WorkerRequest extends infer Request ? (Request extends WorkerRequest ? Omit<Request, "id"> : never) : never;

type Pending = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };

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
    else waiting.resolve(reply);
  });
  worker.on("error", (error) => failAll(error instanceof Error ? error : new Error(String(error))));
  worker.on("exit", (code) => failAll(new Error(`polar-codegen: the build worker stopped (exit code ${code})`)));
  let closing: Promise<void> | undefined;
  const closeWorker = async () => {
    // It writes its code cache and exits; only a worker that will not is stopped.
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    // Unreferenced, the wait for its exit would not keep this process up to see it.
    worker.ref();
    if (failure) await worker.terminate();
    else worker.postMessage({ kind: "close", id: nextId++ });
    await exited;
  };
  const send = (request: Unsent): Promise<WorkerReply> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  return {
    emit: async ({ name, context }) => {
      const reply = await send({ kind: "emit", name, context });
      return "files" in reply ? reply.files : [];
    },
    parseYamlChunks: (texts) => parseShared({ texts, send }),
    close: () => (closing ??= closeWorker()),
    abandon: async () => {
      failure ??= new Error("polar-codegen: the build worker was stopped");
      // Not awaited: a thread deep in loading the compiler stops only when that returns.
      void worker.terminate();
    },
  };
}

/**
 * Both threads take the next chunk from one shared counter until none is left. The
 * worker answers only when it gets a turn, so its reply is awaited only if it took any.
 */
async function parseShared(input: {
  texts: string[];
  send: (request: Unsent) => Promise<WorkerReply>;
}): Promise<Array<ChunkValue | undefined>> {
  const { texts } = input;
  const { parseYamlChunk } = await import("./load/yaml-chunks.js");
  const next = new Int32Array(new SharedArrayBuffer(4));
  const reply = input.send({ kind: "yaml", texts, next });
  reply.catch(() => {});
  const parsed = new Array<ChunkValue | undefined>(texts.length);
  let mine = 0;
  for (let index = Atomics.add(next, 0, 1); index < texts.length; index = Atomics.add(next, 0, 1)) {
    parsed[index] = parseYamlChunk(texts[index]!);
    mine++;
  }
  if (mine < texts.length) {
    const answer = await reply;
    if ("chunks" in answer) for (const [index, value] of answer.chunks) parsed[index] = value;
  }
  return parsed;
}

/** A worker's error as thrown in process: a ProblemError keeps its problems. */
function revive(error: { message: string; stack?: string; problems?: Problem[] }): Error {
  const revived = error.problems ? new ProblemError(error.problems) : new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
