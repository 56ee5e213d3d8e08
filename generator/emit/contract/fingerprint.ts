// Fingerprints the generated contract suite records and compares at run time.
// `fingerprintOf` hashes a document (templates/contract/fingerprint.ts computes the same
// over openapi.json; a unit test holds them equal). Per operation, the fingerprint is
// that of the operation selected alone (what it reaches, its security, the servers), so
// the suite can say which operations changed in the source spec; `fingerprintOperations`
// is how the suite gets them, through polar-codegen's programmatic API.

import { createHash } from "node:crypto";
import { join } from "node:path";
import { loadSpec } from "../../load/index.js";
import type { OpenApiDocument } from "../../openapi.js";
import { hasErrors, ProblemError } from "../../problems.js";
import { selectOperations } from "../../select.js";
import { packageRoot } from "../../templates.js";
import { setOwn } from "../../json.js";

/** The text hashed; `memo` keeps each object's, for the objects that selections of one document share. */
function canonical(input: { value: unknown; memo?: WeakMap<object, string> }): string {
  const { value, memo } = input;
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const known = memo?.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) text = `[${value.map((item) => canonical({ value: item, memo })).join(",")}]`;
  else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => key !== "x-generated-by").sort();
    text = `{${keys.map((key) => `${JSON.stringify(key)}:${canonical({ value: record[key], memo })}`).join(",")}}`;
  }
  memo?.set(value, text);
  return text;
}

function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

export function fingerprintOf(document: unknown): string {
  return hashOf(canonical({ value: document }));
}

/**
 * Each operation's fingerprint; `null` for one the document does not have (or cannot
 * select). The selections are read-only and share the document's objects, so each
 * schema is walked and printed once however many operations reach it. `checked`: the
 * document is a selection the generator has checked (its subset).
 */
export function operationFingerprints(options: { document: OpenApiDocument; operationIds: readonly string[]; checked?: boolean }): Record<string, string | null> {
  const fingerprints: Record<string, string | null> = {};
  const readOnly = { refs: new WeakMap<object, string[]>(), checked: options.checked ?? false };
  const memo = new WeakMap<object, string>();
  for (const id of [...options.operationIds].sort()) {
    const { selected } = selectOperations({ document: options.document, operationIds: [id], readOnly });
    setOwn(fingerprints, id, selected ? hashOf(canonical({ value: selected.document, memo })) : null);
  }
  return fingerprints;
}

/**
 * The fingerprints of `operations` in a spec as it is now (a file path, relative to
 * `cwd`, or a URL; default: the spec embedded in polar-codegen). Throws `ProblemError`
 * when the spec cannot be loaded.
 */
export async function fingerprintOperations(options: {
  spec?: string | undefined;
  operations: readonly string[];
  cwd?: string | undefined;
  allowRemoteRefs?: boolean | undefined;
}): Promise<Record<string, string | null>> {
  const loaded = await loadSpec({
    source: options.spec ?? join(packageRoot, "spec", "polar.openapi.yaml"),
    cwd: options.cwd,
    allowRemoteRefs: options.allowRemoteRefs ?? false,
  });
  if (!loaded.spec || hasErrors(loaded.problems)) throw new ProblemError(loaded.problems);
  return operationFingerprints({ document: loaded.spec.document, operationIds: options.operations });
}
