// `polar-codegen [--check]`: generate into the output folder, or compare with it.

import { relative } from "node:path";
import { EXIT_OK, EXIT_OUT_OF_DATE, parseFlags, TARGET_FLAGS, targetOptions, UsageError } from "./report.js";
import { HELP } from "./help.js";

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags({
    args: argv,
    options: {
      ...TARGET_FLAGS,
      check: { type: "boolean" },
      force: { type: "boolean" },
      format: { type: "string", default: "text" },
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
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json, not "${values.format}"`);
  return values.check ? runCheck({ options, format: values.format }) : runGenerate({ options: { ...options, force: values.force === true }, quiet: values.quiet === true });
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

async function runCheck(input: { options: ReturnType<typeof targetOptions>; format: string }): Promise<number> {
  const { check } = await import("../check.js");
  const { checkReportJson, checkReportText, githubAnnotations } = await import("./check-report.js");
  const result = await check(input.options);
  const report = { result, out: relative(process.cwd(), result.outDir) || "." };
  process.stdout.write(input.format === "json" ? checkReportJson(report) : checkReportText(report));
  if (process.env.GITHUB_ACTIONS === "true") process.stdout.write(githubAnnotations(report));
  return result.inSync ? EXIT_OK : EXIT_OUT_OF_DATE;
}
