// The guard against stale tests: polar-codegen records a hash of the selected spec
// (openapi.json beside this folder) in the generated test file. When they differ, the
// spec changed and the tests were not regenerated.

import { createHash } from "node:crypto";

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
