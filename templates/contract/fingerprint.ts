// The guard against stale tests. polar-codegen records, in the generated test file, a
// fingerprint of each operation as the source spec had it; at run time the source spec
// is loaded again and fingerprinted by polar-codegen itself, so a spec edited without
// regenerating fails here, naming the operations that changed. When that cannot be
// done (the spec is a URL, or polar-codegen is not importable), the suite falls back to
// comparing openapi.json beside this folder, and says what it did not check.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** JSON with object keys sorted at every level: the same bytes for the same data. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => key !== "x-generated-by")
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function fingerprintOf(document: unknown): string {
  return createHash("sha256").update(canonical(document)).digest("hex").slice(0, 16);
}

export interface SpecSource {
  /** The spec as the generated headers name it: a path relative to the output folder, or a URL. */
  label: string;
  /** The spec embedded in polar-codegen (the label is then no path). */
  embedded: boolean;
  outFolder: URL;
}

export interface GeneratedFrom {
  source: SpecSource;
  /** Per operation, recorded at generation. */
  operations: Record<string, string | null>;
  /** Of the selected subset, as openapi.json holds it. */
  subset: string;
  openapiJson: URL;
}

type FingerprintOperations = (options: {
  spec?: string | undefined;
  operations: readonly string[];
}) => Promise<Record<string, string | null>>;

export type GuardResult = { stale?: string | undefined; notice?: string | undefined };

/** `stale`: the failure message; `notice`: what was not checked (one line). */
export async function checkGeneratedFrom(options: {
  from: GeneratedFrom;
  /** polar-codegen's programmatic API; injectable for tests. */
  importCodegen?: () => Promise<{ fingerprintOperations?: FingerprintOperations }>;
}): Promise<GuardResult> {
  const { from } = options;
  const { label } = from.source;
  const fallback = (why: string): GuardResult => ({
    ...checkOpenapiJson(from),
    notice: `contract tests: the source spec (${label}) was not checked for changes since generation: ${why}; only openapi.json beside the suite was`,
  });
  if (/^https?:\/\//i.test(label)) return fallback("it is a URL, which the suite does not fetch");
  const path = from.source.embedded
    ? undefined
    : resolve(fileURLToPath(from.source.outFolder), label);
  if (path !== undefined && !existsSync(path)) return fallback(`there is no file at ${path}`);
  let api: FingerprintOperations | undefined;
  try {
    // A name in a variable: the suite type-checks and runs where polar-codegen is not installed.
    const name = "polar-codegen";
    api = (await (options.importCodegen ?? (() => import(name)))()).fingerprintOperations;
  } catch (error) {
    return fallback(`polar-codegen cannot be imported here (${firstLine(error)})`);
  }
  if (!api) return fallback("this polar-codegen has no fingerprintOperations");
  let now: Record<string, string | null>;
  try {
    now = await api({ spec: path, operations: Object.keys(from.operations) });
  } catch (error) {
    return fallback(`it could not be loaded (${firstLine(error)})`);
  }
  const changed = Object.entries(from.operations)
    .filter(([id, recorded]) => now[id] !== recorded)
    .map(
      ([id]) =>
        `${id} (${now[id] === null || now[id] === undefined ? "gone from the spec" : "changed"})`,
    );
  if (changed.length === 0) return {};
  return {
    stale: `the source spec ${label} changed since these contract tests were generated: ${changed.join(", ")}; run polar-codegen to regenerate them`,
  };
}

function checkOpenapiJson(from: GeneratedFrom): GuardResult {
  const actual = fingerprintOf(JSON.parse(readFileSync(from.openapiJson, "utf8")));
  if (actual === from.subset) return {};
  return {
    stale: `openapi.json changed since these contract tests were generated (fingerprint ${from.subset}, now ${actual}); run polar-codegen to regenerate them`,
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
