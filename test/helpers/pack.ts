// The project as users get it: `npm pack` (of the dist/ just built), installed with npm.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** npm's own settings from the outer `npm run`, which must not leak into a nested project. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== "INIT_CWD"));
}

export function run(options: { command: string; args: string[]; cwd: string }): { code: number | null; stdout: string; stderr: string } {
  const child = spawnSync(options.command, options.args, { cwd: options.cwd, encoding: "utf8", env: cleanEnv(), timeout: 240_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Pack the project into `dir` (scripts skipped: `npm run test:corpus` built dist/ already); the tarball's path. */
export function packProject(dir: string): string {
  const packed = run({ command: "npm", args: ["pack", "--ignore-scripts", "--pack-destination", dir], cwd: resolve(".") });
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  return join(dir, packed.stdout.trim().split("\n").pop()!);
}

/**
 * Install offline from npm's cache when it holds everything, else from the registry:
 * fast on a warm machine, and still works on a fresh one.
 */
export function npmInstall(options: { cwd: string; packages?: string[] }): void {
  const installed = run({ command: "npm", args: ["install", "--prefer-offline", "--no-audit", "--no-fund", ...(options.packages ?? [])], cwd: options.cwd });
  if (installed.code !== 0) throw new Error(`npm install failed in ${options.cwd}:\n${installed.stderr}`);
}

/** Bytes of every file below `dir`, links not followed. */
export function bytesBelow(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}
