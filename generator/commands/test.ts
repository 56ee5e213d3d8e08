// `polar-codegen test`: runs the generated contract suite (<out>/contract) with vitest,
// against the generated fake, or a live server with --base-url. Credentials come from
// the environment only (POLAR_CONTRACT_ACCESS_TOKEN, POLAR_CONTRACT_CUSTOMER_SESSION),
// never from the command line, where other users of the machine could read them.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { EXIT_ERROR, parseFlags, TARGET_FLAGS, targetOptions, UsageError } from "./report.js";
import { cliIo } from "../io.js";

const FLAGS = {
  ...TARGET_FLAGS,
  "base-url": { type: "string" },
  fixtures: { type: "string" },
  "allow-destructive": { type: "boolean" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
  const { resolveTarget } = await import("../config.js");
  const { target, problems } = await resolveTarget(targetOptions(values));
  if (!target) throw new (await import("../problems.js")).ProblemError(problems);
  const suite = join(target.out, "contract");
  if (!existsSync(join(suite, "contract.test.ts"))) throw new UsageError(`no contract suite in ${suite}: run polar-codegen first`);
  const vitest = findVitest(target.cwd);
  const env: NodeJS.ProcessEnv = { ...cliIo().env };
  if (values["base-url"]) env.POLAR_CONTRACT_BASE_URL = values["base-url"];
  // Resolved here: the suite runs with its own folder as the working directory.
  const fixtures = values.fixtures ?? env.POLAR_CONTRACT_FIXTURES;
  if (fixtures) env.POLAR_CONTRACT_FIXTURES = resolve(cliIo().cwd, fixtures);
  if (values["allow-destructive"]) env.POLAR_CONTRACT_ALLOW_DESTRUCTIVE = "1";
  // A config of its own, the suite's folder as root: the project's vitest config (which
  // may leave generated code out, or hold other projects) does not apply to it.
  const scratch = mkdtempSync(join(tmpdir(), "polar-codegen-test-"));
  const config = join(scratch, "vitest.config.mjs");
  // Its cache goes to the scratch folder, not node_modules/.vite inside the generated folder.
  const settings = { cacheDir: join(scratch, "vite-cache"), test: { include: ["contract.test.ts"] } };
  writeFileSync(config, `export default ${JSON.stringify(settings)};\n`);
  const child = spawn(process.execPath, [vitest, "run", "--config", config, "--root", suite], { cwd: suite, env, stdio: "inherit" });
  return new Promise((done) => {
    child.on("error", () => done(EXIT_ERROR));
    child.on("close", (code) => {
      rmSync(scratch, { recursive: true, force: true });
      done(code === 0 ? 0 : 1);
    });
  });
}

function findVitest(cwd: string): string {
  try {
    const manifest = createRequire(join(cwd, "noop.js")).resolve("vitest/package.json");
    return join(dirname(manifest), "vitest.mjs");
  } catch {
    throw new UsageError("vitest is not installed here; the contract suite needs it and fast-check: npm install -D vitest fast-check");
  }
}
