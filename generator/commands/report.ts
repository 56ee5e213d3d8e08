// How the CLI reports a failure: problems as `file:line:col: message`, anything else
// as one line. Both exit 2. Under GitHub Actions each also becomes an annotation.

import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatProblem, ProblemError } from "../problems.js";
import { annotation, problemAnnotation, underGitHubActions } from "./github.js";
import { cliIo } from "../io.js";

export const EXIT_OK = 0;
export const EXIT_OUT_OF_DATE = 1;
export const EXIT_ERROR = 2;

export function reportFailure(error: unknown): number {
  const github = underGitHubActions();
  if (error instanceof ProblemError) {
    for (const found of error.problems) cliIo().stderr.write(`${formatProblem(found)}\n${github ? `${problemAnnotation(found)}\n` : ""}`);
  } else if (error instanceof UsageError) {
    cliIo().stderr.write(`polar-codegen: ${error.message}\nRun \`polar-codegen --help\` for usage.\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    cliIo().stderr.write(`polar-codegen: error: ${message}\n${github ? `${annotation({ level: "error", title: "polar-codegen", message })}\n` : ""}`);
  }
  return EXIT_ERROR;
}

export class UsageError extends Error {}

/** A subcommand's `--help`: the text on stdout, exit 0. */
export function printHelp(text: string): number {
  cliIo().stdout.write(text);
  return EXIT_OK;
}

/** `parseArgs` whose complaints (unknown flag, missing value) become usage errors. */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The flags every generating subcommand shares. */
export const TARGET_FLAGS = {
  spec: { type: "string" },
  out: { type: "string" },
  config: { type: "string" },
  operations: { type: "string", multiple: true },
  name: { type: "string" },
  target: { type: "string", multiple: true },
  "allow-remote-refs": { type: "boolean" },
  "import-extension": { type: "string" },
} as const;

/** The values of TARGET_FLAGS as parseArgs gives them. */
export interface TargetFlagValues {
  spec?: string | undefined;
  out?: string | undefined;
  config?: string | undefined;
  operations?: string[] | undefined;
  name?: string | undefined;
  target?: string[] | undefined;
  "allow-remote-refs"?: boolean | undefined;
  "import-extension"?: string | undefined;
}

export function targetOptions(values: TargetFlagValues) {
  const operations = splitList(values.operations);
  const importExtension = importExtensionOf(values["import-extension"]);
  const names = splitList(values.target);
  return {
    ...(names && names.length > 0 ? { names } : {}),
    ...(values.spec ? { spec: values.spec } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(values.config ? { config: values.config } : {}),
    ...(operations && operations.length > 0 ? { operations } : {}),
    ...(values.name ? { apiName: values.name } : {}),
    ...(values["allow-remote-refs"] ? { allowRemoteRefs: true } : {}),
    ...(importExtension ? { importExtension } : {}),
  };
}

function importExtensionOf(value: string | undefined): ".js" | ".ts" | undefined {
  if (value === undefined) return undefined;
  if (value === "js" || value === ".js") return ".js";
  if (value === "ts" || value === ".ts") return ".ts";
  throw new UsageError(`--import-extension must be ts or js, not "${value}"`);
}

/** `--flag a,b --flag c` → ["a", "b", "c"]. */
function splitList(values: string[] | undefined): string[] | undefined {
  return values?.flatMap((list) => list.split(",")).map((item) => item.trim()).filter(Boolean);
}
