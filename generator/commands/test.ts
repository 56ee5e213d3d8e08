// `polar-codegen test`: runs the generated contract suite (<out>/contract) with vitest,
// against the generated fake, or a live server with --base-url. It generates for the
// spec first (the build stamp makes that free when nothing changed), so the suite run is
// always the one for the spec named. Credentials come from the environment only
// (POLAR_CONTRACT_ACCESS_TOKEN, POLAR_CONTRACT_CUSTOMER_SESSION), never from the
// command line, where other users of the machine could read them.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { ResolvedTarget } from "../config.js";
import { EXIT_ERROR, parseFlags, printHelp, TARGET_FLAGS, targetOptions, UsageError } from "./report.js";
import { cliIo } from "../io.js";

const FLAGS = {
  ...TARGET_FLAGS,
  "base-url": { type: "string" },
  fixtures: { type: "string" },
  "allow-destructive": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
  if (values.help) return printHelp((await import("./help.js")).TEST_HELP);
  const { resolveTarget } = await import("../config.js");
  const { target, problems } = await resolveTarget(targetOptions(values));
  if (!target) throw new (await import("../problems.js")).ProblemError(problems);
  const vitest = findVitest(target.cwd);
  const env: NodeJS.ProcessEnv = { ...cliIo().env };
  if (values["base-url"]) env.POLAR_CONTRACT_BASE_URL = values["base-url"];
  // Resolved here: the suite runs with its own folder as the working directory.
  const fixtures = values.fixtures ?? env.POLAR_CONTRACT_FIXTURES;
  if (fixtures) env.POLAR_CONTRACT_FIXTURES = resolve(cliIo().cwd, fixtures);
  await generateFirst(target);
  const suite = join(target.out, "contract");
  if (!existsSync(join(suite, "contract.test.ts"))) throw new UsageError(`no contract suite in ${suite}`);
  if (env.POLAR_CONTRACT_BASE_URL) refuseWithoutCredentials({ suite, env });
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

/** The output for the spec named, written only where it differs: the suite run is always that spec's. */
async function generateFirst(target: ResolvedTarget): Promise<void> {
  const { generateTarget } = await import("../generate.js");
  const result = await generateTarget({ target, force: false, parallel: true });
  if (result.status !== "generated" || result.written.length + result.removed.length === 0) return;
  const { relative } = await import("node:path");
  const spec = /^https?:/i.test(target.spec) ? target.spec : relative(cliIo().cwd, target.spec) || target.spec;
  cliIo().stderr.write(`polar-codegen: generated ${relative(cliIo().cwd, target.out) || "."} from ${spec} first (${result.written.length} written)\n`);
}

/** Where a live run reads each kind of credential: the suite's target.ts reads the same (test/unit/credential-variables.test.ts). */
export const CREDENTIAL_VARIABLES: Readonly<Record<string, string>> = {
  accessToken: "POLAR_CONTRACT_ACCESS_TOKEN",
  personalAccessToken: "POLAR_CONTRACT_PERSONAL_ACCESS_TOKEN",
  oidcToken: "POLAR_CONTRACT_OIDC_TOKEN",
  customerSession: "POLAR_CONTRACT_CUSTOMER_SESSION",
  memberSession: "POLAR_CONTRACT_MEMBER_SESSION",
  basicAuth: "POLAR_CONTRACT_BASIC_AUTH",
};

/**
 * A live run needs, for each operation with security, a credential of a kind it takes
 * (the suite sends the first it holds: POLAR_CONTRACT_ACCESS_TOKEN for Polar's
 * organization token and another API's token or API key, _PERSONAL_ACCESS_TOKEN,
 * _OIDC_TOKEN, _CUSTOMER_SESSION, _MEMBER_SESSION, _BASIC_AUTH as `user:password`):
 * without one every case would fail in turn, so refuse up front, in one line naming the
 * variables.
 */
function refuseWithoutCredentials(input: { suite: string; env: NodeJS.ProcessEnv }): void {
  const generated = JSON.parse(readFileSync(join(input.suite, "generated.json"), "utf8")) as { operations: Array<{ id: string; security: Array<{ kind: string }> }> };
  const sessionsInFixtures = input.env.POLAR_CONTRACT_FIXTURES ? fixtureSessions(input.env.POLAR_CONTRACT_FIXTURES) : new Set<string>();
  const missing = new Map<string, string[]>();
  for (const operation of generated.operations) {
    if (operation.security.length === 0) continue;
    const kinds = [...new Set(operation.security.map((entry) => entry.kind))].filter((kind) => Object.hasOwn(CREDENTIAL_VARIABLES, kind));
    const variables = Object.keys(CREDENTIAL_VARIABLES).filter((kind) => kinds.includes(kind));
    if (variables.some((kind) => input.env[CREDENTIAL_VARIABLES[kind]!] || sessionsInFixtures.has(kind))) continue;
    const named = variables.map((kind) => CREDENTIAL_VARIABLES[kind]!).join(" or ");
    missing.set(named, [...(missing.get(named) ?? []), operation.id]);
  }
  if (missing.size === 0) return;
  const named = [...missing].map(([variable, ids]) => `${variable} (for ${ids.join(", ")})`).join(" and ");
  throw new Error(`a live run (--base-url) needs credentials in the environment: set ${named}`);
}

/** The kinds of session the fixtures name a token of (`customerSession`, `memberSession`). */
function fixtureSessions(file: string): Set<string> {
  try {
    const fixtures = JSON.parse(readFileSync(file, "utf8")) as Record<string, Array<{ token?: unknown }> | undefined>;
    const kinds = new Set<string>();
    if (typeof fixtures["customer_sessions"]?.[0]?.token === "string") kinds.add("customerSession");
    if (typeof fixtures["member_sessions"]?.[0]?.token === "string") kinds.add("memberSession");
    return kinds;
  } catch {
    return new Set();
  }
}

function findVitest(cwd: string): string {
  try {
    const manifest = createRequire(join(cwd, "noop.js")).resolve("vitest/package.json");
    return join(dirname(manifest), "vitest.mjs");
  } catch {
    throw new UsageError("vitest is not installed here; the contract suite needs it and fast-check: npm install -D vitest fast-check");
  }
}
