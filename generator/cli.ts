#!/usr/bin/env node
// The `polar-codegen` command: parse the subcommand and hand over. Exit codes:
// 0 success (or in sync), 1 out of date (--check), 2 bad input or any other error.

import { reportFailure } from "./commands/report.js";
import { enableCompileCache } from "./compile-cache.js";

// Before any heavy module is loaded.
enableCompileCache();

// `polar-codegen inspect | head`: the reader is gone, so stop quietly instead of a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

const SUBCOMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  generate: () => import("./commands/generate.js"),
  inspect: () => import("./commands/inspect.js"),
  diff: () => import("./commands/diff.js"),
  serve: () => import("./commands/serve.js"),
  "scaffold-handlers": () => import("./commands/scaffold.js"),
  test: () => import("./commands/test.js"),
};

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const load = first !== undefined ? SUBCOMMANDS[first] : undefined;
  const command = load ? await load() : await SUBCOMMANDS.generate!();
  return command.run(load ? rest : argv);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportFailure(error);
  },
);
