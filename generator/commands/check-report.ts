// How `--check` reports drift: for people (a unified diff and a summary), for machines
// (`--format json`), and for GitHub Actions (workflow annotations on the files).

import { relative } from "node:path";
import type { CheckResult } from "../check.js";
import type { Change } from "../diff/change.js";
import { problem, ProblemError, type Problem } from "../problems.js";
import { annotation } from "./github.js";
import type { TargetFlagValues } from "./report.js";
import { cliIo } from "../io.js";

export function checkReportText(input: { result: CheckResult; out: string; command: string }): string {
  const { result, out } = input;
  if (result.inSync) return `polar-codegen: ${out} is up to date\n`;
  const lines = [result.diff, "", `polar-codegen: ${out} is out of date with the spec:`];
  for (const file of result.files) lines.push(`  ${file.status.padEnd(8)} ${file.path}`);
  const described = (found: Change) => `${found.message}${found.breaking ? " (breaking)" : ""}`;
  const spec = result.changes.filter((found) => found.operation === "*");
  const operations = result.changes.filter((found) => found.operation !== "*");
  if (spec.length > 0) lines.push("Spec changed:", ...spec.map((found) => `  ${described(found)}`));
  if (operations.length > 0) lines.push("Operations changed:", ...operations.map((found) => `  ${found.operation}: ${described(found)}`));
  if (result.edited) {
    lines.push(
      "The spec and the generator are unchanged: these files were edited after generation (by hand, or by a",
      "formatter such as prettier). Leave the folder to polar-codegen (list it in .prettierignore), or set",
      '"format": "prettier" in the config so that the output follows your prettier config.',
    );
  }
  lines.push(`Run \`${input.command}\` to regenerate.`, "");
  return lines.join("\n");
}

/** The command that regenerates what `--check` checked, with the flags it was given, quoted for a POSIX shell. */
export function regenerateCommand(flags: TargetFlagValues): string {
  const words = ["polar-codegen"];
  for (const name of ["config", "spec", "out", "import-extension"] as const) {
    const value = flags[name];
    if (value !== undefined) words.push(`--${name}`, value);
  }
  for (const name of ["operations", "target"] as const) for (const value of flags[name] ?? []) words.push(`--${name}`, value);
  if (flags["allow-remote-refs"]) words.push("--allow-remote-refs");
  return words.map(shellQuoted).join(" ");
}

function shellQuoted(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** One report, or with several targets `{ inSync, targets: [...] }`; a target that failed carries its problems. */
export function checkReportJson(input: { reports: CheckOutcome[]; multi: boolean }): string {
  const entries = input.reports.map((report) => (input.multi ? { name: report.name, ...jsonReport(report) } : jsonReport(report)));
  const value = input.multi ? { inSync: entries.every((entry) => entry.inSync), targets: entries } : entries[0];
  return JSON.stringify(value, null, 2) + "\n";
}

/** A check that could not run at all (bad config, no target): its problems, for machines. */
export function checkFailureJson(error: unknown): string {
  return JSON.stringify({ inSync: false, problems: problemsOf(error) }, null, 2) + "\n";
}

export type CheckOutcome = { name: string; out: string } & ({ result: CheckResult } | { error: unknown });

function jsonReport(report: CheckOutcome) {
  if ("error" in report) return { inSync: false, out: report.out, problems: problemsOf(report.error) };
  const { result } = report;
  return { inSync: result.inSync, out: report.out, files: result.files, changes: result.changes, ...(result.recovered ? { recovered: result.recovered } : {}) };
}

function problemsOf(error: unknown): Problem[] {
  if (error instanceof ProblemError) return error.problems;
  return [problem({ code: "error", message: error instanceof Error ? error.message : String(error), path: "" })];
}

/** `::error file=…::…` lines; GitHub shows them on the pull request. */
export function githubAnnotations(input: { result: CheckResult; out: string }): string {
  const lines = input.result.files.map((file) => {
    const path = relative(cliIo().cwd, `${input.result.outDir}/${file.path}`).split("\\").join("/");
    const state = file.status === "added" ? "missing" : file.status === "removed" ? "stale" : "out of date";
    return annotation({ level: "error", file: path, title: "polar-codegen drift", message: `${file.path} is ${state}; run polar-codegen to regenerate` });
  });
  for (const found of input.result.changes) {
    const title = `Polar spec: ${found.operation === "*" ? "every operation" : found.operation}`;
    lines.push(annotation({ level: found.breaking ? "error" : "notice", title, message: `${found.message}${found.breaking ? " (breaking)" : ""}` }));
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}
