// `polar-codegen diff OLD NEW`: what changed for the selected operations between two
// specs, each change classified as breaking or not for a client.

import { resolveOperations } from "../config.js";
import { formatReport, diffSpecs } from "../diff/diff-specs.js";
import { ProblemError } from "../problems.js";
import { EXIT_OK, EXIT_OUT_OF_DATE, parseFlags, UsageError } from "./report.js";
import { cliIo } from "../io.js";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags({
    args: argv,
    options: {
      operations: { type: "string", multiple: true },
      config: { type: "string" },
      target: { type: "string" },
      format: { type: "string", default: "text" },
      "fail-on": { type: "string" },
      "allow-remote-refs": { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
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
  const loaded = await loadSpec({ source: input.source, allowRemoteRefs: input.allowRemoteRefs });
  if (!loaded.spec || hasErrors(loaded.problems)) throw new ProblemError(loaded.problems);
  const problems = validateSpec(loaded.spec);
  if (hasErrors(problems)) throw new ProblemError(problems);
  return loaded.spec.document;
}

