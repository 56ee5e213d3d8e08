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
}

const current = new AsyncLocalStorage<CliIo>();

/** The io of the command running in this call chain, else the process's own. */
export function cliIo(): CliIo {
  return current.getStore() ?? { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/**
 * Characters a terminal acts on or hides (escape sequences, carriage return, C1 controls,
 * bidirectional overrides, line separators, lone surrogates): messages quote spec text,
 * which is untrusted, so these are written as `\uXXXX` instead.
 */
const TERMINAL_ACTIVE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_ACTIVE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A writer that passes text on terminal-safe: what stderr gets, since every message may quote the spec. */
export function terminalSafeWriter(writer: CliWriter): CliWriter {
  return { write: (text: string) => writer.write(terminalSafe(text)) };
}

export function withCliIo<T>(options: { io: CliIo; run: () => Promise<T> }): Promise<T> {
  return current.run(options.io, options.run);
}
