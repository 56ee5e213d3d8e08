// Config: polar-codegen.config.json (or --config FILE) merged under the caller's flags.
// Paths in a config file are relative to that file; paths given as flags, to the cwd.
// A config may name several targets (specs or selections generated side by side).

import { existsSync, statSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { API_NAME_PATTERN, locateConfigProblems, readConfig, type ConfigFile, type ImportExtension, type OutputFormat, type ReadConfig, type TargetEntry } from "./config-file.js";
import { problem, type Problem } from "./problems.js";
import { DEFAULT_OPERATIONS } from "./defaults.js";
import { closestMatches } from "./text/closest.js";
import { packageRoot } from "./templates.js";
import { cliIo } from "./io.js";

export { CONFIG_FILE } from "./config-file.js";
export type { ImportExtension, OutputFormat } from "./config-file.js";

export interface CodegenOptions {
  /** Spec file path or http(s) URL. Default: the embedded spec. */
  spec?: string;
  /** Output folder. Default: `generated/polar`. */
  out?: string;
  /** operationIds, `tag:NAME` or `*` to generate. Default: the three Polar operations. */
  operations?: string[];
  /** The API's name in generated code (`Petstore` → `createPetstoreClient`). Default: from the spec's title. */
  apiName?: string;
  allowRemoteRefs?: boolean;
  /** The extension of relative imports in generated files: `.js` (default) or `.ts`. */
  importExtension?: ImportExtension;
  /** Config file; `polar-codegen.config.json` in `cwd` is read when present. `false` reads none. */
  config?: string | false;
  /** Which of the config's `targets` to use; needed when it has several. */
  target?: string;
  cwd?: string;
  fetch?: typeof fetch;
}

export interface ResolvedTarget {
  /** The target's name in the config; "default" for the single form. */
  name: string;
  /** Absolute path or URL. */
  spec: string;
  /**
   * How the spec is named in headers and the model: relative to the output folder, POSIX
   * separators (a URL as given). The same from any working directory and on any machine.
   */
  specLabel: string;
  /** The spec as the user typed it, when that was an absolute path: messages show it so. */
  specShown?: string;
  /** Absolute output folder. */
  out: string;
  operations: string[];
  /** The API name given by flag or config; absent: derived from the spec's title. */
  apiName?: string;
  allowRemoteRefs: boolean;
  importExtension: ImportExtension;
  /** Set when the output follows the user's prettier config. */
  format?: OutputFormat;
  cwd: string;
  fetch?: typeof fetch;
  /** The config file read, if any (absolute). */
  configFile?: string;
}

export interface ResolvedTargets {
  targets?: ResolvedTarget[];
  /** True when the config uses the `targets` form (reports then name each target). */
  multi: boolean;
  problems: Problem[];
}

export const EMBEDDED_SPEC = join(packageRoot, "spec", "polar.openapi.yaml");
const SINGLE: TargetEntry = { name: "default" };

export interface ResolveOptions extends CodegenOptions {
  /** Targets to pick (`--target a,b`); default: every target. */
  names?: string[];
  /** Do not fail on a spec the config names but which is not there (watch mode waits for it). */
  allowMissingSpec?: boolean;
}

/** Every target the options select: all of the config's, or those named (`names`). */
export async function resolveTargets(options: ResolveOptions): Promise<ResolvedTargets> {
  const cwd = resolve(options.cwd ?? cliIo().cwd);
  if (options.apiName !== undefined && !API_NAME_PATTERN.test(options.apiName)) {
    return { multi: false, problems: [problem({ code: "name-invalid", message: `--name must be an identifier starting with a capital letter, of letters and digits (--name Petstore)`, path: "" })] };
  }
  const read = await readConfig({ cwd, config: options.config });
  const { config } = read;
  if (!config) return { multi: false, problems: read.problems };
  const multi = config.targets !== undefined;
  const entries = config.targets ?? [SINGLE];
  const names = options.names ?? (options.target ? [options.target] : undefined);
  const unknown = names?.find((name) => !entries.some((entry) => entry.name === name));
  if (unknown !== undefined) return { multi, problems: [unknownTarget({ name: unknown, entries, read })] };
  const chosen = names ? entries.filter((entry) => names.includes(entry.name)) : entries;
  const override = (["spec", "out", "operations"] as const).find((key) => options[key] !== undefined);
  if (chosen.length > 1 && override) {
    const message = `--${override} applies to one target, and ${chosen.length} are selected (${chosen.map((entry) => entry.name).join(", ")}); choose one with --target NAME`;
    return { multi, problems: [problem({ code: "target-ambiguous", message, path: "" })] };
  }
  const targets = chosen.map((entry) => resolveEntry({ options, cwd, read, config, entry }));
  const problems = [...overlappingOuts({ targets, entries, read }), ...outsThatAreFiles({ targets, entries, read, options }), ...missingSpecs({ targets, entries, read, options })];
  if (problems.length > 0) return { multi, problems: await locateConfigProblems({ problems, text: read.text ?? "", label: read.label ?? "" }) };
  return { multi, targets, problems: [] };
}

/** One target: the one named by `options.target`, or the only one. */
export async function resolveTarget(options: CodegenOptions): Promise<{ target?: ResolvedTarget; problems: Problem[] }> {
  const resolved = await resolveTargets(options);
  if (!resolved.targets) return { problems: resolved.problems };
  if (resolved.targets.length > 1) {
    const names = resolved.targets.map((target) => target.name).join(", ");
    return { problems: [problem({ code: "target-ambiguous", message: `the config defines several targets (${names}); choose one with --target NAME`, path: "" })] };
  }
  return { target: resolved.targets[0]!, problems: [] };
}

/**
 * The operations `diff` compares: `--operations`, else the config's. Nothing else in the
 * config matters to it (its specs need not exist), so it fails only when the choice is
 * ambiguous: targets that select different operations, and no `--target`.
 */
export async function resolveOperations(options: { cwd?: string; config?: string; target?: string; operations?: string[] }): Promise<{ operations?: string[]; problems: Problem[] }> {
  if (options.operations && options.operations.length > 0) return { operations: options.operations, problems: [] };
  const read = await readConfig({ cwd: resolve(options.cwd ?? cliIo().cwd), config: options.config });
  const { config } = read;
  if (!config) return { problems: read.problems };
  const entries = config.targets ?? [SINGLE];
  const operationsOf = (entry: TargetEntry) => entry.operations ?? config.operations ?? [...DEFAULT_OPERATIONS];
  if (options.target !== undefined) {
    const entry = entries.find((candidate) => candidate.name === options.target);
    return entry ? { operations: operationsOf(entry), problems: [] } : { problems: [unknownTarget({ name: options.target, entries, read })] };
  }
  const distinct = new Map(entries.map((entry) => [JSON.stringify([...operationsOf(entry)].sort()), entry]));
  if (distinct.size === 1) return { operations: operationsOf(entries[0]!), problems: [] };
  const listed = entries.map((entry) => `${entry.name}: ${operationsOf(entry).join(", ")}`).join("; ");
  const message = `the config's targets select different operations (${listed}); choose one with --target NAME, or name them with --operations`;
  return { problems: [problem({ code: "target-ambiguous", message, path: "" })] };
}

function resolveEntry(input: { options: CodegenOptions; cwd: string; read: ReadConfig; config: ConfigFile; entry: TargetEntry }): ResolvedTarget {
  const { options, cwd, read, config, entry } = input;
  const base = read.file ? dirname(read.file) : cwd;
  const configSpec = entry.spec ?? config.spec;
  const spec = options.spec ? locate(cwd, options.spec) : configSpec ? locate(base, configSpec) : EMBEDDED_SPEC;
  const out = options.out ? locate(cwd, options.out) : locate(base, entry.out ?? config.out ?? join("generated", "polar"));
  return {
    name: entry.name,
    spec,
    specLabel: labelFor({ out, spec }),
    ...(options.spec && isAbsolute(options.spec) ? { specShown: options.spec } : !options.spec && configSpec && isAbsolute(configSpec) ? { specShown: configSpec } : {}),
    out,
    operations: options.operations ?? entry.operations ?? config.operations ?? [...DEFAULT_OPERATIONS],
    ...((options.apiName ?? config.name) ? { apiName: options.apiName ?? config.name } : {}),
    allowRemoteRefs: options.allowRemoteRefs ?? entry.allowRemoteRefs ?? config.allowRemoteRefs ?? false,
    importExtension: options.importExtension ?? entry.importExtension ?? config.importExtension ?? ".js",
    ...((entry.format ?? config.format) ? { format: entry.format ?? config.format } : {}),
    cwd,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(read.file ? { configFile: read.file } : {}),
  };
}

function unknownTarget(input: { name: string; entries: TargetEntry[]; read: ReadConfig }): Problem {
  const known = input.entries.map((entry) => entry.name);
  const near = closestMatches({ word: input.name, candidates: known, limit: 1 });
  const where = input.read.label ? ` in ${input.read.label}` : "";
  const hint = near.length > 0 ? `did you mean "${near[0]}"? ` : "";
  return problem({ code: "target-unknown", message: `no target "${input.name}"${where}; ${hint}targets: ${known.join(", ")}`, path: "" });
}

/** Two targets writing one folder (or one inside the other) would remove each other's files as stale. */
function overlappingOuts(input: { targets: ResolvedTarget[]; entries: TargetEntry[]; read: ReadConfig }): Problem[] {
  for (const [index, target] of input.targets.entries()) {
    const other = input.targets.slice(0, index).find((earlier) => isInside(target.out, earlier.out) || isInside(earlier.out, target.out));
    if (!other) continue;
    const at = input.entries.findIndex((entry) => entry.name === target.name);
    const how = other.out === target.out ? "is also the output of" : "overlaps the output of";
    const message = `${input.read.label}: target "${target.name}": out ${relative(target.cwd, target.out) || "."} ${how} target "${other.name}"`;
    return [problem({ code: "config-invalid", message, path: at >= 0 && input.read.config?.targets ? `/targets/${at}/out` : "" })];
  }
  return [];
}

/** An output "folder" that is a file: said plainly, not as the writer's EEXIST or ENOTDIR. */
function outsThatAreFiles(input: { targets: ResolvedTarget[]; entries: TargetEntry[]; read: ReadConfig; options: ResolveOptions }): Problem[] {
  const problems: Problem[] = [];
  for (const target of input.targets) {
    // A path through a file (ENOTDIR) and the like are the writer's to explain.
    const found = statOrNothing(target.out);
    if (!found || found.isDirectory()) continue;
    const fromConfig = input.options.out === undefined && input.read.file !== undefined;
    const named = input.options.out ?? shown({ cwd: target.cwd, path: target.out });
    const message = `the output folder ${named} is a file, not a folder; choose another ${fromConfig ? '"out"' : "--out"}`;
    const at = input.entries.findIndex((entry) => entry.name === target.name);
    const path = !fromConfig ? "" : input.read.config?.targets && at >= 0 ? `/targets/${at}/out` : input.read.config?.out !== undefined ? "/out" : "";
    problems.push(problem({ code: "out-not-a-folder", message: fromConfig ? `${input.read.label}: ${message}` : message, path }));
  }
  return problems;
}

/** A spec the config names but which is not there: say so against the config, not as a bare "not found". */
function missingSpecs(input: { targets: ResolvedTarget[]; entries: TargetEntry[]; read: ReadConfig; options: ResolveOptions }): Problem[] {
  if (input.options.spec || !input.read.file || input.options.allowMissingSpec) return [];
  const problems: Problem[] = [];
  for (const target of input.targets) {
    if (isUrl(target.spec) || target.spec === EMBEDDED_SPEC) continue;
    if (existsSync(target.spec)) continue;
    const at = input.entries.findIndex((entry) => entry.name === target.name && entry.spec !== undefined);
    const path = input.read.config?.targets && at >= 0 ? `/targets/${at}/spec` : "/spec";
    const message = `${input.read.label}: spec ${target.specShown ?? shown({ cwd: target.cwd, path: target.spec })} not found (paths in the config are relative to its folder)`;
    problems.push(problem({ code: "config-spec-missing", message, path }));
  }
  return problems;
}

function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === "" || (!path.startsWith("..") && !isAbsolute(path));
}

function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

function locate(base: string, path: string): string {
  return isUrl(path) || isAbsolute(path) ? path : resolve(base, path);
}

function labelFor(options: { out: string; spec: string }): string {
  if (isUrl(options.spec)) return options.spec;
  if (options.spec === EMBEDDED_SPEC) return "polar-codegen/spec/polar.openapi.yaml";
  return shown({ cwd: options.out, path: options.spec });
}

/** `path` relative to `cwd` with POSIX separators; absolute when there is no relative way (another drive). */
function shown(options: { cwd: string; path: string }): string {
  const relativePath = relative(options.cwd, options.path);
  return (isAbsolute(relativePath) ? options.path : relativePath).split(sep).join("/");
}
