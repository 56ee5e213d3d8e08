// How `--check` reports drift: for people (a unified diff and a summary), for machines
// (`--format json`), and for GitHub Actions (workflow annotations on the files).

import { relative } from "node:path";
import type { CheckResult } from "../check.js";
import type { Change } from "../diff/change.js";

export function checkReportText(input: { result: CheckResult; out: string }): string {
  const { result, out } = input;
  if (result.inSync) return `polar-codegen: ${out} is up to date\n`;
  const lines = [result.diff, "", `polar-codegen: ${out} is out of date with the spec:`];
  for (const file of result.files) lines.push(`  ${file.status.padEnd(8)} ${file.path}`);
  const described = (found: Change) => `${found.message}${found.breaking ? " (breaking)" : ""}`;
  const spec = result.changes.filter((found) => found.operation === "*");
  const operations = result.changes.filter((found) => found.operation !== "*");
  if (spec.length > 0) lines.push("Spec changed:", ...spec.map((found) => `  ${described(found)}`));
  if (operations.length > 0) lines.push("Operations changed:", ...operations.map((found) => `  ${found.operation}: ${described(found)}`));
  lines.push("Run `polar-codegen` to regenerate.", "");
  return lines.join("\n");
}

export function checkReportJson(input: { result: CheckResult; out: string }): string {
  return JSON.stringify(jsonReport(input), null, 2) + "\n";
}

/** A config with `targets`: one report per target, and `inSync` only when all are. */
export function multiCheckReportJson(reports: Array<{ result: CheckResult; out: string; name: string }>): string {
  const targets = reports.map((report) => ({ name: report.name, ...jsonReport({ result: report.result, out: relative(process.cwd(), report.result.outDir) || "." }) }));
  return JSON.stringify({ inSync: targets.every((target) => target.inSync), targets }, null, 2) + "\n";
}

function jsonReport(input: { result: CheckResult; out: string }) {
  const { result } = input;
  return { inSync: result.inSync, out: input.out, files: result.files, changes: result.changes };
}

/** `::error file=…::…` lines; GitHub shows them on the pull request. */
export function githubAnnotations(input: { result: CheckResult; out: string }): string {
  const lines = input.result.files.map((file) => {
    const path = relative(process.cwd(), `${input.result.outDir}/${file.path}`).split("\\").join("/");
    return `::error file=${escapeProperty(path)},title=polar-codegen drift::${escapeData(`${file.path} is ${file.status === "added" ? "missing" : file.status === "removed" ? "stale" : "out of date"}; run polar-codegen to regenerate`)}`;
  });
  for (const found of input.result.changes) {
    const level = found.breaking ? "error" : "notice";
    lines.push(`::${level} title=${escapeProperty(`Polar spec: ${found.operation === "*" ? "every operation" : found.operation}`)}::${escapeData(`${found.message}${found.breaking ? " (breaking)" : ""}`)}`);
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}

// GitHub's workflow-command escaping.
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
