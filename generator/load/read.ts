// Reading a source: a local file or an http(s) URL (see fetch-remote.ts for the limits).
// Failures come back as problems with the code the caller chooses (the spec itself, or a
// file a `$ref` names).

import { readFile as fsReadFile } from "node:fs/promises";
import { problem, type Problem, type SourcePosition } from "../problems.js";
import { FetchRefusal, fetchRemote, type ByteBudget } from "./fetch-remote.js";

export interface Readers {
  readFile: (absPath: string) => Promise<string>;
  fetch: typeof fetch | undefined;
  /** Shared by every fetch of one load: the size cap holds for the spec and its `$ref`s together. */
  budget: ByteBudget;
}

export function defaultReaders(options: { readFile?: Readers["readFile"]; fetch?: typeof fetch }): Readers {
  return {
    readFile: options.readFile ?? ((absPath) => fsReadFile(absPath, "utf8")),
    fetch: options.fetch ?? globalThis.fetch,
    budget: { used: 0 },
  };
}

export function isRemote(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** The text, and for a URL where it was found after redirects: what its relative `$ref`s resolve against. */
export async function readSource(options: {
  location: string;
  label: string;
  readers: Readers;
  /** "spec" for the document the user named, "ref" for a file reached by `$ref`. */
  role: "spec" | "ref";
  /** Why a redirect to this URL may not be followed (see ref-policy.ts), or undefined when it may. */
  mayRedirect: (url: string) => string | undefined;
  path?: string;
  position?: SourcePosition;
}): Promise<{ text?: string; location?: string; problem?: Problem }> {
  try {
    if (!isRemote(options.location)) return { text: await options.readers.readFile(options.location) };
    const { fetch, budget } = options.readers;
    if (!fetch) throw new Error("no fetch available in this runtime");
    const fetched = await fetchRemote({ url: options.location, fetch, budget, mayRedirect: options.mayRedirect });
    return { text: fetched.text, location: fetched.url };
  } catch (error) {
    return { problem: readProblem({ ...options, error }) };
  }
}

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
    const kind = error instanceof FetchRefusal ? error.kind : "fetch-failed";
    return problem({ code: `${role}-${kind}`, message: `could not fetch ${label}: ${reason}`, ...where });
  }
  const where = { path: options.path ?? "", file: label, ...(options.position ? { position: options.position } : {}) };
  if (code === "ENOENT") return problem({ code: `${role}-not-found`, message: `${what} not found: ${label}`, ...where });
  if (code === "EISDIR") return problem({ code: `${role}-unreadable`, message: `${what} is a directory: ${label}`, ...where });
  return problem({ code: `${role}-unreadable`, message: `could not read ${what} ${label}: ${reason}`, ...where });
}
