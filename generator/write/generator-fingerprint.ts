// What identifies the generator itself, besides its version number: its compiled code
// and its templates. An edited template or a rebuilt generator must never be taken for
// the one that wrote an output folder (the build stamp) or a cached fake (serve).
//
// The code's content hash is computed once, when dist/ is built (build-fingerprint.ts
// writes code-fingerprint.json), so a run reads one small file instead of hashing its
// own code. It hashes the code itself only from the sources (tests) or when that file
// predates the build, which rewrites every file of dist/ (this module's among them).

import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../templates.js";

export const CODE_FINGERPRINT_FILE = "code-fingerprint.json";

interface CodeFingerprint {
  sha256: string;
  /** This module's mtime when the hash was computed: a later build makes the file stale. */
  builtMtimeMs: number;
}

const MODULE_FILE = fileURLToPath(import.meta.url);
/** The generator's code: `dist/generator` when installed, `generator` from the sources. */
const CODE_ROOT = dirname(dirname(MODULE_FILE));

/** Where the generator's code is: `dist/generator` when installed, `generator` from the sources. */
export function codeRoot(): string {
  return CODE_ROOT;
}

/** A content hash of the generator's code (its compiled modules, or its sources). */
export async function codeFingerprint(): Promise<string> {
  const recorded = readRecorded();
  if (recorded && recorded.builtMtimeMs === statSync(MODULE_FILE).mtimeMs) return recorded.sha256;
  return hashCode();
}

/** Run after the compiler (see package.json `build`): record the code's hash in dist/. */
export async function writeCodeFingerprint(): Promise<void> {
  const fingerprint: CodeFingerprint = { sha256: await hashCode(), builtMtimeMs: statSync(MODULE_FILE).mtimeMs };
  writeFileSync(join(CODE_ROOT, CODE_FINGERPRINT_FILE), JSON.stringify(fingerprint) + "\n");
}

/** Every template the emitters copy (absolute paths, sorted). */
export function templateFiles(): string[] {
  return listCode(join(packageRoot, "templates"));
}

async function hashCode(): Promise<string> {
  const { createHash } = await import("node:crypto");
  const hash = createHash("sha256");
  for (const file of listCode(CODE_ROOT)) hash.update(`\0${file.slice(CODE_ROOT.length)}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

function readRecorded(): CodeFingerprint | undefined {
  try {
    return JSON.parse(readFileSync(join(CODE_ROOT, CODE_FINGERPRINT_FILE), "utf8")) as CodeFingerprint;
  } catch {
    return undefined;
  }
}

/** TypeScript and JavaScript files below `dir`; declaration files change no output. */
function listCode(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
