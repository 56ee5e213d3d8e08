// check: build in memory and compare with the output folder. Writes nothing, except
// that it first completes a commit a killed run left unfinished (see write/journal.ts).
// Used as the CI drift check: in sync (exit 0) or out of date (exit 1, with a diff).

import { existsSync } from "node:fs";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { resolveTarget, type CodegenOptions, type ResolvedTarget } from "./config.js";
import { buildFromTarget, type BuildResult } from "./pipeline.js";
import { ProblemError } from "./problems.js";
import type { Change } from "./diff/change.js";
import { compareSelections } from "./diff/compare.js";
import { selectionOf } from "./diff/diff-specs.js";
import { findOperations } from "./select.js";
import { explainDrift } from "./diff/explain.js";
import type { OpenApiDocument } from "./openapi.js";
import { planIsClean, planOutput, type OutputPlan } from "./write/plan.js";
import { completeJournal, type JournalRecovery } from "./write/journal.js";
import { JOURNAL_FILE } from "./write/internal-names.js";
import { withOutputLock } from "./write/lock.js";

export interface FileDrift {
  path: string;
  status: "added" | "changed" | "removed";
}

export interface CheckResult {
  inSync: boolean;
  outDir: string;
  files: FileDrift[];
  /** Unified diff from what is on disk to what the generator produces. */
  diff: string;
  /** Which operations changed and how, from the committed openapi.json to the new selection. */
  changes: Change[];
  /**
   * Nothing in the spec or the generator explains the drift: the same selection, the same
   * generator version, every file there but some differ. They were edited after generation.
   */
  edited: boolean;
  build: BuildResult;
  /** A commit a killed run left unfinished, completed before comparing: the one write `--check` makes. */
  recovered?: JournalRecovery;
}

export async function check(options: CodegenOptions = {}): Promise<CheckResult> {
  const { target, problems } = await resolveTarget(options);
  if (!target) throw new ProblemError(problems);
  return checkTarget(target);
}

/** The same, for a target already resolved against the config; `parallel` as for `generate`. */
export async function checkTarget(target: ResolvedTarget, options: { parallel?: boolean } = {}): Promise<CheckResult> {
  const worker = options.parallel ? await (await import("./build-worker.js")).startBuildWorker() : undefined;
  let build: BuildResult;
  try {
    build = await buildFromTarget(target, { host: worker });
    await worker?.close();
  } catch (error) {
    await worker?.abandon();
    throw error;
  }
  const recovered = await recoverInterruptedCommit(build.target.out);
  const plan = await planOutput({ outDir: build.target.out, files: build.files });
  const files: FileDrift[] = [
    ...plan.write.map((file) => ({ path: file.path, status: plan.previous.has(file.path) ? ("changed" as const) : ("added" as const) })),
    ...plan.remove.map((path) => ({ path, status: "removed" as const })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
  const newContents = new Map(plan.write.map((file) => [file.path, file.contents]));
  const diff = files
    .map(({ path }) =>
      createTwoFilesPatch(`a/${path}`, `b/${path}`, plan.previous.get(path) ?? "", newContents.get(path) ?? "", undefined, undefined, { context: 3 })
        // jsdiff opens with an `Index:`-style rule that git's format does not have.
        .replace(/^=+\n/, ""),
    )
    .join("");
  const changes = operationChanges({ plan, build });
  const edited = files.length > 0 && changes.length === 0 && files.every((file) => file.status === "changed") && sameGenerator({ plan, build });
  return { inSync: planIsClean(plan), outDir: build.target.out, files, diff, changes, edited, build, ...(recovered ? { recovered } : {}) };
}

/** Comparing a folder that mixes two runs' files would report a state no run meant. */
async function recoverInterruptedCommit(outDir: string): Promise<JournalRecovery | undefined> {
  if (!existsSync(join(outDir, JOURNAL_FILE))) return undefined;
  return withOutputLock(outDir, async () => completeJournal(outDir));
}

/** openapi.json on disk is as generated, or names the generator and spec the new one would. */
function sameGenerator(input: { plan: OutputPlan; build: BuildResult }): boolean {
  const banner = (text: string | undefined) => {
    try {
      return text === undefined ? undefined : (JSON.parse(text) as { "x-generated-by"?: unknown })["x-generated-by"];
    } catch {
      return undefined;
    }
  };
  if (input.plan.unchanged.includes("openapi.json")) return true;
  const before = banner(input.plan.previous.get("openapi.json"));
  return before !== undefined && before === banner(input.build.files.find((file) => file.path === "openapi.json")?.contents);
}

/**
 * The selection on disk (openapi.json) is the old spec as far as the operations are
 * concerned: what changed for a client, then whatever else explains the drift.
 */
function operationChanges(input: { plan: OutputPlan; build: BuildResult }): Change[] {
  const previous = input.plan.previous.get("openapi.json");
  if (previous === undefined) return [];
  let document: OpenApiDocument;
  try {
    document = JSON.parse(previous) as OpenApiDocument;
  } catch {
    return [];
  }
  // The committed subset keeps no tags, so `*` and `tag:NAME` are judged by what each side holds:
  // an operation the old output had and the new one lacks shows as removed.
  const operationIds = [...new Set([...findOperations(document).map((found) => found.id), ...input.build.model.operations.map((operation) => operation.id)])];
  const before = selectionOf({ document, label: "committed openapi.json", operationIds });
  const after = { model: input.build.model, document: input.build.context.subset };
  const changes = compareSelections({ before, after });
  return [...changes, ...explainDrift({ before, after, changes })];
}
