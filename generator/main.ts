// The CLI as a function: `main(argv, io)` runs one `polar-codegen` command with the given
// stdout, stderr, working directory and environment, and returns its exit code (0 success
// or in sync, 1 out of date, 2 bad input or any other error). The binary (cli.ts) calls it
// with the process's own; tests call it in process.

import { reportFailure } from "./commands/report.js";
import { cliIo, terminalSafeWriter, withCliIo, type CliIo } from "./io.js";

export type { CliIo, CliWriter } from "./io.js";

const SUBCOMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  generate: () => import("./commands/generate.js"),
  inspect: () => import("./commands/inspect.js"),
  diff: () => import("./commands/diff.js"),
  serve: () => import("./commands/serve.js"),
  "scaffold-handlers": () => import("./commands/scaffold.js"),
  test: () => import("./commands/test.js"),
};

export function main(argv: string[], io: CliIo = cliIo()): Promise<number> {
  return withCliIo({
    io: { ...io, stderr: terminalSafeWriter(io.stderr) },
    run: async () => {
      try {
        const [first, ...rest] = argv;
        const load = first !== undefined ? SUBCOMMANDS[first] : undefined;
        const command = load ? await load() : await SUBCOMMANDS.generate!();
        return await command.run(load ? rest : argv);
      } catch (error) {
        return reportFailure(error);
      }
    },
  });
}
