// Reading a source: a local file or an http(s) URL. Failures come back as problems
// with the code the caller chooses (the spec itself, or a file a `$ref` names).

import { readFile as fsReadFile } from "node:fs/promises";
import { problem, type Problem, type SourcePosition } from "../problems.js";
import { cliIo } from "../io.js";

export interface Readers {
  readFile: (absPath: string) => Promise<string>;
  fetch: typeof fetch | undefined;
}

export function defaultReaders(options: { readFile?: Readers["readFile"]; fetch?: typeof fetch }): Readers {
  return {
    readFile: options.readFile ?? ((absPath) => fsReadFile(absPath, "utf8")),
    fetch: options.fetch ?? globalThis.fetch,
  };
}

export function isRemote(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

export async function readSource(options: {
  location: string;
  label: string;
  readers: Readers;
  /** "spec" for the document the user named, "ref" for a file reached by `$ref`. */
  role: "spec" | "ref";
  path?: string;
  position?: SourcePosition;
}): Promise<{ text?: string; problem?: Problem }> {
  try {
    return isRemote(options.location) ? await fetchText(options) : { text: await options.readers.readFile(options.location) };
  } catch (error) {
    return { problem: readProblem({ ...options, error }) };
  }
}

/** How long a spec or `$ref`'d URL may take to arrive, body included; POLAR_CODEGEN_FETCH_TIMEOUT_MS overrides it. */
const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

async function fetchText(options: { location: string; label: string; readers: Readers }): Promise<{ text: string }> {
  if (!options.readers.fetch) throw new Error("no fetch available in this runtime");
  const timeoutMs = Number(cliIo().env.POLAR_CODEGEN_FETCH_TIMEOUT_MS) || DEFAULT_FETCH_TIMEOUT_MS;
  try {
    const response = await options.readers.fetch(options.location, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new HttpError(`HTTP ${response.status} ${response.statusText}`.trim());
    return { text: await response.text() };
  } catch (error) {
    if ((error as Error).name === "TimeoutError") {
      throw new Error(`no complete answer within ${timeoutMs / 1000} s (set POLAR_CODEGEN_FETCH_TIMEOUT_MS to wait longer)`);
    }
    // undici says only "fetch failed"; the reason (refused, unknown host) is its cause.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) throw new Error(`${(error as Error).message}: ${cause.message}`);
    throw error;
  }
}

class HttpError extends Error {}

function readProblem(options: {
  location: string;
  label: string;
  role: "spec" | "ref";
  error: unknown;
  path?: string;
  position?: SourcePosition;
}): Problem {
  const { label, role, error } = options;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  const what = role === "spec" ? "spec file" : "file named by $ref";
  if (isRemote(options.location)) {
    const where = { path: options.path ?? "", ...(options.position ? { position: options.position } : {}) };
    return problem({ code: `${role}-fetch-failed`, message: `could not fetch ${label}: ${reason}`, ...where });
  }
  const where = { path: options.path ?? "", file: label, ...(options.position ? { position: options.position } : {}) };
  if (code === "ENOENT") return problem({ code: `${role}-not-found`, message: `${what} not found: ${label}`, ...where });
  if (code === "EISDIR") return problem({ code: `${role}-unreadable`, message: `${what} is a directory: ${label}`, ...where });
  return problem({ code: `${role}-unreadable`, message: `could not read ${what} ${label}: ${reason}`, ...where });
}
