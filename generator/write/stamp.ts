// The build stamp, kept beside the output: what a run read (the config, the spec, every
// file it `$ref`s, the templates), the settings and generator code it ran with, and
// every file it wrote. When none of it changed, a build step exits without parsing the
// spec. Each file is recorded with its size, mtime and content hash; as in git's index,
// a file whose size and mtime are as recorded is not read again, and one whose mtime
// moved is hashed and compared, so a touched but unchanged file still counts as current.
// This module is the fast path: it loads nothing heavy, and node:crypto only to hash.

import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import type { ResolvedTarget } from "../config.js";
import type { GeneratedFile } from "../stages.js";
import { GENERATOR_VERSION } from "../version.js";
import { codeFingerprint, templateFiles } from "./generator-fingerprint.js";
import { JOURNAL_FILE } from "./internal-names.js";

export const STAMP_FILE = ".polar-codegen.stamp.json";
const STAMP_FORMAT = 2;

interface Entry {
  /** Relative to the output folder, POSIX separators, so the stamp moves with the repository. */
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

interface Stamp {
  format: typeof STAMP_FORMAT;
  /** Generator version, spec label, operations, remote refs: compared as they are. */
  settings: string;
  /** The generator's code (see generator-fingerprint.ts). */
  code: string;
  /** The spec first, then the config (when one was read), the `$ref`'d files and the templates. */
  inputs: Entry[];
  outputs: Entry[];
}

function settingsOf(target: ResolvedTarget): string {
  // Sorted: the output does not depend on the order operations are listed in.
  return JSON.stringify([GENERATOR_VERSION, target.specLabel, [...new Set(target.operations)].sort(), target.allowRemoteRefs, target.importExtension, target.apiName ?? null]);
}

/**
 * Records a run's inputs: with no `refs`, as it starts (the spec, the config, the
 * templates), then the files the spec's `$ref`s reached, once known. Each file is
 * statted before it is read: a save while the run goes on moves its mtime past the one
 * recorded, so the next run hashes it again and regenerates. Read off the main thread,
 * while the run builds.
 */
export function recordInputs(input: { target: ResolvedTarget; refs?: string[] }): Promise<Entry[] | undefined> {
  const { target } = input;
  if (isUrl(target.spec)) return Promise.resolve(undefined);
  const files = input.refs ?? [target.spec, ...(target.configFile ? [target.configFile] : []), ...templateFiles()];
  return Promise.all(files.map((file) => recordFile({ file, out: target.out }))).then((entries) =>
    entries.every((entry) => entry !== undefined) ? entries : undefined,
  );
}

async function recordFile(input: { file: string; out: string }): Promise<Entry | undefined> {
  try {
    const stats = await stat(input.file);
    const bytes = await readFile(input.file);
    return { path: toPosix(relative(input.out, input.file)), size: stats.size, mtimeMs: stats.mtimeMs, sha256: await sha256(bytes) };
  } catch {
    return undefined;
  }
}

/**
 * The stamp for a run that read `inputs` (see recordInputs: what it read at the start,
 * then its `$ref`'d files) and wrote `files`, which are on disk by now.
 */
export async function createStamp(input: { target: ResolvedTarget; inputs: Array<Entry[] | undefined>; files: readonly GeneratedFile[] }): Promise<GeneratedFile | undefined> {
  const { target } = input;
  if (input.inputs.some((entries) => entries === undefined)) return undefined;
  const inputs = input.inputs.flatMap((entries) => entries!);
  const outputs: Entry[] = [];
  for (const file of input.files) {
    const stats = statSync(join(target.out, file.path));
    outputs.push({ path: file.path, size: stats.size, mtimeMs: stats.mtimeMs, sha256: await sha256(file.contents) });
  }
  const stamp: Stamp = { format: STAMP_FORMAT, settings: settingsOf(target), code: await codeFingerprint(), inputs, outputs };
  return { path: STAMP_FILE, contents: JSON.stringify(stamp, null, 2) + "\n" };
}

async function sha256(data: Buffer | string): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(data).digest("hex");
}

/** True when the stamp says the output is current and every output file is as written. */
export async function isStampCurrent(target: ResolvedTarget): Promise<boolean> {
  // The user's prettier config may live in any folder above the output, or appear there: build every time.
  if (isUrl(target.spec) || target.format === "prettier") return false;
  // A commit cut short: the stamp vouches for the output before it, and the journal waits to be completed.
  if (existsSync(join(target.out, JOURNAL_FILE))) return false;
  const stampFile = join(target.out, STAMP_FILE);
  const stamp = readStamp(stampFile);
  if (!stamp || stamp.settings !== settingsOf(target) || resolve(target.out, stamp.inputs[0]?.path ?? "") !== target.spec) return false;
  if (target.configFile && !stamp.inputs.some((entry) => resolve(target.out, entry.path) === target.configFile)) return false;
  if (stamp.code !== (await codeFingerprint())) return false;
  // A file changed in the same clock tick as the stamp was written could keep its mtime: hash it.
  const trustedBefore = statSync(stampFile).mtimeMs;
  return (await entriesMatch({ entries: stamp.inputs, base: target.out, trustedBefore })) && (await entriesMatch({ entries: stamp.outputs, base: target.out, trustedBefore }));
}

async function entriesMatch(input: { entries: Entry[]; base: string; trustedBefore: number }): Promise<boolean> {
  for (const entry of input.entries) {
    const file = resolve(input.base, entry.path);
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats || stats.size !== entry.size) return false;
    if (stats.mtimeMs === entry.mtimeMs && entry.mtimeMs < input.trustedBefore) continue;
    const { createHash } = await import("node:crypto");
    if (createHash("sha256").update(readFileSync(file)).digest("hex") !== entry.sha256) return false;
  }
  return true;
}

function readStamp(file: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(file, "utf8")) as Stamp;
    return stamp.format === STAMP_FORMAT && Array.isArray(stamp.inputs) && Array.isArray(stamp.outputs) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

function isUrl(text: string): boolean {
  return /^https?:/i.test(text);
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}
