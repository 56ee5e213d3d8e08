// `polar-codegen diff OLD NEW`: what changed for the selected operations between two
// specs, each change classified as breaking or not for a client.

import { isAbsolute } from "node:path";
import { resolveOperations } from "../config.js";
import { formatReport, diffSpecs } from "../diff/diff-specs.js";
import { problem, ProblemError, type Problem } from "../problems.js";
import { EXIT_OK, EXIT_OUT_OF_DATE, parseFlags, printHelp, UsageError } from "./report.js";
import { cliIo } from "../io.js";

const FLAGS = {
  operations: { type: "string", multiple: true },
  config: { type: "string" },
  target: { type: "string" },
  format: { type: "string", default: "text" },
  "fail-on": { type: "string" },
  "allow-remote-refs": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type DiffFlags = ReturnType<typeof parseFlags<{ args: string[]; options: typeof FLAGS; strict: true; allowPositionals: true }>>["values"];

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags({ args: argv, options: FLAGS, strict: true, allowPositionals: true });
  if (values.help) return printHelp((await import("./help.js")).DIFF_HELP);
  try {
    return await compare({ values, positionals });
  } catch (error) {
    // Machines asked for JSON: they get it for a failure too, the problems as data (and the usual lines on stderr).
    if (values.format === "json") cliIo().stdout.write(JSON.stringify({ problems: problemsOf(error) }, null, 2) + "\n");
    throw error;
  }
}

async function compare(input: { values: DiffFlags; positionals: string[] }): Promise<number> {
  const { values, positionals } = input;
  if (positionals.length !== 2) throw new UsageError("diff takes two specs: polar-codegen diff OLD NEW");
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (values["fail-on"] !== undefined && values["fail-on"] !== "breaking" && values["fail-on"] !== "any") {
    throw new UsageError(`--fail-on must be breaking or any, not "${values["fail-on"]}"`);
  }
  const operations = values.operations?.flatMap((list) => list.split(",")).map((id) => id.trim()).filter(Boolean);
  const chosen = await resolveOperations({ ...(values.config ? { config: values.config } : {}), ...(values.target ? { target: values.target } : {}), ...(operations?.length ? { operations } : {}) });
  if (!chosen.operations) throw new ProblemError(chosen.problems);
  const [before, after] = await Promise.all(positionals.map((source) => loadDocument({ source, allowRemoteRefs: values["allow-remote-refs"] === true })));
  const report = diffSpecs({ before: { document: before!, label: positionals[0]! }, after: { document: after!, label: positionals[1]! }, operationIds: chosen.operations });
  cliIo().stdout.write(values.format === "json" ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
  const failOn = values["fail-on"];
  const changed = report.changes.length > 0 || report.apiVersion !== undefined;
  if ((failOn === "breaking" && report.breaking) || (failOn === "any" && changed)) return EXIT_OUT_OF_DATE;
  return EXIT_OK;
}

async function loadDocument(input: { source: string; allowRemoteRefs: boolean }) {
  const { loadSpec } = await import("../load/index.js");
  const { validateSpec } = await import("../validate.js");
  const { hasErrors } = await import("../problems.js");
  const loaded = await loadSpec({ source: input.source, ...(isAbsolute(input.source) ? { label: input.source } : {}), allowRemoteRefs: input.allowRemoteRefs });
  if (!loaded.spec || hasErrors(loaded.problems)) throw new ProblemError(loaded.problems);
  const problems = validateSpec(loaded.spec);
  if (hasErrors(problems)) throw new ProblemError(problems);
  return loaded.spec.document;
}

function problemsOf(error: unknown): Problem[] {
  if (error instanceof ProblemError) return error.problems;
  return [problem({ code: error instanceof UsageError ? "usage" : "error", message: error instanceof Error ? error.message : String(error), path: "" })];
}
