// `polar-codegen [--check | --watch]`: generate into the output folder, compare with it,
// or keep regenerating as the spec changes. Works on every target the config selects.

import type { ResolvedTarget } from "../config.js";
import { EXIT_OK, parseFlags, reportFailure, TARGET_FLAGS, targetOptions, UsageError } from "./report.js";
import { eachTarget, selectTargets, targetLabel, type TargetSelection } from "./targets.js";
import { cliIo } from "../io.js";

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags({
    args: argv,
    options: {
      ...TARGET_FLAGS,
      check: { type: "boolean" },
      watch: { type: "boolean", short: "w" },
      force: { type: "boolean" },
      format: { type: "string", default: "text" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return print((await import("./help.js")).HELP);
  if (values.version) return print((await import("../version.js")).GENERATOR_VERSION);
  const options = targetOptions(values);
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (values.watch && values.check) throw new UsageError("--watch and --check do not go together");
  if (values.watch) return (await import("../watch/run.js")).runWatch({ options, quiet: values.quiet === true });
  if (values.check) {
    const command = (await import("./check-report.js")).regenerateCommand(values);
    return (await import("./check-command.js")).runCheck({ options, format: values.format, command });
  }
  const selection = await selectTargets(options);
  const flags = { force: values.force === true, quiet: values.quiet === true };
  return eachTarget({ selection, report: reportFailure, work: (target) => runGenerate({ target, selection, ...flags }) });
}

function print(text: string): number {
  cliIo().stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return EXIT_OK;
}

async function runGenerate(input: { target: ResolvedTarget; selection: TargetSelection; force: boolean; quiet: boolean }): Promise<number> {
  const out = targetLabel({ target: input.target, multi: input.selection.multi });
  const { generateTarget } = await import("../generate.js");
  const result = await generateTarget({ target: input.target, force: input.force, parallel: true });
  if (result.status === "up-to-date") {
    if (!input.quiet) cliIo().stdout.write(`polar-codegen: ${out}: up to date (spec, config and generator unchanged)\n`);
    return EXIT_OK;
  }
  if (result.recovered) cliIo().stderr.write(`polar-codegen: ${out}: ${(await import("../write/journal.js")).describeRecovery(result.recovered)}\n`);
  for (const warning of result.build.problems) cliIo().stderr.write(`warning: ${warning.message}\n`);
  if (!input.quiet) {
    const parts = [`${result.written.length} written`, `${result.unchanged.length} unchanged`];
    if (result.removed.length > 0) parts.push(`${result.removed.length} stale removed`);
    if (result.foreign.length > 0) parts.push(`${result.foreign.length} not ours, left alone`);
    cliIo().stdout.write(`polar-codegen: ${out}: ${parts.join(", ")}\n`);
  }
  return EXIT_OK;
}
