// `"format": "prettier"`: the output formatted as the user's own prettier would format it
// there, so their `prettier --write` leaves it as it is and `--check` stays in sync. The
// config is resolved for each file's place in the output folder with prettier's public
// `resolveConfig` (prettierrc, package.json, .editorconfig and overrides, as its CLI does).

import { join } from "node:path";
import type { GeneratedFile } from "../stages.js";

export async function formatWithUserPrettier(input: { files: readonly GeneratedFile[]; outDir: string }): Promise<GeneratedFile[]> {
  const prettier = await import("prettier");
  return Promise.all(
    input.files.map(async (file) => {
      const filepath = join(input.outDir, file.path);
      const options = (await prettier.resolveConfig(filepath, { editorconfig: true })) ?? {};
      return { path: file.path, contents: await prettier.format(file.contents, { ...options, filepath }) };
    }),
  );
}
