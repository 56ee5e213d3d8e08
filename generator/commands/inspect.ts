// `polar-codegen inspect`: print the model (IR) as JSON, for debugging and review.

import { EXIT_OK, parseFlags, TARGET_FLAGS, targetOptions } from "./report.js";
import { cliIo } from "../io.js";

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags({ args: argv, options: { ...TARGET_FLAGS }, strict: true, allowPositionals: false });
  const { buildModelOnly } = await import("../pipeline.js");
  const model = await buildModelOnly(targetOptions(values));
  cliIo().stdout.write(`${JSON.stringify(model, null, 2)}\n`);
  return EXIT_OK;
}
