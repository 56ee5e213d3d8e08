// Node's module compile cache (`module.enableCompileCache`, Node 22.1 and later): V8's
// compiled code for the modules a run loads (the TypeScript compiler, prettier) is kept
// on disk, and the next run reads it instead of compiling their source again. Node
// checks each entry against the source and its own version. Older Node has none, and
// runs as before. NODE_DISABLE_COMPILE_CACHE=1 turns it off; NODE_COMPILE_CACHE=dir
// moves it (both Node's own switches).

import nodeModule from "node:module";

type EnableCompileCache = () => { directory?: string };

/** Switched on once, by the CLI, before any heavy module loads. */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enable !== "function") return;
  const { directory } = enable.call(nodeModule);
  // A worker thread is a Node instance of its own: it takes the cache from its environment.
  if (directory && process.env.NODE_COMPILE_CACHE === undefined) process.env.NODE_COMPILE_CACHE = directory;
}
