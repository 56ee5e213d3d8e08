// The config file, read and checked. Two shapes: the single form `{ spec, out,
// operations, allowRemoteRefs }`, and `targets: [{ name, spec, out, operations }]` for
// several specs or selections side by side (top-level `spec`, `operations`,
// `allowRemoteRefs`, `importExtension` and `format` are then defaults every target
// inherits; `out` is per target).

import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { isObject } from "./openapi.js";
import { problem, type Problem } from "./problems.js";
import { closestMatches } from "./text/closest.js";

export const CONFIG_FILE = "polar-codegen.config.json";

export interface TargetEntry {
  name: string;
  spec?: string;
  out?: string;
  operations?: string[];
  allowRemoteRefs?: boolean;
  importExtension?: ImportExtension;
  format?: OutputFormat;
}

/** How generated files name the files they import: `.js` (tsc, bundlers) or `.ts` (type stripping). */
export type ImportExtension = ".js" | ".ts";
/** `"prettier"`: format the output as the user's prettier config says; absent: the generator's own style. */
export type OutputFormat = "prettier";

export interface ConfigFile {
  /** The API's name in generated code (`Petstore` → `createPetstoreClient`); every target inherits it. */
  name?: string;
  spec?: string;
  out?: string;
  operations?: string[];
  allowRemoteRefs?: boolean;
  importExtension?: ImportExtension;
  format?: OutputFormat;
  /** Present only in the multi-target form. */
  targets?: TargetEntry[];
}

export interface ReadConfig {
  config?: ConfigFile;
  /** Absolute path of the file read, if any. */
  file?: string;
  /** How the file is named in messages (relative to the cwd). */
  label?: string;
  /** The file's text, to locate a fault found later (a target's `out` clashing, say). */
  text?: string;
  problems: Problem[];
}

const TOP_KEYS = ["$schema", "name", "spec", "out", "operations", "allowRemoteRefs", "importExtension", "format", "targets"];
const TARGET_KEYS = ["name", "spec", "out", "operations", "allowRemoteRefs", "importExtension", "format"];
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** The API name becomes part of identifiers (`create${name}Client`). */
export const API_NAME_PATTERN = /^[A-Z][A-Za-z0-9]*$/;

export async function readConfig(options: { cwd: string; config: string | false | undefined }): Promise<ReadConfig> {
  if (options.config === false) return { config: {}, problems: [] };
  const file = resolve(options.cwd, options.config ?? CONFIG_FILE);
  const label = relative(options.cwd, file) || file;
  let text: string;
  try {
    // Synchronous: a small file, read by every run, the build step's fast path included.
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && options.config === undefined) return { config: {}, problems: [] };
    return { problems: [problem({ code: "config-unreadable", message: `cannot read config file ${file}: ${(error as Error).message}`, path: "" })] };
  }
  const parsed = parseConfig({ text, label });
  if (!parsed.config) return { problems: await locateConfigProblems({ problems: parsed.problems, text, label }) };
  return { config: parsed.config, file, label, text, problems: [] };
}

export function parseConfig(options: { text: string; label: string }): { config?: ConfigFile; problems: Problem[] } {
  const fail = (message: string, path = "") => ({ problems: [problem({ code: "config-invalid", message: `${options.label}: ${message}`, path })] });
  let value: unknown;
  try {
    value = JSON.parse(options.text);
  } catch (error) {
    return { problems: [jsonSyntaxProblem({ ...options, error: error as Error })] };
  }
  if (!isObject(value)) return fail("must be a JSON object");
  const fault = checkKeys({ value, allowed: TOP_KEYS, at: "" }) ?? checkSettings({ value, at: "" }) ?? checkTargets(value);
  if (fault) return fail(fault.message, fault.path);
  if (value.name !== undefined && (typeof value.name !== "string" || !API_NAME_PATTERN.test(value.name))) {
    return fail(`"name" must be an identifier starting with a capital letter, of letters and digits ("Petstore")`, "/name");
  }
  return { config: withOperationLists(value) as ConfigFile, problems: [] };
}

/** `"operations": "*"` (one selector) is read as `["*"]`, at the top and in each target. */
function withOperationLists(value: Record<string, unknown>): Record<string, unknown> {
  const listed = (entry: Record<string, unknown>) => (typeof entry.operations === "string" ? { ...entry, operations: [entry.operations] } : entry);
  const top = listed(value);
  return Array.isArray(top.targets) ? { ...top, targets: top.targets.map((entry) => (isObject(entry) ? listed(entry) : entry)) } : top;
}

interface Fault {
  message: string;
  path: string;
}

function checkKeys(options: { value: Record<string, unknown>; allowed: string[]; at: string }): Fault | undefined {
  const unknown = Object.keys(options.value).find((key) => !options.allowed.includes(key));
  if (unknown === undefined) return undefined;
  const near = closestMatches({ word: unknown, candidates: options.allowed, limit: 1 });
  const hint = near.length > 0 ? `; did you mean "${near[0]}"?` : `; known keys: ${options.allowed.join(", ")}`;
  return { message: `unknown key "${unknown}"${hint}`, path: `${options.at}/${unknown}` };
}

function checkSettings(options: { value: Record<string, unknown>; at: string }): Fault | undefined {
  const { value, at } = options;
  const where = (key: string) => (at === "" ? `"${key}"` : `${describe(at)} "${key}"`);
  for (const key of ["spec", "out"]) {
    if (value[key] !== undefined && (typeof value[key] !== "string" || value[key] === "")) return { message: `${where(key)} must be a non-empty string`, path: `${at}/${key}` };
  }
  const operations = value.operations;
  const selectors = typeof operations === "string" ? [operations] : operations;
  if (selectors !== undefined && !(Array.isArray(selectors) && selectors.length > 0 && selectors.every((id) => typeof id === "string" && id !== ""))) {
    return { message: `${where("operations")} must be "*", or a non-empty array of operationIds, "tag:NAME" or "*"`, path: `${at}/operations` };
  }
  if (value.allowRemoteRefs !== undefined && typeof value.allowRemoteRefs !== "boolean") {
    return { message: `${where("allowRemoteRefs")} must be true or false`, path: `${at}/allowRemoteRefs` };
  }
  if (value.importExtension !== undefined && value.importExtension !== ".js" && value.importExtension !== ".ts") {
    return { message: `${where("importExtension")} must be ".js" or ".ts"`, path: `${at}/importExtension` };
  }
  if (value.format !== undefined && value.format !== "prettier") {
    return { message: `${where("format")} must be "prettier" (or left out for the generator's own style)`, path: `${at}/format` };
  }
  return undefined;
}

function checkTargets(value: Record<string, unknown>): Fault | undefined {
  if (value.targets === undefined) return undefined;
  if (!Array.isArray(value.targets) || value.targets.length === 0) return { message: `"targets" must be a non-empty array`, path: "/targets" };
  if (value.out !== undefined) return { message: `"out" belongs in each target when "targets" is used (two targets cannot share a folder)`, path: "/out" };
  const seen = new Set<string>();
  for (const [index, entry] of value.targets.entries()) {
    const at = `/targets/${index}`;
    if (!isObject(entry)) return { message: `targets[${index}] must be an object`, path: at };
    const fault = checkKeys({ value: entry, allowed: TARGET_KEYS, at }) ?? checkSettings({ value: entry, at });
    if (fault) return fault;
    if (typeof entry.name !== "string" || !NAME_PATTERN.test(entry.name)) {
      return { message: `targets[${index}] needs a "name" of letters, digits, ".", "_" or "-"`, path: `${at}/name` };
    }
    if (seen.has(entry.name)) return { message: `two targets are named "${entry.name}"`, path: `${at}/name` };
    seen.add(entry.name);
    if (entry.out === undefined) return { message: `target "${entry.name}" needs an "out" folder`, path: at };
  }
  return undefined;
}

/** JSON.parse says "at position 38" (or "Unexpected end"): a line and column an editor can jump to. */
function jsonSyntaxProblem(input: { text: string; label: string; error: Error }): Problem {
  const offset = /at position (\d+)/.exec(input.error.message)?.[1];
  const at = offset === undefined ? input.text.length : Number(offset);
  const before = input.text.slice(0, at).split("\n");
  const position = { file: input.label, line: before.length, col: before[before.length - 1]!.length + 1 };
  const reason = input.error.message.replace(/ in JSON at position \d+.*$/, "");
  return problem({ code: "config-invalid", message: `not valid JSON: ${reason}`, path: "", position });
}

function describe(at: string): string {
  return `targets[${at.split("/")[2]}]`;
}

/** Give each problem the config file's line:col (the JSON is composed only now, on error). */
export async function locateConfigProblems(options: { problems: Problem[]; text: string; label: string }): Promise<Problem[]> {
  const { parseSource } = await import("./load/parse.js");
  const { parsed } = parseSource({ text: options.text, label: options.label, location: options.label });
  if (!parsed) return options.problems;
  return options.problems.map((found) => {
    if (found.position || found.path === "") return found;
    const position = parsed.locate(found.path);
    return position ? { ...found, position, message: found.message.replace(`${options.label}: `, "") } : found;
  });
}
