// The build stamp: a content hash of everything a run read (spec, every $ref'd file,
// config, operations, generator version) and of every file it wrote, kept beside the
// output. When nothing changed, a build step exits without even parsing the spec.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import type { ResolvedTarget } from "../config.js";
import type { GeneratedFile } from "../stages.js";
import { GENERATOR_VERSION } from "../version.js";

export const STAMP_FILE = ".polar-codegen.stamp.json";

interface Stamp {
  inputs: string;
  /** Files read, relative to the output folder, so the stamp moves with the repo. */
  sources: string[];
  outputs: Record<string, string>;
}

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Hash of the run's settings and the bytes of every source file; undefined if one is gone. */
async function hashInputs(input: { target: ResolvedTarget; sources: string[] }): Promise<string | undefined> {
  const hash = createHash("sha256");
  const { target } = input;
  hash.update(JSON.stringify([GENERATOR_VERSION, target.specLabel, target.operations, target.allowRemoteRefs]));
  const files = target.configFile ? [target.configFile, ...input.sources] : input.sources;
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes === undefined) return undefined;
    hash.update(`\0${relative(target.out, file)}\0`).update(bytes);
  }
  return hash.digest("hex");
}

export async function createStamp(input: { target: ResolvedTarget; sources: string[]; files: readonly GeneratedFile[] }): Promise<GeneratedFile | undefined> {
  if (/^https?:/i.test(input.target.spec)) return undefined;
  const inputs = await hashInputs({ target: input.target, sources: input.sources });
  if (inputs === undefined) return undefined;
  const outputs = Object.fromEntries(input.files.map((file) => [file.path, sha256(file.contents)]));
  const sources = input.sources.map((file) => relative(input.target.out, file).split(sep).join("/"));
  const stamp: Stamp = { inputs, sources, outputs };
  return { path: STAMP_FILE, contents: JSON.stringify(stamp, null, 2) + "\n" };
}

/** True when the stamp says the output is current and every output file is as written. */
export async function isStampCurrent(target: ResolvedTarget): Promise<boolean> {
  if (/^https?:/i.test(target.spec)) return false;
  const text = await readFile(join(target.out, STAMP_FILE), "utf8").catch(() => undefined);
  if (text === undefined) return false;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(text) as Stamp;
  } catch {
    return false;
  }
  const sources = stamp.sources.map((file) => resolve(target.out, file));
  if (sources[0] !== target.spec || (await hashInputs({ target, sources })) !== stamp.inputs) return false;
  for (const [path, digest] of Object.entries(stamp.outputs)) {
    const bytes = await readFile(join(target.out, path)).catch(() => undefined);
    if (bytes === undefined || sha256(bytes) !== digest) return false;
  }
  return true;
}
