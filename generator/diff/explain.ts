// Why the generated files changed, beyond what a client would call a change: the API
// version (sent as the Polar-Version header), documentation, and, for a
// schema whose edit the comparison does not classify (a description, an example), the
// schema's name and where in it. `--check` and `--watch` print these after the changes,
// so a drift never goes unexplained; `diff` keeps to what a client would notice.

import type { OperationModel } from "../model/types.js";
import { isObject } from "../openapi.js";
import type { Change } from "./change.js";
import type { Selection } from "./compare.js";
import { ownValue } from "../json.js";

const MAX_POINTERS = 3;
const OPERATION_DOCS = ["summary", "description"];

export function explainDrift(input: { before: Selection; after: Selection; changes: readonly Change[] }): Change[] {
  const { before, after } = input;
  const reasons: Change[] = [];
  if (before.model.apiVersion !== after.model.apiVersion) {
    const message = `API version ${before.model.apiVersion ?? "(none)"} → ${after.model.apiVersion ?? "(none)"} (the Polar-Version header the client sends)`;
    reasons.push({ operation: "*", kind: "api-version-changed", breaking: false, message });
  }
  reasons.push(...docsChanges(input), ...schemaChanges(input));
  if (reasons.length === 0 && input.changes.length === 0) reasons.push(...otherChanges(input));
  return reasons;
}

/** Summaries and descriptions of operations, parameters and responses: they are in the generated JSDoc. */
function docsChanges(input: { before: Selection; after: Selection }): Change[] {
  const after = new Map(input.after.model.operations.map((operation) => [operation.id, operation]));
  const changes: Change[] = [];
  for (const old of input.before.model.operations) {
    const now = after.get(old.id);
    if (!now) continue;
    const [docs, nowDocs] = [docsOf(old), docsOf(now)];
    // A parameter or response added or removed is a change of its own, not of the docs.
    const compared = [...new Set([...docs.keys(), ...nowDocs.keys()])].filter((part) => OPERATION_DOCS.includes(part) || (docs.has(part) && nowDocs.has(part)));
    const changed = compared.filter((part) => docs.get(part) !== nowDocs.get(part));
    if (changed.length > 0) changes.push({ operation: old.id, kind: "docs-changed", breaking: false, location: "docs", message: `docs changed (${changed.join(", ")})` });
  }
  return changes;
}

function docsOf(operation: OperationModel): Map<string, string> {
  const docs = new Map<string, string>();
  if (operation.summary !== undefined) docs.set("summary", operation.summary);
  if (operation.description !== undefined) docs.set("description", operation.description);
  for (const parameter of [...operation.pathParams, ...operation.query]) {
    if (parameter.description !== undefined) docs.set(`${parameter.in} parameter ${parameter.name}`, parameter.description);
  }
  for (const response of [...operation.success, ...operation.errors]) docs.set(`response ${response.status}`, response.description);
  return docs;
}

/** A schema edited in a way no change names: say which, and where in it. */
function schemaChanges(input: { before: Selection; after: Selection; changes: readonly Change[] }): Change[] {
  const before = schemasOf(input.before);
  const after = schemasOf(input.after);
  const named = input.changes.map((found) => found.message).join("\n");
  const changes: Change[] = [];
  for (const name of Object.keys(before).filter((key) => Object.hasOwn(after, key)).sort()) {
    if (named.includes(`schema ${name} changed`)) continue;
    const pointers = differingPointers({ before: before[name], after: after[name], at: "" });
    if (pointers.length === 0) continue;
    changes.push({ operation: "*", kind: "schema-changed", breaking: false, location: `schema ${name}`, message: `schema ${name} changed: ${listed(pointers)}` });
  }
  return changes;
}

/** Nothing else explains the drift: the first places where the two selections differ. */
function otherChanges(input: { before: Selection; after: Selection }): Change[] {
  const strip = ({ "x-generated-by": _banner, ...rest }: Record<string, unknown>) => rest;
  const pointers = differingPointers({ before: strip(input.before.document), after: strip(input.after.document), at: "" });
  if (pointers.length === 0) return [];
  return [{ operation: "*", kind: "selection-changed", breaking: false, message: `the selected part of the spec changed at ${listed(pointers)}` }];
}

function schemasOf(selection: Selection): Record<string, unknown> {
  const schemas = selection.document.components?.schemas;
  return isObject(schemas) ? schemas : {};
}

/** JSON pointers (within the value) where two values differ, depth first, at most a few. */
function differingPointers(input: { before: unknown; after: unknown; at: string }): string[] {
  const { before, after, at } = input;
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const bothObjects = typeof before === "object" && before !== null && typeof after === "object" && after !== null && Array.isArray(before) === Array.isArray(after);
  if (!bothObjects) return [at || "/"];
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  const found: string[] = [];
  for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])]) {
    if (found.length >= MAX_POINTERS) break;
    found.push(...differingPointers({ before: ownValue(left, key), after: ownValue(right, key), at: `${at}/${key}` }));
  }
  return found.slice(0, MAX_POINTERS);
}

function listed(pointers: string[]): string {
  return pointers.length < MAX_POINTERS ? pointers.join(", ") : `${pointers.join(", ")}, …`;
}
