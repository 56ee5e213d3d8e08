// Temporary folders for tests that load specs from disk, removed when the test file ends
// (call at a test file's top level: it registers an afterAll hook there).
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { scratchDir } from "./cli.js";

export function tempFolders(prefix: string): { folderWith(files: Record<string, string>): Promise<string> } {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return {
    /** Writes the files into a fresh folder and returns it. */
    async folderWith(files) {
      const root = scratchDir(prefix);
      made.push(root);
      for (const [name, text] of Object.entries(files)) {
        await mkdir(dirname(join(root, name)), { recursive: true });
        await writeFile(join(root, name), text);
      }
      return root;
    },
  };
}
