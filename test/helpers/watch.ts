// A `polar-codegen --watch` child process for tests: wait for lines, send signals.
import { spawn, type ChildProcess } from "node:child_process";
import { CLI } from "./cli.js";

export interface WatchChild {
  /** The next line on stdout (or stderr, with `stream`) matching `pattern`, after what was already read. */
  line(pattern: RegExp, options?: { stream?: "stdout" | "stderr"; timeoutMs?: number }): Promise<string>;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Send a signal and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startWatch(options: { cwd: string; args: string[] }): WatchChild {
  const child: ChildProcess = spawn(process.execPath, [CLI, "--watch", ...options.args], { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  const text = { stdout: "", stderr: "" };
  const read = { stdout: 0, stderr: 0 };
  const listeners = new Set<() => void>();
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream]!.setEncoding("utf8");
    child[stream]!.on("data", (chunk: string) => {
      text[stream] += chunk;
      for (const listener of listeners) listener();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    line(pattern, lineOptions = {}) {
      const stream = lineOptions.stream ?? "stdout";
      return new Promise((resolve, reject) => {
        const check = () => {
          const lines = text[stream].slice(read[stream]).split("\n");
          let consumed = read[stream];
          for (const candidate of lines.slice(0, -1)) {
            consumed += candidate.length + 1;
            if (pattern.test(candidate)) {
              read[stream] = consumed;
              finish(() => resolve(candidate));
              return;
            }
          }
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no ${stream} line matching ${pattern} within the time allowed\nstdout:\n${text.stdout}\nstderr:\n${text.stderr}`))),
          lineOptions.timeoutMs ?? 20_000,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    output: () => ({ ...text }),
    async stop(signal = "SIGINT") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
