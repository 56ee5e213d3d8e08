// Write: the only stage that changes the disk. Each file is staged under a temporary
// name first and renamed into place only once every file is staged, so a failed or
// interrupted run leaves the old output or the new, never a torn file; a run that
// cannot write (read-only folder, full disk) changes nothing at all.

import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "../stages.js";
import { explainFailure, OutputConflictError, PartialWriteError } from "./errors.js";
import { withOutputLock } from "./lock.js";
import { INTERNAL_PREFIX, planOutput, type OutputPlan } from "./plan.js";

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Files in the output folder the tool did not write; left alone. */
  foreign: string[];
}

export async function writeOutput(options: {
  outDir: string;
  files: readonly GeneratedFile[];
  /** Written last, so an interrupted run never leaves a stamp that vouches for torn output. */
  stamp?: GeneratedFile;
}): Promise<WriteReport> {
  return explainFailure({ outDir: options.outDir, work: () => writeLocked(options) });
}

async function writeLocked(options: { outDir: string; files: readonly GeneratedFile[]; stamp?: GeneratedFile }): Promise<WriteReport> {
  await mkdir(options.outDir, { recursive: true });
  return withOutputLock(options.outDir, async () => {
    const plan = await planOutput(options);
    // Decided before anything is staged: a file someone else wrote is never overwritten.
    if (plan.conflicts.length > 0) throw new OutputConflictError({ outDir: options.outDir, paths: plan.conflicts });
    await applyPlan({ outDir: options.outDir, plan });
    // The output is in place by now: a stamp that cannot be written is a partial write.
    if (options.stamp) await applyPlan({ outDir: options.outDir, plan: stampPlan(options.stamp) }).catch((error: unknown) => Promise.reject(asPartial(error)));
    return {
      written: plan.write.map((file) => file.path),
      unchanged: plan.unchanged,
      removed: plan.remove,
      foreign: plan.foreign,
    };
  });
}

async function applyPlan(options: { outDir: string; plan: OutputPlan }): Promise<void> {
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const [index, file] of options.plan.write.entries()) {
      const target = join(options.outDir, file.path);
      const temp = join(dirname(target), `${INTERNAL_PREFIX}-tmp-${process.pid}-${index}`);
      await mkdir(dirname(target), { recursive: true });
      staged.push({ temp, target });
      await writeFile(temp, file.contents, { flag: "wx" });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  try {
    for (const { temp, target } of staged) await rename(temp, target);
    for (const path of options.plan.remove) await rm(join(options.outDir, path), { force: true });
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw asPartial(error);
  }
}

function asPartial(error: unknown): Error {
  const { code, path } = error as NodeJS.ErrnoException;
  return Object.assign(new PartialWriteError((error as Error).message), { code, path });
}

function stampPlan(stamp: GeneratedFile): OutputPlan {
  return { write: [stamp], unchanged: [], remove: [], foreign: [], conflicts: [], previous: new Map() };
}
