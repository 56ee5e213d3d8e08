// Preloaded into a benchmarked process (`node --import`): reports its peak memory on exit.
// Worker threads inherit the preload; the process's peak (all threads) is the main thread's to report.
import { writeSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  process.on("exit", () => {
    const fd = Number(process.env.BENCH_RSS_FD ?? 2);
    writeSync(fd, `\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
  });
}
