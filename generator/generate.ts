// generate: build in memory, then write. The programmatic twin of `polar-codegen`.
// When the build stamp shows nothing changed since the last run, it returns at once,
// without loading the spec or any heavy module: the fast path for build steps.

import { resolveTarget, type CodegenOptions, type ResolvedTarget } from "./config.js";
import type { BuildWorker } from "./build-worker.js";
import type { BuildResult } from "./pipeline.js";
import { ProblemError } from "./problems.js";
import type { WriteReport } from "./write/write-output.js";
import { isStampCurrent } from "./write/stamp.js";
import type { WarmCache } from "./warm.js";

export interface GenerateOptions extends CodegenOptions {
  /** Regenerate even when the build stamp says the output is current. */
  force?: boolean;
  /**
   * Load the TypeScript compiler on a worker thread while the spec is read (a cold
   * one-shot run's fastest path). Off by default: a process that generates often keeps
   * the compiler loaded in process instead.
   */
  parallel?: boolean;
}

export type GenerateResult =
  | ({ status: "generated"; outDir: string; build: BuildResult } & WriteReport)
  | { status: "up-to-date"; outDir: string };

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const { target, problems } = await resolveTarget(options);
  if (!target) throw new ProblemError(problems);
  return generateTarget({ target, force: options.force === true, parallel: options.parallel === true });
}

/** The same, for a target already resolved against the config (the CLI runs each of several). */
export async function generateTarget(input: { target: ResolvedTarget; force: boolean; warm?: WarmCache; parallel?: boolean }): Promise<GenerateResult> {
  const { target } = input;
  if (!input.force && (await isStampCurrent(target))) return { status: "up-to-date", outDir: target.out };
  const worker = input.parallel && !input.warm ? await (await import("./build-worker.js")).startBuildWorker() : undefined;
  try {
    const result = await buildAndWrite({ target, warm: input.warm, worker });
    await worker?.close();
    return result;
  } catch (error) {
    await worker?.abandon();
    throw error;
  }
}

async function buildAndWrite(input: { target: ResolvedTarget; warm: WarmCache | undefined; worker: BuildWorker | undefined }): Promise<GenerateResult> {
  const { target } = input;
  const { buildFromTarget } = await import("./pipeline.js");
  const { writeOutput } = await import("./write/write-output.js");
  const { createStamp, recordInputs } = await import("./write/stamp.js");
  // Recorded while the build runs: the spec is read as the loader reads it, not after the write.
  const started = recordInputs({ target });
  const build = await buildFromTarget(target, { warm: input.warm, host: input.worker });
  const refs = recordInputs({ target, refs: build.spec.files.filter((file) => file !== target.spec).sort() });
  const stamp = async () => createStamp({ target, inputs: await Promise.all([started, refs]), files: build.files });
  const report = await writeOutput({ outDir: target.out, files: build.files, stamp });
  return { status: "generated", ...report, outDir: target.out, build };
}
