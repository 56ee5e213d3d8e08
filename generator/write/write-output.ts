// Write: the only stage that changes the disk. Each file is staged under a temporary
// name first and renamed into place only once every file is staged, so a failed or
// interrupted run leaves the old output or the new, never a torn file; a run that
// cannot write (read-only folder, full disk) changes nothing at all. The renames are
// recorded in a journal first (see journal.ts), so a run killed among them is completed
// by the next.

import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { GeneratedFile } from "../stages.js";
import { explainFailure, NestedOutputError, OutputConflictError, PartialWriteError } from "./errors.js";
import { clearJournal, completeJournal, writeJournal, type JournalRecovery } from "./journal.js";
import { STAGED_PREFIX } from "./layout.js";
import { withOutputLock } from "./lock.js";
import { planOutput, type OutputPlan } from "./plan.js";

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Files in the output folder the tool did not write; left alone. */
  foreign: string[];
  /** A commit a killed run left unfinished, completed before this run planned its own. */
  recovered?: JournalRecovery;
}

export async function writeOutput(options: {
  outDir: string;
  files: readonly GeneratedFile[];
  /**
   * The build stamp, made once the output is in place (it records the files' mtimes) and
   * written last, so an interrupted run never leaves a stamp that vouches for torn output.
   */
  stamp?: () => Promise<GeneratedFile | undefined>;
}): Promise<WriteReport> {
  return explainFailure({ outDir: options.outDir, work: () => writeLocked(options) });
}

async function writeLocked(options: { outDir: string; files: readonly GeneratedFile[]; stamp?: () => Promise<GeneratedFile | undefined> }): Promise<WriteReport> {
  await mkdir(options.outDir, { recursive: true });
  return withOutputLock(options.outDir, async () => {
    const recovered = completeJournal(options.outDir);
    const plan = await planOutput(options);
    // Decided before anything is staged: a file someone else wrote is never overwritten,
    // nor another output folder nested in this one.
    if (plan.conflicts.length > 0) throw new OutputConflictError({ outDir: options.outDir, paths: plan.conflicts });
    const intruding = plan.write.filter((file) => plan.nestedOutputs.some((folder) => file.path.startsWith(`${folder}/`)));
    if (intruding.length > 0) throw new NestedOutputError({ outDir: options.outDir, folders: plan.nestedOutputs });
    // We hold the lock, so no other run is staging here: these were left by a killed run.
    await Promise.all(plan.staged.map((path) => rm(join(options.outDir, path), { force: true })));
    await applyPlan({ outDir: options.outDir, plan });
    // The output is in place by now: a stamp that cannot be written is a partial write.
    if (options.stamp) await writeStamp({ outDir: options.outDir, stamp: options.stamp }).catch((error: unknown) => Promise.reject(asPartial(error)));
    return {
      written: plan.write.map((file) => file.path),
      unchanged: plan.unchanged,
      removed: plan.remove,
      foreign: plan.foreign,
      ...(recovered ? { recovered } : {}),
    };
  });
}

/**
 * Synchronous on purpose: a run writes a few dozen small files, and each awaited fs call
 * is a round trip through libuv's thread pool (mkdir, open, write, close, rename), which
 * together cost far more than doing them in line.
 */
async function applyPlan(options: { outDir: string; plan: OutputPlan }): Promise<void> {
  const staged: Array<{ temp: string; target: string }> = [];
  const folders = new Set<string>();
  try {
    for (const [index, file] of options.plan.write.entries()) {
      const target = join(options.outDir, file.path);
      const temp = join(dirname(target), `${STAGED_PREFIX}${process.pid}-${index}`);
      if (!folders.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
      folders.add(dirname(target));
      staged.push({ temp, target });
      writeFileSync(temp, file.contents, { flag: "wx" });
    }
  } catch (error) {
    removeStaged(staged);
    throw error;
  }
  // One rename is atomic by itself; more need the journal to be completed after a kill.
  const journaled = staged.length + options.plan.remove.length > 1;
  try {
    if (journaled) writeJournal({ outDir: options.outDir, journal: journalOf({ outDir: options.outDir, staged, remove: options.plan.remove }) });
  } catch (error) {
    removeStaged(staged);
    throw error;
  }
  try {
    for (const { temp, target } of staged) renameSync(temp, target);
    for (const path of options.plan.remove) rmSync(join(options.outDir, path), { force: true });
  } catch (error) {
    // Not killed: this run reports the failure itself, and the next regenerates everything anyway.
    removeStaged(staged);
    try {
      clearJournal(options.outDir);
    } catch {
      // The error that stopped the commit is the one to report.
    }
    throw asPartial(error);
  }
  if (journaled) clearJournal(options.outDir);
}

function journalOf(input: { outDir: string; staged: ReadonlyArray<{ temp: string; target: string }>; remove: string[] }) {
  const local = (path: string) => relative(input.outDir, path).split(sep).join("/");
  return { renames: input.staged.map(({ temp, target }) => ({ from: local(temp), to: local(target) })), remove: input.remove };
}

/** Best effort: the error that stopped the write is the one to report. */
function removeStaged(staged: ReadonlyArray<{ temp: string }>): void {
  for (const { temp } of staged) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Left as a staged file: the next run removes it under the lock.
    }
  }
}

function asPartial(error: unknown): Error {
  const { code, path } = error as NodeJS.ErrnoException;
  return Object.assign(new PartialWriteError((error as Error).message), { code, path });
}

async function writeStamp(input: { outDir: string; stamp: () => Promise<GeneratedFile | undefined> }): Promise<void> {
  const stamp = await input.stamp();
  if (!stamp) return;
  await applyPlan({ outDir: input.outDir, plan: { write: [stamp], unchanged: [], remove: [], foreign: [], conflicts: [], staged: [], nestedOutputs: [], previous: new Map() } });
}
