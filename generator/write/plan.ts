// Compare what the generator produced with what is on disk: the one view both the
// writer and `--check` act on. Reading is all it does.

import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { isGeneratedText } from "../header.js";
import type { GeneratedFile } from "../stages.js";
import { INTERNAL_PREFIX, listOutputFiles } from "./layout.js";

export interface OutputPlan {
  /** New or changed files, with their new contents. */
  write: GeneratedFile[];
  /** Files whose bytes already match. */
  unchanged: string[];
  /** Files on disk where the generator writes that carry our header but are no longer produced. */
  remove: string[];
  /** Files on disk where the generator writes, without our header: never touched. */
  foreign: string[];
  /** Files we would write whose current version lacks our header: someone else's; never overwritten. */
  conflicts: string[];
  /** Old contents of changed and removed files, for diffs. */
  previous: Map<string, string>;
  /** Files staged by a run that was killed before renaming them (removed under the lock). */
  staged: string[];
  /** Subfolders where the generator writes that are another output folder (see layout.ts). */
  nestedOutputs: string[];
}

/**
 * Only the folders the generator writes are looked at (see layout.ts): a file elsewhere
 * below the output folder is never a stale file, whatever its header says.
 */
export async function planOutput(options: { outDir: string; files: readonly GeneratedFile[] }): Promise<OutputPlan> {
  const listing = await listOutputFiles({ outDir: options.outDir, produced: options.files.map((file) => file.path) });
  const onDisk = new Set(listing.files);
  const plan: OutputPlan = { write: [], unchanged: [], remove: [], foreign: [], conflicts: [], previous: new Map(), staged: listing.staged, nestedOutputs: listing.nestedOutputs };
  const produced = new Set(options.files.map((file) => file.path));
  const read = (path: string) => readFile(join(options.outDir, path), "utf8");
  const existing = await Promise.all(options.files.map((file) => (onDisk.has(file.path) ? read(file.path) : undefined)));
  for (const [index, file] of options.files.entries()) {
    const before = existing[index];
    if (before === file.contents) plan.unchanged.push(file.path);
    else plan.write.push(file);
    if (before !== undefined && before !== file.contents) plan.previous.set(file.path, before);
    if (before !== undefined && before !== file.contents && !isGeneratedText(before)) plan.conflicts.push(file.path);
  }
  const others = listing.files.filter((path) => !produced.has(path));
  const texts = await Promise.all(others.map(read));
  for (const [index, path] of others.entries()) {
    if (isGeneratedText(texts[index]!)) {
      plan.remove.push(path);
      plan.previous.set(path, texts[index]!);
    } else {
      plan.foreign.push(path);
    }
  }
  return plan;
}

export function planIsClean(plan: OutputPlan): boolean {
  return plan.write.length === 0 && plan.remove.length === 0;
}

/** Every regular file below `dir` (relative, POSIX separators, sorted); none when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !path.split("/").some((part) => part.startsWith(INTERNAL_PREFIX)))
    .sort();
}
