#!/usr/bin/env node
// The `polar-codegen` binary: the CLI (main.ts) with the process's own stdout, stderr,
// working directory and environment. Exit codes: 0 success (or in sync), 1 out of date
// (--check), 2 bad input or any other error.

// Before any heavy module is loaded (see code-cache.ts). `serve` and `generate` enable it
// themselves, and only when they have to generate: a warm start or a build step whose
// stamp is current loads nothing the cache covers, and node:crypto and node:vm alone
// would cost a few of its milliseconds.
const SELF_CACHING = new Set(["serve", "generate"]);
const subcommand = process.argv[2];
if (subcommand !== undefined && !subcommand.startsWith("-") && !SELF_CACHING.has(subcommand)) (await import("./code-cache.js")).enableCodeCache();

// `polar-codegen inspect | head`: the reader is gone, so stop quietly instead of a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

const { main } = await import("./main.js");
const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, codeCache: true };
process.exitCode = await main(process.argv.slice(2), io);
