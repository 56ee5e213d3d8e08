// One watch session: regenerate the targets a change affects, keeping each target's
// parsed spec, formatted output and model warm between saves. A failed build reports
// its problems and leaves the output as it was; the next good save recovers.

import { relative, resolve } from "node:path";
import { CONFIG_FILE, resolveTargets, type ResolvedTarget, type ResolveOptions } from "../config.js";
import type { Change } from "../diff/change.js";
import { compareSelections, type Selection } from "../diff/compare.js";
import { explainDrift } from "../diff/explain.js";
import { generateTarget } from "../generate.js";
import { primeEmitters, type BuildResult } from "../pipeline.js";
import { formatProblem, ProblemError, type Problem } from "../problems.js";
import { createWarmCache, type WarmCache } from "../warm.js";
import { cliIo } from "../io.js";

export interface WatchReporter {
  line(text: string): void;
  error(text: string): void;
}

interface TargetState {
  warm: WarmCache;
  /** The spec and every file it `$ref`s, from the last good build. */
  files: string[];
  spec: string;
  /** The last good build's model and subset, to say what the next one changed. */
  selection?: Selection;
  /** The last run failed: the next good one says it recovered. */
  failed?: boolean;
  /** The first good build, until the emitters have been primed on it. */
  unprimed?: BuildResult;
}

export interface WatchSession {
  /** Regenerate what `changed` affects; everything when undefined (the first run). */
  cycle(changed: string[] | undefined): Promise<void>;
  /** What to watch now: the config and, per target, its spec and the files it `$ref`s. */
  files(): string[];
  /** While idle: warm the emitters up (see `primeEmitters`); stops as soon as `busy()`. */
  prime(busy: () => boolean): Promise<void>;
}

const PRIME_ROUNDS = 5;
/** File names listed per regeneration line before "+N more". */
const LISTED_FILES = 4;

const MISSING_SPEC = new Set(["spec-not-found", "config-spec-missing"]);

export function createWatchSession(input: { options: ResolveOptions; reporter: WatchReporter }): WatchSession {
  const { options, reporter } = input;
  const cwd = resolve(options.cwd ?? cliIo().cwd);
  const configFile = options.config === false ? undefined : resolve(cwd, options.config ?? CONFIG_FILE);
  const states = new Map<string, TargetState>();
  let multi = false;

  const cycle = async (changed: string[] | undefined) => {
    const resolved = await resolveTargets({ ...options, allowMissingSpec: true });
    if (!resolved.targets) {
      for (const state of states.values()) state.failed = true;
      return reportProblems({ reporter, problems: resolved.problems, out: "the output" });
    }
    multi = resolved.multi;
    for (const name of states.keys()) if (!resolved.targets.some((target) => target.name === name)) states.delete(name);
    const all = changed === undefined || (configFile !== undefined && changed.includes(configFile));
    for (const target of resolved.targets) {
      const state = states.get(target.name) ?? { warm: createWarmCache(), files: [], spec: target.spec };
      states.set(target.name, state);
      const affected = all || state.spec !== target.spec || changed.some((file) => file === target.spec || state.files.includes(file));
      state.spec = target.spec;
      if (affected) await regenerate({ target, state, changed, multi, reporter });
    }
  };

  return {
    cycle: async (changed) => {
      try {
        await cycle(changed);
      } catch (error) {
        reporter.error(`polar-codegen: error: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    prime: async (busy) => {
      for (const state of states.values()) {
        for (let round = 0; state.unprimed && round < PRIME_ROUNDS; round++) {
          await new Promise((resolve) => setImmediate(resolve));
          if (busy()) return;
          await primeEmitters({ build: state.unprimed });
        }
        delete state.unprimed;
      }
    },
    files: () => {
      const files = new Set<string>(configFile ? [configFile] : []);
      for (const state of states.values()) for (const file of [state.spec, ...state.files]) if (!/^https?:/i.test(file)) files.add(file);
      return [...files].sort();
    },
  };
}

async function regenerate(input: {
  target: ResolvedTarget;
  state: TargetState;
  changed: string[] | undefined;
  multi: boolean;
  reporter: WatchReporter;
}): Promise<void> {
  const { target, state, reporter } = input;
  const out = input.multi ? `[${target.name}] ${show(target.out)}` : show(target.out);
  const started = performance.now();
  try {
    const result = await generateTarget({ target, force: true, warm: state.warm });
    if (result.status !== "generated") return;
    const ms = Math.round(performance.now() - started);
    const now = { model: result.build.model, document: result.build.context.subset };
    const changes = state.selection && state.selection.model !== now.model ? changesBetween({ before: state.selection, after: now }) : [];
    if (!state.selection) state.unprimed = result.build;
    state.selection = now;
    state.files = result.build.spec.files;
    for (const warning of result.build.problems) reporter.error(formatProblem(warning));
    const trigger = input.changed ? `${input.changed.map(show).join(", ")} changed → ` : "";
    const recovered = state.failed ? "recovered, " : "";
    state.failed = false;
    reporter.line(`polar-codegen: ${trigger}${out}: ${recovered}${describeWrite(result)}${describeChanges(changes)} (${ms} ms)`);
  } catch (error) {
    state.failed = true;
    if (!(error instanceof ProblemError)) return reporter.error(`polar-codegen: ${out}: ${error instanceof Error ? error.message : String(error)}; left as it was`);
    // The fix may come in a file the last good build never read (a `$ref`'d file broken from the start).
    state.files = [...new Set([...state.files, ...filesNamed({ problems: error.problems, cwd: target.cwd })])].sort();
    reportProblems({ reporter, problems: error.problems, out });
  }
}

/** The local files problems point into or are about, absolute. */
function filesNamed(input: { problems: Problem[]; cwd: string }): string[] {
  const named = input.problems.flatMap((found) => [found.position?.file, found.file]);
  return named.filter((file): file is string => file !== undefined && !/^https?:\/\//i.test(file)).map((file) => resolve(input.cwd, file));
}

function reportProblems(input: { reporter: WatchReporter; problems: Problem[]; out: string }): void {
  for (const found of input.problems) input.reporter.error(formatProblem(found));
  const missing = input.problems.some((found) => MISSING_SPEC.has(found.code));
  const why = missing ? "the spec is missing (deleted or renamed?); waiting for it to come back" : "waiting for the next save";
  input.reporter.error(`polar-codegen: ${input.out} left as it was; ${why}`);
}

function describeWrite(result: { written: string[]; unchanged: string[]; removed: string[] }): string {
  if (result.written.length === 0 && result.removed.length === 0) return "output unchanged";
  // Every file written (a first run into an empty folder): naming a few of them says nothing.
  const everything = result.unchanged.length === 0;
  const parts = [`${result.written.length} written${everything ? "" : list(result.written)}`];
  if (result.removed.length > 0) parts.push(`${result.removed.length} stale removed${list(result.removed)}`);
  return parts.join(", ");
}

function changesBetween(input: { before: Selection; after: Selection }): Change[] {
  const changes = compareSelections(input);
  return [...changes, ...explainDrift({ ...input, changes })];
}

function describeChanges(changes: Change[]): string {
  if (changes.length === 0) return "";
  const shown = changes.slice(0, 3).map((found) => `${found.operation === "*" ? "" : `${found.operation}: `}${found.message}${found.breaking ? " (breaking)" : ""}`);
  const more = changes.length > 3 ? `, and ${changes.length - 3} more` : "";
  return `; ${shown.join(", ")}${more}`;
}

/** ` (a.ts, b.ts, c.ts, +30 more)`: the first few names, so a line stays readable after a large change. */
function list(paths: string[]): string {
  if (paths.length === 0) return "";
  // Top-level files first: client.ts and types.ts say more than runtime/url.ts.
  const depth = (path: string) => path.split("/").length;
  const shown = [...paths].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1)).slice(0, LISTED_FILES);
  const more = paths.length > LISTED_FILES ? `, +${paths.length - LISTED_FILES} more` : "";
  return ` (${shown.join(", ")}${more})`;
}

function show(path: string): string {
  return relative(cliIo().cwd, path) || ".";
}
