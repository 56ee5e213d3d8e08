// `polar-codegen serve [--spec FILE] [--port N] [--seed FILE]`: the fake Polar for a
// spec on 127.0.0.1. A start whose inputs were seen before runs straight from the
// compiled cache; only a new spec or generator pays for generation and compilation.

import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ResolvedTarget } from "../config.js";
import { EXIT_OK, parseFlags, TARGET_FLAGS, targetOptions, UsageError } from "./report.js";
import { cliIo } from "../io.js";

export const SERVE_HELP = `polar-codegen serve: run the fake Polar for a spec on 127.0.0.1.

Usage:
  polar-codegen serve [--spec FILE] [--port N] [--seed FILE] [--config FILE] [--operations IDS]
                      [--webhook-url URL] [--webhook-secret SECRET]

Options:
  --spec FILE|URL   the OpenAPI spec; default: the config's, else the embedded Polar spec
  --port N          the port; default 4010; 0 picks a free one
  --seed FILE       the fake's initial state, JSON:
                    {"customers":[...],"subscriptions":[...],"access_tokens":[...],
                     "customer_sessions":[...],"member_sessions":[...]}
  --webhook-url URL POST the webhook events Polar sends for each change to URL, signed
                    as Polar signs them (Standard Webhooks), retried while it fails
  --webhook-secret SECRET
                    the endpoint's secret, as Polar's dashboard shows it; default
                    $POLAR_WEBHOOK_SECRET; without one, deliveries are unsigned
  -q, --quiet       no line per request or webhook delivery (errors are still printed)

Without "access_tokens" in the seed, prints "access token: polar_oat_... (scopes: ...)",
the one organization token the fake then accepts. Unless --quiet, tells on stderr which
operations the fake models ("modelled (N): ..."), which answer their spec's example, and
which answer 501 (not modelled). Prints "listening on
http://127.0.0.1:N" once it accepts connections, then one line per request and one per
webhook delivery attempt. Stops on SIGINT or SIGTERM. Generated code is cached (by content hash) in
$POLAR_CODEGEN_CACHE_DIR, default <tmp>/polar-codegen-serve.
`;

const DEFAULT_PORT = 4010;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags({
    args: argv,
    options: {
      ...TARGET_FLAGS,
      port: { type: "string" },
      seed: { type: "string" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    cliIo().stdout.write(SERVE_HELP);
    return EXIT_OK;
  }
  const port = parsePort(values.port);
  const seed = values.seed === undefined ? {} : readSeed(values.seed);
  const webhooks = webhookOptions({ url: values["webhook-url"], secret: values["webhook-secret"] ?? cliIo().env.POLAR_WEBHOOK_SECRET });
  const dir = await prepare(targetOptions(values));
  const { serveFake } = await import("../serve/listen.js");
  let running;
  try {
    const log = (line: string) => cliIo().stdout.write(`${line}\n`);
    const quiet = values.quiet === true;
    running = await serveFake({ dir, port, seed, log, logRequests: !quiet, ...(webhooks ? { webhooks: { ...webhooks, ...(quiet ? {} : { log }) } } : {}) });
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith("fake seed")) throw new UsageError(`--seed ${values.seed}: ${error.message}`);
    throw error;
  }
  const stop = () => running.stop();
  // Installed before the line is printed: whoever reads it may signal at once.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // An empty store answers 404 to every id, which looks like a broken fake unless said.
  if (values.seed === undefined && values.quiet !== true) cliIo().stderr.write(`polar-codegen: the store is empty (no --seed): every id answers 404; seed it with --seed FILE (format: serve --help)\n`);
  // The seed names no access_tokens: the one token the fake accepts for the organization's endpoints.
  if (running.accessToken) cliIo().stdout.write(`access token: ${running.accessToken.token} (scopes: ${running.accessToken.scopes.join(" ")})\n`);
  if (values.quiet !== true) cliIo().stderr.write(coverageLines(running.coverage));
  cliIo().stdout.write(`listening on ${running.url}\n`);
  await running.stopped;
  return EXIT_OK;
}

/** The cache folder holding the compiled fake, built first when it is missing or stale. */
async function prepare(options: ReturnType<typeof targetOptions>): Promise<string> {
  const starts = await import("../serve/start-index.js");
  const key = starts.startKey({ cwd: cliIo().cwd, flags: options });
  const known = starts.findStart(key);
  if (known) return known;
  const { CONFIG_FILE, EMBEDDED_SPEC, resolveTarget } = await import("../config.js");
  const { target, problems } = await resolveTarget(options);
  if (!target) throw new (await import("../problems.js")).ProblemError(problems);
  const { cacheDirFor, findCached, sha256, startFiles } = await import("../serve/cache.js");
  // A remote spec may change under the same URL: it is fetched and built on every start.
  if (/^https?:\/\//i.test(target.spec)) return build({ target, dir: `${starts.cacheRoot()}/remote-${(await sha256(target.spec)).slice(0, 24)}`, embeddedSpec: EMBEDDED_SPEC });
  const dir = await cacheDirFor(target);
  if (!(await findCached(dir))) await build({ target, dir, embeddedSpec: EMBEDDED_SPEC });
  const configFile = target.configFile ?? join(target.cwd, CONFIG_FILE);
  starts.recordStart({ key, dir, files: startFiles({ target, dir, configFile }) });
  return dir;
}

async function build(options: { target: ResolvedTarget; dir: string; embeddedSpec: string }): Promise<string> {
  const { target } = options;
  // The header's label is relative to the output folder; the user knows the spec as they named it.
  const named = /^https?:\/\//i.test(target.spec) || target.spec === options.embeddedSpec;
  const spec = named ? target.specLabel : relative(cliIo().cwd, target.spec);
  cliIo().stderr.write(`polar-codegen: generating the fake for ${spec} (cached for the next start)\n`);
  const { buildCache } = await import("../serve/build.js");
  await buildCache(options);
  return options.dir;
}

/** Which operations the fake models, which answer their spec's example, which answer 501. */
function coverageLines(coverage: { modelled: string[]; examples: string[]; notModelled: string[] }): string {
  const line = (label: string, ids: string[]) => (ids.length ? `polar-codegen: ${label} (${ids.length}): ${ids.join(", ")}\n` : "");
  return line("modelled", coverage.modelled) + line("answering the spec's example", coverage.examples) + line("not modelled, answering 501", coverage.notModelled);
}

function webhookOptions(options: { url: string | undefined; secret: string | undefined }): { url: string; secret?: string } | undefined {
  const { url, secret } = options;
  if (url === undefined) {
    if (options.secret !== undefined && cliIo().env.POLAR_WEBHOOK_SECRET === undefined) throw new UsageError("--webhook-secret needs --webhook-url");
    return undefined;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new UsageError(`--webhook-url must be an http or https URL${parsed ? `, not ${parsed.protocol}` : ""}`);
  return secret ? { url, secret } : { url };
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}"`);
  return port;
}

function readSeed(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--seed ${file}: cannot read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--seed ${file}: not valid JSON: ${(error as Error).message}`);
  }
}
