// The pipeline, read as a table of contents:
//   resolve options → load → validate → select → model → emit → format → (write | compare).
// Every stage but the writer is pure and works in memory, so `buildOutput` can run
// twice in one test to prove determinism, and `check` shares everything with `generate`.

import { resolveTarget, type CodegenOptions, type ResolvedTarget } from "./config.js";
import { thisThread, type EmitterHost } from "./emit/host.js";
import { withImportExtension } from "./emit/import-extension.js";
import { emitIndex } from "./emit/index-file.js";
import { emitters } from "./emit/registry.js";
import { formatFiles, type FormatMemo } from "./format/format.js";
import { withHeader } from "./header.js";
import { loadSpec } from "./load/index.js";
import { buildModel } from "./model/build.js";
import { checkNames } from "./model/names.js";
import { checkSecurity } from "./model/security.js";
import { checkServer } from "./emit/server/checks.js";
import type { Model } from "./model/types.js";
import { hasErrors, ProblemError, type Problem } from "./problems.js";
import { selectOperations } from "./select.js";
import type { EmitContext, GeneratedFile, LoadedSpec } from "./stages.js";
import { validateSpec } from "./validate.js";
import { GENERATOR_VERSION } from "./version.js";
import { contextKeys, hashJson, rememberingHost, type WarmCache } from "./warm.js";

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
  /** Where the emitters run when not warm: this thread by default, or the build worker. */
  host?: EmitterHost;
}

/** The same, for options already resolved against the config and the cwd. */
export async function buildFromTarget(target: ResolvedTarget, options: BuildOptions = {}): Promise<BuildResult> {
  const spec = await loadValidSpec({ target, warm: options.warm });
  const warnings: Problem[] = [];
  const context = await modelSpec({ target, spec, warnings });
  const emitted = options.warm ? await emitWarm({ context, target, warm: options.warm }) : await emitFiles({ context, target, host: options.host ?? thisThread });
  const files = await finishFiles({ files: emitted, target });
  return { target, spec, model: context.model, context, files, problems: warnings };
}

/** The target's own settings for the files as emitted: the import extension, the user's prettier. */
async function finishFiles(input: { files: GeneratedFile[]; target: ResolvedTarget }): Promise<GeneratedFile[]> {
  const files = withImportExtension({ files: input.files, extension: input.target.importExtension });
  if (input.target.format !== "prettier") return files;
  const { formatWithUserPrettier } = await import("./format/user-prettier.js");
  return formatWithUserPrettier({ files, outDir: input.target.out });
}

/** Watch mode: nothing is emitted when nothing emitting reads has changed; else each emitter as `rememberingHost` says. */
async function emitWarm(input: { context: EmitContext; target: ResolvedTarget; warm: WarmCache }): Promise<GeneratedFile[]> {
  const { context, target, warm } = input;
  const keys = contextKeys(context);
  // The model is built from the subset and the label; emitters read nothing else.
  const key = hashJson([keys, target.operations, target.specLabel]);
  if (warm.emitted?.key === key) return warm.emitted.files;
  const memo = { last: warm.formatted, next: new Map<string, string>() };
  const files = await emitFiles({ context, target, host: rememberingHost({ warm, keys }), memo });
  warm.formatted = memo.next;
  warm.emitted = { key, files };
  return files;
}

/**
 * Emit and format again, discarding the result: a watch session runs this while idle
 * after its first build, so that its first regenerations run optimised code (the first
 * few emits of a process run unoptimised code, and take far longer than later ones).
 */
export async function primeEmitters(input: { build: BuildResult }): Promise<void> {
  await emitFiles({ context: input.build.context, target: input.build.target, host: thisThread });
}

/** Load, validate, select and model only: what `polar-codegen inspect` prints. */
export async function buildModelOnly(options: CodegenOptions): Promise<Model> {
  const { target, problems } = await resolveTarget(options);
  if (!target) throw new ProblemError(problems);
  const spec = await loadValidSpec({ target });
  return (await modelSpec({ target, spec, warnings: [] })).model;
}

async function loadValidSpec(input: { target: ResolvedTarget; warm?: WarmCache | undefined }): Promise<LoadedSpec> {
  const { target } = input;
  const loaded = await loadSpec({
    source: target.spec,
    ...(target.specShown ? { label: target.specShown } : {}),
    cwd: target.cwd,
    allowRemoteRefs: target.allowRemoteRefs,
    fetch: target.fetch,
    chunks: input.warm?.chunks,
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
  const model = buildModel({ selected, specFile: options.target.specLabel, ...(options.target.apiName ? { apiName: options.target.apiName } : {}) });
  const checked = [...checkNames({ model, document: selected.document }), ...checkSecurity({ model, document: selected.document })];
  // The server's own limits, once every operation's security is one it can read.
  if (!hasErrors(checked)) checked.push(...checkServer({ model, document: selected.document }));
  const unusable = checked.map((found) => locateProblem({ problem: found, spec }));
  if (hasErrors(unusable)) throw new ProblemError(unusable);
  return { model, subset: selected.document };
}

function locateProblem(options: { problem: Problem; spec: LoadedSpec }): Problem {
  if (options.problem.position) return options.problem;
  const position = options.spec.locate(options.problem.path);
  return position ? { ...options.problem, position } : options.problem;
}

/**
 * Every emitter, then index.ts over their files; each emitter's files are formatted as
 * they come in (a worker's while this thread formats the others'), with headers.
 */
async function emitFiles(input: { context: EmitContext; target: ResolvedTarget; host: EmitterHost; memo?: FormatMemo }): Promise<GeneratedFile[]> {
  const { context, host, memo } = input;
  const info = { generatorVersion: GENERATOR_VERSION, specFile: input.target.specLabel };
  const format = (files: GeneratedFile[]) => formatFiles(files.map((file) => withHeader({ file, info })), memo);
  const emitted = emitters.map((entry) => host.emit({ entry, context }));
  for (const files of emitted) files.catch(() => {});
  void Promise.all(emitted).then(() => host.finished?.(), () => {});
  // One emitter's files at a time, in the order they come in: formatting several at once
  // keeps all their syntax trees alive together.
  let queue: Promise<unknown> = Promise.resolve();
  const formatted = await Promise.all(
    emitted.map(async (files) => {
      const ready = await files;
      const turn = queue.then(() => format(ready));
      queue = turn;
      return turn;
    }),
  );
  const index = emitIndex(context, (await Promise.all(emitted)).flat());
  return sortByPath([...formatted.flat(), ...(await format(index))]);
}

function sortByPath(files: GeneratedFile[]): GeneratedFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
