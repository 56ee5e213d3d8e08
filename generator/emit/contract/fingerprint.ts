// The fingerprint the generated contract suite compares with openapi.json at run time
// (templates/contract/fingerprint.ts computes the same; a unit test holds them equal).

import { createHash } from "node:crypto";

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => key !== "x-generated-by").sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function fingerprintOf(document: unknown): string {
  return createHash("sha256").update(canonical(document)).digest("hex").slice(0, 16);
}
