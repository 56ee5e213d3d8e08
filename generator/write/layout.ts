// Where in the output folder the generator's files can be: its top level and the few
// subfolders the emitters write, one level down. The writer looks for stale files only
// there, because the output folder may hold other projects' folders whose files carry
// the same header (`--out .` at a repository root, or one output nested in another).

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isGeneratedText } from "../header.js";
import { INTERNAL_PREFIX, STAGED_PREFIX } from "./internal-names.js";
import { STAMP_FILE } from "./stamp.js";

/**
 * Subfolders the emitters write. A folder a later version stops writing stays listed, so
 * that its stale files are still removed; test/unit/layout.test.ts holds the emitters to it.
 */
export const OUTPUT_SUBFOLDERS: readonly string[] = ["contract", "fake-runtime", "runtime", "server-runtime"];

export { INTERNAL_PREFIX, STAGED_PREFIX } from "./internal-names.js";

export interface OutputListing {
  /** Files the generator could have written (relative, POSIX separators, sorted). */
  files: string[];
  /** Files staged by a run that never finished. */
  staged: string[];
  /** Subfolders that are another run's output folder: never listed, never written. */
  nestedOutputs: string[];
}

/** The candidate files below `outDir`: in the layout's folders and those `produced` names, nothing deeper. */
export async function listOutputFiles(input: { outDir: string; produced: readonly string[] }): Promise<OutputListing> {
  const folders = new Set(["", ...OUTPUT_SUBFOLDERS, ...input.produced.map(folderOf)]);
  const listing: OutputListing = { files: [], staged: [], nestedOutputs: [] };
  for (const folder of [...folders].sort()) {
    const names = await fileNames(join(input.outDir, folder));
    if (folder !== "" && (await isOutputRoot({ dir: join(input.outDir, folder), names }))) {
      listing.nestedOutputs.push(folder);
      continue;
    }
    for (const name of names) {
      const path = folder === "" ? name : `${folder}/${name}`;
      if (name.startsWith(STAGED_PREFIX)) listing.staged.push(path);
      else if (!name.startsWith(INTERNAL_PREFIX) && isOutputName(name)) listing.files.push(path);
    }
  }
  listing.files.sort();
  return listing;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

/** The emitters write TypeScript sources and JSON; never compiled `.js` or `.d.ts` files. */
function isOutputName(name: string): boolean {
  return (name.endsWith(".ts") && !name.endsWith(".d.ts")) || name.endsWith(".json");
}

/** Another run's output folder, nested in ours: it has a stamp or a generated index.ts of its own. */
async function isOutputRoot(input: { dir: string; names: string[] }): Promise<boolean> {
  if (input.names.includes(STAMP_FILE)) return true;
  if (!input.names.includes("index.ts")) return false;
  const index = await readFile(join(input.dir, "index.ts"), "utf8").catch(() => "");
  return isGeneratedText(index);
}

async function fileNames(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw error;
  }
}
