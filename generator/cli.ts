#!/usr/bin/env node
// The `polar-codegen` binary: the CLI (main.ts) with the process's own stdout, stderr,
// working directory and environment. Exit codes: 0 success (or in sync), 1 out of date
// (--check), 2 bad input or any other error.

import { enableCompileCache } from "./compile-cache.js";

// Before any heavy module is loaded.
enableCompileCache();

// `polar-codegen inspect | head`: the reader is gone, so stop quietly instead of a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

const { main } = await import("./main.js");
const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
process.exitCode = await main(process.argv.slice(2), io);
