// Preloaded into a benchmarked process (`node --import`): reports its peak memory on exit.
import { writeSync } from "node:fs";

process.on("exit", () => {
  const fd = Number(process.env.BENCH_RSS_FD ?? 2);
  writeSync(fd, `\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
