// The change report between two specs, for the selected operations only. An operation
// missing from one side is reported as added or removed; one in neither is an error
// that names the closest ids, since a typo would otherwise read as "no changes".
// Selectors (`*`, `tag:NAME`) expand over both specs: an operation tagged on either side
// is compared, so one added or removed under the tag shows as such.

import { buildModel } from "../model/build.js";
import type { OpenApiDocument } from "../openapi.js";
import { ProblemError } from "../problems.js";
import { expandSelectors, findOperations, selectOperations, unknownOperationProblems } from "../select.js";
import type { Change } from "./change.js";
import { compareSelections, type Selection } from "./compare.js";

export interface ChangeReport {
  before: string;
  after: string;
  operations: string[];
  breaking: boolean;
  changes: Change[];
  /** Present when `info.version` is a date version on either side and it changed: the Polar-Version header. */
  apiVersion?: { before: string | null; after: string | null };
}

interface SpecSide {
  document: OpenApiDocument;
  label: string;
}

export function diffSpecs(input: { before: SpecSide; after: SpecSide; operationIds: readonly string[] }): ChangeReport {
  const found = [...findOperations(input.before.document), ...findOperations(input.after.document)];
  const expanded = expandSelectors({ found, selectors: input.operationIds });
  if (expanded.problems.length > 0) throw new ProblemError(expanded.problems);
  const operationIds = [...new Set(expanded.ids)];
  const before = selectionOf({ ...input.before, operationIds });
  const after = selectionOf({ ...input.after, operationIds });
  const missing = operationIds.filter((id) => !before.present.has(id) && !after.present.has(id));
  if (missing.length > 0) {
    const known = [...new Set([...before.present, ...after.present])].sort();
    throw new ProblemError(unknownOperationProblems({ requested: missing, known, where: "either spec" }));
  }
  const changes = compareSelections({ before, after });
  const versions = { before: before.model.apiVersion ?? null, after: after.model.apiVersion ?? null };
  return {
    before: input.before.label,
    after: input.after.label,
    operations: operationIds.sort(),
    breaking: changes.some((found) => found.breaking),
    changes,
    ...(versions.before !== versions.after ? { apiVersion: versions } : {}),
  };
}

/** The selection of `operationIds` (or selectors) that `document` has, as the model and the subset. */
export function selectionOf(input: SpecSide & { operationIds: readonly string[] }): Selection & { present: Set<string> } {
  const found = findOperations(input.document);
  const present = new Set(found.map((each) => each.id));
  // A tag this side does not use selects nothing here; the caller judges ids in neither spec.
  const operationIds = expandSelectors({ found, selectors: input.operationIds }).ids.filter((id) => present.has(id));
  const { selected, problems } = selectOperations({ document: input.document, operationIds });
  if (!selected) throw new ProblemError(problems);
  return { model: buildModel({ selected, specFile: input.label }), document: selected.document, present };
}

/** More operations than this (a `*` or `tag:` selection) are counted in the text report, not listed. */
const LISTED_OPERATIONS = 8;

export function formatReport(report: ChangeReport): string {
  const version = report.apiVersion ? `API version (Polar-Version) ${report.apiVersion.before ?? "(none)"} → ${report.apiVersion.after ?? "(none)"}.\n` : "";
  const named = report.operations.length > LISTED_OPERATIONS ? `the ${report.operations.length} selected operations` : report.operations.join(", ");
  if (report.changes.length === 0) return `No changes to ${named} between ${report.before} and ${report.after}.\n${version}`;
  const lines = [`Changes from ${report.before} to ${report.after}:`];
  let current = "";
  for (const found of report.changes) {
    if (found.operation !== current) {
      current = found.operation;
      lines.push("", `${current === "*" ? "every operation" : current}:`);
    }
    lines.push(`  ${found.breaking ? "BREAKING" : "ok      "}  ${found.message}`);
  }
  const breakingCount = report.changes.filter((found) => found.breaking).length;
  lines.push("", `${report.changes.length} change(s), ${breakingCount} breaking.`);
  return lines.join("\n") + "\n" + version;
}
