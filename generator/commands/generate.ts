// `polar-codegen [--check]`: generate into the output folder, or compare with it.

import { relative } from "node:path";
import { EXIT_OK, EXIT_OUT_OF_DATE, parseFlags, TARGET_FLAGS, targetOptions } from "./report.js";
import { HELP } from "./help.js";

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags({
    args: argv,
    options: {
      ...TARGET_FLAGS,
      check: { type: "boolean" },
      force: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return print(HELP);
  if (values.version) return print((await import("../version.js")).GENERATOR_VERSION);
  const options = targetOptions(values);
  return values.check ? runCheck(options) : runGenerate({ options: { ...options, force: values.force === true }, quiet: values.quiet === true });
}

function print(text: string): number {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return EXIT_OK;
}

async function runGenerate(input: { options: ReturnType<typeof targetOptions> & { force: boolean }; quiet: boolean }): Promise<number> {
  const { generate } = await import("../generate.js");
  const result = await generate(input.options);
  const out = relative(process.cwd(), result.outDir) || ".";
  if (result.status === "up-to-date") {
    if (!input.quiet) process.stdout.write(`polar-codegen: ${out}: up to date (spec, config and generator unchanged)\n`);
    return EXIT_OK;
  }
  for (const warning of result.build.problems) process.stderr.write(`warning: ${warning.message}\n`);
  if (!input.quiet) {
    const parts = [`${result.written.length} written`, `${result.unchanged.length} unchanged`];
    if (result.removed.length > 0) parts.push(`${result.removed.length} stale removed`);
    if (result.foreign.length > 0) parts.push(`${result.foreign.length} not ours, left alone`);
    process.stdout.write(`polar-codegen: ${out}: ${parts.join(", ")}\n`);
  }
  return EXIT_OK;
}

async function runCheck(options: ReturnType<typeof targetOptions>): Promise<number> {
  const { check } = await import("../check.js");
  const result = await check(options);
  const out = relative(process.cwd(), result.outDir) || ".";
  if (result.inSync) {
    process.stdout.write(`polar-codegen: ${out} is up to date\n`);
    return EXIT_OK;
  }
  process.stdout.write(result.diff);
  process.stdout.write(`\npolar-codegen: ${out} is out of date with the spec:\n`);
  for (const file of result.files) process.stdout.write(`  ${file.status.padEnd(8)} ${file.path}\n`);
  if (result.changes.length > 0) process.stdout.write("Operations changed:\n");
  for (const found of result.changes) {
    process.stdout.write(`  ${found.operation}: ${found.message}${found.breaking ? " (breaking)" : ""}\n`);
  }
  process.stdout.write("Run `polar-codegen` to regenerate.\n");
  return EXIT_OUT_OF_DATE;
}
