// Where the CLI writes and what it reads from its surroundings: stdout, stderr, the
// working directory and the environment. The `polar-codegen` binary runs with the
// process's own; `main(argv, io)` runs a command with others (tests run the CLI in
// process that way). Held per async call chain, so two in-process runs never mix.

import { AsyncLocalStorage } from "node:async_hooks";

export interface CliWriter {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
  /** Absolute path: relative paths in flags and messages are taken from here. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Load the big CommonJS dependencies through the V8 code cache (code-cache.ts): the binary only. */
  codeCache?: boolean;
}

const current = new AsyncLocalStorage<CliIo>();

/** The io of the command running in this call chain, else the process's own. */
export function cliIo(): CliIo {
  return current.getStore() ?? { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

export function withCliIo<T>(options: { io: CliIo; run: () => Promise<T> }): Promise<T> {
  return current.run(options.io, options.run);
}
