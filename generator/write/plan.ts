// Compare what the generator produced with what is on disk: the one view both the
// writer and `--check` act on. Reading is all it does.

import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { isGeneratedText } from "../header.js";
import type { GeneratedFile } from "../stages.js";

export interface OutputPlan {
  /** New or changed files, with their new contents. */
  write: GeneratedFile[];
  /** Files whose bytes already match. */
  unchanged: string[];
  /** Files on disk that carry our header but are no longer produced. */
  remove: string[];
  /** Files on disk without our header: never touched. */
  foreign: string[];
  /** Files we would write whose current version lacks our header: someone else's; never overwritten. */
  conflicts: string[];
  /** Old contents of changed and removed files, for diffs. */
  previous: Map<string, string>;
}

/** Files the writer uses for itself, not output. */
export const INTERNAL_PREFIX = ".polar-codegen";

export async function planOutput(options: { outDir: string; files: readonly GeneratedFile[] }): Promise<OutputPlan> {
  const onDisk = await listFiles(options.outDir);
  const plan: OutputPlan = { write: [], unchanged: [], remove: [], foreign: [], conflicts: [], previous: new Map() };
  const produced = new Set(options.files.map((file) => file.path));
  for (const file of options.files) {
    const existing = onDisk.includes(file.path) ? await readFile(join(options.outDir, file.path), "utf8") : undefined;
    if (existing === file.contents) plan.unchanged.push(file.path);
    else plan.write.push(file);
    if (existing !== undefined && existing !== file.contents) plan.previous.set(file.path, existing);
    if (existing !== undefined && existing !== file.contents && !isGeneratedText(existing)) plan.conflicts.push(file.path);
  }
  for (const path of onDisk.filter((path) => !produced.has(path))) {
    const text = await readFile(join(options.outDir, path), "utf8");
    if (isGeneratedText(text)) {
      plan.remove.push(path);
      plan.previous.set(path, text);
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
