// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`): printed on
// stderr when GITHUB_ACTIONS=true, and shown by GitHub on the pull request's files.

import type { Problem } from "../problems.js";
import { cliIo } from "../io.js";

export function underGitHubActions(): boolean {
  return cliIo().env.GITHUB_ACTIONS === "true";
}

export function annotation(input: { level: "error" | "warning" | "notice"; message: string; title?: string; file?: string; line?: number; col?: number }): string {
  const properties = [
    input.file !== undefined ? `file=${escapeProperty(input.file)}` : "",
    input.line !== undefined ? `line=${input.line}` : "",
    input.col !== undefined ? `col=${input.col}` : "",
    input.title !== undefined ? `title=${escapeProperty(input.title)}` : "",
  ].filter(Boolean);
  return `::${input.level}${properties.length > 0 ? ` ${properties.join(",")}` : ""}::${escapeData(input.message)}`;
}

/** A problem on the line it is about, when it has a position in a local file. */
export function problemAnnotation(problem: Problem): string {
  const { position } = problem;
  const local = position && !/^https?:\/\//i.test(position.file);
  return annotation({
    level: problem.severity === "warning" ? "warning" : "error",
    title: `polar-codegen ${problem.code}`,
    message: problem.message,
    ...(local ? { file: position.file, line: position.line, col: position.col } : {}),
  });
}

// GitHub's workflow-command escaping.
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
