// The change report between two specs, for the selected operations only. An operation
// missing from one side is reported as added or removed; one in neither is an error
// that names the closest ids, since a typo would otherwise read as "no changes".

import { buildModel } from "../model/build.js";
import type { OpenApiDocument } from "../openapi.js";
import { ProblemError } from "../problems.js";
import { findOperations, selectOperations, unknownOperationProblems } from "../select.js";
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
  const before = selectionOf({ ...input.before, operationIds: input.operationIds });
  const after = selectionOf({ ...input.after, operationIds: input.operationIds });
  const missing = input.operationIds.filter((id) => !before.present.has(id) && !after.present.has(id));
  if (missing.length > 0) {
    const known = [...new Set([...before.present, ...after.present])].sort();
    throw new ProblemError(unknownOperationProblems({ requested: missing, known, where: "either spec" }));
  }
  const changes = compareSelections({ before, after });
  const versions = { before: before.model.apiVersion ?? null, after: after.model.apiVersion ?? null };
  return {
    before: input.before.label,
    after: input.after.label,
    operations: [...input.operationIds].sort(),
    breaking: changes.some((found) => found.breaking),
    changes,
    ...(versions.before !== versions.after ? { apiVersion: versions } : {}),
  };
}

/** The selection of `operationIds` that `document` has, as the model and the subset. */
export function selectionOf(input: SpecSide & { operationIds: readonly string[] }): Selection & { present: Set<string> } {
  const present = new Set(findOperations(input.document).map((found) => found.id));
  const operationIds = input.operationIds.filter((id) => present.has(id));
  const { selected, problems } = selectOperations({ document: input.document, operationIds });
  if (!selected) throw new ProblemError(problems);
  return { model: buildModel({ selected, specFile: input.label }), document: selected.document, present };
}

export function formatReport(report: ChangeReport): string {
  const version = report.apiVersion ? `API version (Polar-Version) ${report.apiVersion.before ?? "(none)"} → ${report.apiVersion.after ?? "(none)"}.\n` : "";
  if (report.changes.length === 0) return `No changes to ${report.operations.join(", ")} between ${report.before} and ${report.after}.\n${version}`;
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
