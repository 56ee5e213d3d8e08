// Problems are data, not exceptions: every stage that can find fault returns them,
// and the pipeline stops on the first stage that reports an error.

export interface SourcePosition {
  /** The file as the user named it (relative to the working directory), or a URL. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

export interface Problem {
  code: string;
  message: string;
  /** JSON pointer into the document the problem is about (`/paths/~1v1~1customers~1{id}`). */
  path: string;
  position?: SourcePosition;
  /**
   * A file the problem is about but does not point into (one a `$ref` names that could not
   * be read), named like `position.file`: watch mode waits for it to appear.
   */
  file?: string;
  severity: "error" | "warning";
}

/** Thrown by the pipeline when a stage reports errors; carries them as data. */
export class ProblemError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ProblemError";
    this.problems = problems;
  }
}

/** `file:line:col: message`, as compilers print it, so editors can jump to the fault. */
export function formatProblem(problem: Problem): string {
  const where = problem.position
    ? `${problem.position.file}:${problem.position.line}:${problem.position.col}: `
    : "";
  const at = problem.path && !problem.position ? ` (at ${problem.path || "/"})` : "";
  const label = problem.severity === "warning" ? "warning: " : "";
  return `${where}${label}${problem.message}${at} [${problem.code}]`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}

export function problem(fields: Omit<Problem, "severity"> & { severity?: Problem["severity"] }): Problem {
  return { severity: "error", ...fields };
}
