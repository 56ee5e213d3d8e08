// Config: polar-codegen.config.json (or --config FILE) merged under the caller's flags.
// Paths in a config file are relative to that file; paths given as flags, to the cwd.

import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isObject } from "./openapi.js";
import { problem, type Problem } from "./problems.js";
import { DEFAULT_OPERATIONS } from "./defaults.js";
import { packageRoot } from "./templates.js";

export const CONFIG_FILE = "polar-codegen.config.json";

export interface CodegenOptions {
  /** Spec file path or http(s) URL. Default: the embedded spec. */
  spec?: string;
  /** Output folder. Default: `generated/polar`. */
  out?: string;
  /** operationIds to generate. Default: the three Polar operations. */
  operations?: string[];
  allowRemoteRefs?: boolean;
  /** Config file; `polar-codegen.config.json` in `cwd` is read when present. `false` reads none. */
  config?: string | false;
  cwd?: string;
  fetch?: typeof fetch;
}

export interface ResolvedTarget {
  /** Absolute path or URL. */
  spec: string;
  /** How the spec is named in headers: relative to the cwd, POSIX separators. Same on every machine. */
  specLabel: string;
  /** Absolute output folder. */
  out: string;
  operations: string[];
  allowRemoteRefs: boolean;
  cwd: string;
  fetch?: typeof fetch;
  /** The config file read, if any (absolute). */
  configFile?: string;
}

const EMBEDDED_SPEC = join(packageRoot, "spec", "polar.openapi.yaml");

export async function resolveTarget(options: CodegenOptions): Promise<{ target?: ResolvedTarget; problems: Problem[] }> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const loaded = await readConfig({ cwd, config: options.config });
  if (!loaded.config) return { problems: loaded.problems };
  const { config, file } = loaded;
  const base = file ? dirname(file) : cwd;
  const spec = options.spec ? locate(cwd, options.spec) : config.spec ? locate(base, config.spec) : EMBEDDED_SPEC;
  const out = options.out ? locate(cwd, options.out) : locate(base, config.out ?? join("generated", "polar"));
  return {
    problems: [],
    target: {
      spec,
      specLabel: labelFor({ cwd, spec }),
      out,
      operations: options.operations ?? config.operations ?? [...DEFAULT_OPERATIONS],
      allowRemoteRefs: options.allowRemoteRefs ?? config.allowRemoteRefs ?? false,
      cwd,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(file ? { configFile: file } : {}),
    },
  };
}

interface ConfigFile {
  spec?: string;
  out?: string;
  operations?: string[];
  allowRemoteRefs?: boolean;
}

async function readConfig(options: { cwd: string; config: string | false | undefined }): Promise<{
  config?: ConfigFile;
  file?: string;
  problems: Problem[];
}> {
  if (options.config === false) return { config: {}, problems: [] };
  const file = resolve(options.cwd, options.config ?? CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && options.config === undefined) return { config: {}, problems: [] };
    return { problems: [problem({ code: "config-unreadable", message: `cannot read config file ${file}: ${(error as Error).message}`, path: "" })] };
  }
  const parsed = parseConfig({ text, file: relative(options.cwd, file) || file });
  return parsed.config ? { config: parsed.config, file, problems: [] } : { problems: parsed.problems };
}

function parseConfig(options: { text: string; file: string }): { config?: ConfigFile; problems: Problem[] } {
  const fail = (message: string, path = "") => ({ problems: [problem({ code: "config-invalid", message: `${options.file}: ${message}`, path })] });
  let value: unknown;
  try {
    value = JSON.parse(options.text);
  } catch (error) {
    return fail(`not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) return fail("must be a JSON object");
  for (const key of ["spec", "out"] as const) {
    if (value[key] !== undefined && typeof value[key] !== "string") return fail(`"${key}" must be a string`, `/${key}`);
  }
  const operations = value.operations;
  if (operations !== undefined && !(Array.isArray(operations) && operations.every((id) => typeof id === "string"))) {
    return fail(`"operations" must be an array of operationId strings`, "/operations");
  }
  return { config: value as ConfigFile, problems: [] };
}

function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

function locate(base: string, path: string): string {
  return isUrl(path) || isAbsolute(path) ? path : resolve(base, path);
}

function labelFor(options: { cwd: string; spec: string }): string {
  if (isUrl(options.spec)) return options.spec;
  if (options.spec === EMBEDDED_SPEC) return "polar-codegen/spec/polar.openapi.yaml";
  const relativePath = relative(options.cwd, options.spec);
  return (isAbsolute(relativePath) ? options.spec : relativePath).split(sep).join("/");
}
