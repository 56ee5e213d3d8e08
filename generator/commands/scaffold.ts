// `polar-codegen scaffold-handlers FILE`: write the handler skeleton once. An existing
// FILE is never overwritten (exit 2): it holds the team's code.

import { writeFile } from "node:fs/promises";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { EXIT_ERROR, EXIT_OK, parseFlags, TARGET_FLAGS, targetOptions, UsageError } from "./report.js";
import { cliIo } from "../io.js";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags({ args: argv, options: { ...TARGET_FLAGS }, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError("scaffold-handlers takes exactly one FILE, e.g. src/polar-handlers.ts");
  const file = resolve(cliIo().cwd, positionals[0]!);
  const shown = relative(cliIo().cwd, file) || file;
  if (existsSync(file)) return refuseExisting(shown);
  const { resolveTarget } = await import("../config.js");
  const { ProblemError } = await import("../problems.js");
  const { target, problems } = await resolveTarget(targetOptions(values));
  if (!target) throw new ProblemError(problems);
  if (file === target.out || file.startsWith(target.out + sep)) {
    throw new UsageError(`${shown} is inside the output folder, which regeneration rewrites; put handlers elsewhere`);
  }
  const { buildModelOnly } = await import("../pipeline.js");
  const model = await buildModelOnly(targetOptions(values));
  const { scaffoldHandlers } = await import("../scaffold.js");
  const { formatFiles } = await import("../format.js");
  const importPath = importPathOf({ file, out: target.out });
  const [formatted] = await formatFiles([{ path: file, contents: scaffoldHandlers({ model, importPath }) }]);
  mkdirSync(dirname(file), { recursive: true });
  try {
    // `wx`: created here or not at all, even if another process writes the file meanwhile.
    await writeFile(file, formatted!.contents, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return refuseExisting(shown);
  }
  cliIo().stdout.write(`polar-codegen: wrote ${shown}: ${model.operations.length} handlers, importing from ${importPath}\n`);
  return EXIT_OK;
}

function refuseExisting(shown: string): number {
  cliIo().stderr.write(`polar-codegen: ${shown} already exists; scaffold-handlers never overwrites a file. Delete it or choose another FILE.\n`);
  return EXIT_ERROR;
}

/** `../generated/polar/index.js`: relative to FILE's folder, POSIX separators, always `./`-led. */
function importPathOf(options: { file: string; out: string }): string {
  const path = relative(dirname(options.file), join(options.out, "index.js")).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}
