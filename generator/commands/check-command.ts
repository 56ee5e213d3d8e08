// `polar-codegen --check`: compare every selected target's output with what the spec
// generates. Exit 0 in sync, 1 out of date, 2 when a target could not be checked; with
// `--format json` stdout is always one JSON report, failures included.

import type { ResolveOptions } from "../config.js";
import { EXIT_ERROR, EXIT_OK, EXIT_OUT_OF_DATE, reportFailure } from "./report.js";
import { selectTargets, targetLabel, type TargetSelection } from "./targets.js";
import type { CheckOutcome } from "./check-report.js";
import { cliIo } from "../io.js";

export async function runCheck(input: { options: ResolveOptions; format: string }): Promise<number> {
  const report = await import("./check-report.js");
  let selection: TargetSelection;
  try {
    selection = await selectTargets(input.options);
  } catch (error) {
    if (input.format === "json") cliIo().stdout.write(report.checkFailureJson(error));
    return reportFailure(error);
  }
  const outcomes = [];
  for (const target of selection.targets) outcomes.push(await checkOne({ target, selection, format: input.format }));
  if (input.format === "json") cliIo().stdout.write(report.checkReportJson({ reports: outcomes, multi: selection.multi }));
  if (outcomes.some((outcome) => "error" in outcome)) return EXIT_ERROR;
  return outcomes.every((outcome) => "result" in outcome && outcome.result.inSync) ? EXIT_OK : EXIT_OUT_OF_DATE;
}

async function checkOne(input: { target: TargetSelection["targets"][number]; selection: TargetSelection; format: string }): Promise<CheckOutcome> {
  const { checkTarget } = await import("../check.js");
  const { checkReportText, githubAnnotations } = await import("./check-report.js");
  const { target, selection } = input;
  const out = targetLabel({ target, multi: selection.multi });
  try {
    const result = await checkTarget(target, { parallel: true });
    const outcome = { name: target.name, out: selection.multi ? targetLabel({ target, multi: false }) : out, result };
    if (input.format === "text") cliIo().stdout.write(checkReportText({ result, out }));
    // On stderr, so stdout stays the report (`--format json` parses); the runner reads both.
    if (cliIo().env.GITHUB_ACTIONS === "true") cliIo().stderr.write(githubAnnotations({ result, out }));
    return outcome;
  } catch (error) {
    if (selection.multi) cliIo().stderr.write(`polar-codegen: target ${target.name} could not be checked:\n`);
    reportFailure(error);
    return { name: target.name, out: targetLabel({ target, multi: false }), error };
  }
}
