// The pipeline, read as a table of contents:
//   resolve options → load → validate → select → model → emit → format → (write | compare).
// Every stage but the writer is pure and works in memory, so `buildOutput` can run
// twice in one test to prove determinism, and `check` shares everything with `generate`.

import { resolveTarget, type CodegenOptions, type ResolvedTarget } from "./config.js";
import type { BuildWorker } from "./build-worker.js";
import { emitIndex } from "./emit/index-file.js";
import { emitters } from "./emit/registry.js";
import { formatFiles } from "./format.js";
import { withHeader } from "./header.js";
import { loadSpec } from "./load/index.js";
import { buildModel } from "./model/build.js";
import { checkNames } from "./model/names.js";
import type { Model } from "./model/types.js";
import { hasErrors, ProblemError, type Problem } from "./problems.js";
import { selectOperations } from "./select.js";
import type { EmitContext, GeneratedFile, LoadedSpec } from "./stages.js";
import { validateSpec } from "./validate.js";
import { GENERATOR_VERSION } from "./version.js";
import { contextKeys, emitRemembered, hashJson, type WarmCache } from "./warm.js";

export interface BuildResult {
  target: ResolvedTarget;
  spec: LoadedSpec;
  model: Model;
  context: EmitContext;
  /** Formatted, with headers, sorted by path. */
  files: GeneratedFile[];
  /** Warnings (errors throw a ProblemError). */
  problems: Problem[];
}

/** Everything up to the write, in memory. Throws `ProblemError` when a stage reports errors. */
export async function buildOutput(options: CodegenOptions): Promise<BuildResult> {
  const { target, problems } = await resolveTarget(options);
  if (!target) throw new ProblemError(problems);
  return buildFromTarget(target);
}

export interface BuildOptions {
  /**
   * Watch mode: keeps parsed YAML, each emitter's output and formatted files between
   * builds; when the selected subset is unchanged, nothing is emitted again.
   */
  warm?: WarmCache;
  /** A one-shot run's second thread: the compiler's emitters run there, and it shares YAML parsing. */
  worker?: BuildWorker;
}

/** The same, for options already resolved against the config and the cwd. */
export async function buildFromTarget(target: ResolvedTarget, options: BuildOptions = {}): Promise<BuildResult> {
  const { warm, worker } = options;
  const spec = await loadValidSpec({ target, ...(warm ? { warm } : {}), ...(worker ? { worker } : {}) });
  const warnings: Problem[] = [];
  const context = await modelSpec({ target, spec, warnings });
  const files = warm
    ? await emitWarm({ context, target, warm })
    : await emitFiles({ context, specLabel: target.specLabel, ...(worker ? { worker } : {}) });
  return { target, spec, model: context.model, context, files, problems: warnings };
}

async function emitWarm(input: { context: EmitContext; target: ResolvedTarget; warm: WarmCache }): Promise<GeneratedFile[]> {
  const { context, target, warm } = input;
  const keys = contextKeys(context);
  // The model is built from the subset and the label; emitters read nothing else.
  const key = hashJson([keys, target.operations, target.specLabel]);
  if (warm.emitted?.key === key) return warm.emitted.files;
  const files = await emitFiles({ context, specLabel: target.specLabel, warm: { cache: warm, keys } });
  warm.emitted = { key, files };
  return files;
}

/**
 * Emit and format again, discarding the result: a watch session runs this while idle
 * after its first build, so that its first regenerations run optimised code (the first
 * few emits of a process take two to three times as long as later ones).
 */
export async function primeEmitters(input: { build: BuildResult }): Promise<void> {
  await emitFiles({ context: input.build.context, specLabel: input.build.target.specLabel });
}

/** Load, validate, select and model only: what `polar-codegen inspect` prints. */
export async function buildModelOnly(options: CodegenOptions): Promise<Model> {
  const { target, problems } = await resolveTarget(options);
  if (!target) throw new ProblemError(problems);
  const spec = await loadValidSpec({ target });
  return (await modelSpec({ target, spec, warnings: [] })).model;
}

async function loadValidSpec(input: { target: ResolvedTarget; warm?: WarmCache; worker?: BuildWorker }): Promise<LoadedSpec> {
  const { target } = input;
  const loaded = await loadSpec({
    source: target.spec,
    cwd: target.cwd,
    allowRemoteRefs: target.allowRemoteRefs,
    ...(target.fetch ? { fetch: target.fetch } : {}),
    ...(input.warm ? { chunks: input.warm.chunks } : {}),
    ...(input.worker ? { parseChunks: input.worker.parseYamlChunks } : {}),
  });
  if (!loaded.spec || hasErrors(loaded.problems)) throw new ProblemError(loaded.problems);
  const problems = validateSpec(loaded.spec);
  if (hasErrors(problems)) throw new ProblemError(problems);
  return loaded.spec;
}

async function modelSpec(options: { target: ResolvedTarget; spec: LoadedSpec; warnings: Problem[] }): Promise<EmitContext> {
  const { spec } = options;
  const { selected, problems } = selectOperations({ document: spec.document, operationIds: options.target.operations });
  const located = problems.map((found) => locateProblem({ problem: found, spec }));
  if (!selected || hasErrors(located)) throw new ProblemError(located);
  options.warnings.push(...located);
  const model = buildModel({ selected, specFile: options.target.specLabel });
  const unusable = checkNames({ model, document: selected.document }).map((found) => locateProblem({ problem: found, spec }));
  if (hasErrors(unusable)) throw new ProblemError(unusable);
  return { model, subset: selected.document };
}

function locateProblem(options: { problem: Problem; spec: LoadedSpec }): Problem {
  if (options.problem.position) return options.problem;
  const position = options.spec.locate(options.problem.path);
  return position ? { ...options.problem, position } : options.problem;
}

async function emitFiles(options: {
  context: EmitContext;
  specLabel: string;
  warm?: { cache: WarmCache; keys: Record<string, string> };
  worker?: BuildWorker;
}): Promise<GeneratedFile[]> {
  const { context, warm, worker } = options;
  const info = { generatorVersion: GENERATOR_VERSION, specFile: options.specLabel };
  const headed = (files: GeneratedFile[]) => files.map((file) => withHeader({ file, info }));
  if (worker) return sortByPath(await emitWithWorker({ context, worker, headed }));
  const produced: GeneratedFile[] = [];
  for (const entry of emitters) {
    const emit = await entry.load();
    produced.push(...(warm ? await emitRemembered({ name: entry.name, emit, context, keys: warm.keys, warm: warm.cache }) : await emit(context)));
  }
  produced.push(...emitIndex(context, produced));
  return sortByPath(await formatFiles(headed(produced), warm?.cache.formatted));
}

/**
 * The compiler's emitters go to the worker first; this thread emits and formats the
 * rest meanwhile, then formats each worker file as it arrives (types.ts first).
 */
async function emitWithWorker(input: { context: EmitContext; worker: BuildWorker; headed: (files: GeneratedFile[]) => GeneratedFile[] }): Promise<GeneratedFile[]> {
  const { context, worker, headed } = input;
  const remote = emitters.filter((entry) => entry.compiler).map((entry) => worker.emit({ name: entry.name, context }));
  for (const files of remote) files.catch(() => {});
  const local: GeneratedFile[] = [];
  for (const entry of emitters.filter((candidate) => !candidate.compiler)) local.push(...(await (await entry.load())(context)));
  const early = await formatFiles(headed(local));
  // Its part is done once the last file is in: its memory (the compiler) goes while this thread formats.
  void Promise.all(remote).then(() => worker.close(), () => {});
  const late = await Promise.all(remote.map(async (files) => ({ files: await files, formatted: await formatFiles(headed(await files)) })));
  const index = emitIndex(context, [...local, ...late.flatMap((each) => each.files)]);
  return [...early, ...late.flatMap((each) => each.formatted), ...(await formatFiles(headed(index)))];
}

function sortByPath(files: GeneratedFile[]): GeneratedFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
