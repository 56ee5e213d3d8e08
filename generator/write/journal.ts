// The commit journal. Once every file of a run is staged, and before the first rename,
// the writer records the commit (which staged file goes where, which files are removed)
// in `.polar-codegen-journal.json` at the top of the output folder, and deletes it once
// the commit is done. A run killed inside the commit leaves it behind; the next run, or
// `--check`, completes the commit from it under the lock before doing anything else.
//
// Completed, not rolled back: the renames done before the kill replaced old files whose
// bytes are kept nowhere, so no roll-back can restore them, while every staged file was
// whole before the journal was written, so finishing gives a folder that one run wrote
// entirely, as that run meant it.

import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isGeneratedText } from "../header.js";
import { JOURNAL_FILE, STAGED_PREFIX } from "./internal-names.js";

export interface Journal {
  format: 1;
  /** Paths relative to the output folder, POSIX separators: `from` a staged file, `to` its place. */
  renames: Array<{ from: string; to: string }>;
  remove: string[];
}

/** What completing a left-over journal did. */
export interface JournalRecovery {
  renamed: number;
  removed: number;
  /** Targets that, since the kill, hold a file without the generator's header: left alone. */
  skipped: string[];
}

/** Written under a staged name and renamed into place, so a kill never leaves a torn journal. */
export function writeJournal(input: { outDir: string; journal: Omit<Journal, "format"> }): void {
  const staged = join(input.outDir, `${STAGED_PREFIX}${process.pid}-journal`);
  writeFileSync(staged, JSON.stringify({ format: 1, ...input.journal }, null, 2) + "\n", { flag: "wx" });
  renameSync(staged, join(input.outDir, JOURNAL_FILE));
}

export function clearJournal(outDir: string): void {
  rmSync(join(outDir, JOURNAL_FILE), { force: true });
}

/** Finishes the commit a killed run left, when there is one. Call under the output lock. */
export function completeJournal(outDir: string): JournalRecovery | undefined {
  const path = join(outDir, JOURNAL_FILE);
  if (!existsSync(path)) return undefined;
  const journal = readJournal(path);
  const recovery: JournalRecovery = { renamed: 0, removed: 0, skipped: [] };
  for (const { from, to } of journal.renames) {
    const staged = join(outDir, from);
    // Gone: renamed before the kill.
    if (!existsSync(staged)) continue;
    if (isSomeoneElses(join(outDir, to))) {
      recovery.skipped.push(to);
      rmSync(staged, { force: true });
      continue;
    }
    renameSync(staged, join(outDir, to));
    recovery.renamed += 1;
  }
  for (const file of journal.remove) {
    if (!existsSync(join(outDir, file))) continue;
    if (isSomeoneElses(join(outDir, file))) {
      recovery.skipped.push(file);
      continue;
    }
    rmSync(join(outDir, file));
    recovery.removed += 1;
  }
  clearJournal(outDir);
  return recovery;
}

/** A file that is there and was not written by the generator (never overwritten or removed). */
function isSomeoneElses(path: string): boolean {
  if (!existsSync(path)) return false;
  return !isGeneratedText(readFileSync(path, "utf8"));
}

/** The journal is a file in a folder others can write: every path is held to what the writer itself records. */
function readJournal(path: string): Journal {
  let journal: unknown;
  try {
    journal = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw unreadable(path);
  }
  if (!isJournal(journal)) throw unreadable(path);
  return journal;
}

function isJournal(value: unknown): value is Journal {
  const journal = value as Partial<Journal> | null;
  if (typeof journal !== "object" || journal === null || journal.format !== 1) return false;
  if (!Array.isArray(journal.renames) || !Array.isArray(journal.remove)) return false;
  const renamesOk = journal.renames.every(
    (entry: unknown) =>
      typeof entry === "object" &&
      entry !== null &&
      isOutputPath((entry as { to: unknown }).to) &&
      isOutputPath((entry as { from: unknown }).from) &&
      ((entry as { from: string }).from.split("/").pop() ?? "").startsWith(STAGED_PREFIX),
  );
  return renamesOk && journal.remove.every(isOutputPath);
}

/** Relative and inside the output folder. */
function isOutputPath(value: unknown): value is string {
  if (typeof value !== "string" || value === "") return false;
  return value.split("/").every((part) => part !== "" && part !== "." && part !== ".." && !part.includes("\\") && !part.includes("\0"));
}

function unreadable(path: string): Error {
  return new Error(
    `${path} records a commit that was cut short, but it is not a journal polar-codegen wrote; the folder may mix two runs' files: remove the journal and run again`,
  );
}

/** One line for the user: what was found and what was done about it. */
export function describeRecovery(recovery: JournalRecovery): string {
  const done = `${recovery.renamed} ${recovery.renamed === 1 ? "file" : "files"} renamed into place, ${recovery.removed} removed`;
  const skipped = recovery.skipped.length > 0 ? `; left alone, not written by polar-codegen: ${recovery.skipped.join(", ")}` : "";
  return `completed the commit a killed run left unfinished (${JOURNAL_FILE}): ${done}${skipped}`;
}
