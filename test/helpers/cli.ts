import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../generator/main.js";

export const CLI = resolve("dist/generator/cli.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface CliOptions {
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
}

/**
 * Run the CLI in this process, through `main(argv, io)`, with its own stdout, stderr,
 * working directory and environment: what a user sees, without a process per run.
 */
export async function runCli(options: CliOptions): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: resolve(options.cwd ?? process.cwd()),
    env: { ...process.env, ...options.env },
  };
  const code = await main(options.args, io);
  return { code, stdout, stderr };
}

/** Run the built CLI as a user would, in `cwd`: for what only a real process shows (exit, pipes, signals, startup). */
export function runCliProcess(options: CliOptions): CliRun {
  const child = spawnSync(process.execPath, [CLI, ...options.args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

export function scratchDir(prefix = "polar-codegen-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
