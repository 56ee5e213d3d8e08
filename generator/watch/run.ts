// `polar-codegen --watch`: generate, then regenerate on every change to the spec, a
// file it `$ref`s or the config, one run at a time, until SIGINT or SIGTERM. A run in
// progress when the signal arrives is finished first, so no lock or staged file is left.

import { relative } from "node:path";
import type { ResolveOptions } from "../config.js";
import { createWatchSession } from "./session.js";
import { watchFiles } from "./watcher.js";
import { cliIo } from "../io.js";

/**
 * Quiet time after the last event before regenerating. A save is a burst of events
 * microseconds apart (write a temporary file, rename it over the spec; or truncate, then
 * write); a half-written file read by mistake only fails to parse, keeps the last good
 * output, and the next event of the burst regenerates.
 */
const DEBOUNCE_MS = 10;

export async function runWatch(input: { options: ResolveOptions; quiet: boolean }): Promise<number> {
  const stopped = new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  const reporter = {
    line: (text: string) => void (input.quiet || cliIo().stdout.write(`${text}\n`)),
    error: (text: string) => void cliIo().stderr.write(`${text}\n`),
  };
  const session = createWatchSession({ options: input.options, reporter });
  const queued = new Set<string>();
  let running: Promise<void> | undefined;
  let stopping = false;
  let shown = "";

  const refresh = () => {
    const files = session.files();
    watcher.setFiles(files);
    const listed = files.map((file) => relative(cliIo().cwd, file)).join(", ");
    if (listed !== shown) reporter.line(`polar-codegen: watching ${listed} (Ctrl-C to stop)`);
    shown = listed;
  };
  const pump = () => {
    if (running || stopping || queued.size === 0) return;
    const files = [...queued].sort();
    queued.clear();
    running = session.cycle(files).finally(() => {
      running = undefined;
      if (!stopping) refresh();
      pump();
    });
  };
  const watcher = watchFiles({
    debounceMs: DEBOUNCE_MS,
    onChange: (files) => {
      for (const file of files) queued.add(file);
      pump();
    },
  });

  running = session
    .cycle(undefined)
    .then(() => !stopping && refresh())
    .then(() => session.prime(() => stopping || queued.size > 0))
    .finally(() => {
      running = undefined;
      pump();
    });
  await stopped;
  stopping = true;
  watcher.close();
  await running;
  reporter.line("polar-codegen: stopped watching");
  return 0;
}
