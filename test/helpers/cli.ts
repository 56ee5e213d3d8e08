import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const CLI = resolve("dist/generator/cli.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would, in `cwd`. */
export function runCli(options: { args: string[]; cwd?: string; env?: Record<string, string> }): CliRun {
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
