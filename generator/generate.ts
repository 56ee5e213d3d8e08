// generate: build in memory, then write. The programmatic twin of `polar-codegen`.

import type { CodegenOptions } from "./config.js";
import { buildOutput, type BuildResult } from "./pipeline.js";
import { writeOutput, type WriteReport } from "./write/write-output.js";

export interface GenerateResult extends WriteReport {
  outDir: string;
  build: BuildResult;
}

export async function generate(options: CodegenOptions = {}): Promise<GenerateResult> {
  const build = await buildOutput(options);
  const report = await writeOutput({ outDir: build.target.out, files: build.files });
  return { ...report, outDir: build.target.out, build };
}
