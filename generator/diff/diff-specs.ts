// The change report between two specs, for the selected operations only. An operation
// missing from one side is reported as added or removed rather than as an error.

import { buildModel } from "../model/build.js";
import type { Model } from "../model/types.js";
import type { OpenApiDocument } from "../openapi.js";
import { ProblemError } from "../problems.js";
import { findOperations, selectOperations } from "../select.js";
import type { Change } from "./change.js";
import { compareModels } from "./compare-models.js";

export interface ChangeReport {
  before: string;
  after: string;
  operations: string[];
  breaking: boolean;
  changes: Change[];
}

export function diffSpecs(input: {
  before: { document: OpenApiDocument; label: string };
  after: { document: OpenApiDocument; label: string };
  operationIds: readonly string[];
}): ChangeReport {
  const before = modelOf({ ...input.before, operationIds: input.operationIds });
  const after = modelOf({ ...input.after, operationIds: input.operationIds });
  const changes = compareModels({ before, after });
  return {
    before: input.before.label,
    after: input.after.label,
    operations: [...input.operationIds].sort(),
    breaking: changes.some((found) => found.breaking),
    changes,
  };
}

export function modelOf(input: { document: OpenApiDocument; label: string; operationIds: readonly string[] }): Model {
  const present = new Set(findOperations(input.document).map((found) => found.id));
  const operationIds = input.operationIds.filter((id) => present.has(id));
  const { selected, problems } = selectOperations({ document: input.document, operationIds });
  if (!selected) throw new ProblemError(problems);
  return buildModel({ selected, specFile: input.label });
}

export function formatReport(report: ChangeReport): string {
  if (report.changes.length === 0) return `No changes to ${report.operations.join(", ")} between ${report.before} and ${report.after}.\n`;
  const lines = [`Changes from ${report.before} to ${report.after}:`];
  let current = "";
  for (const found of report.changes) {
    if (found.operation !== current) {
      current = found.operation;
      lines.push("", `${current}:`);
    }
    lines.push(`  ${found.breaking ? "BREAKING" : "ok      "}  ${found.message}`);
  }
  const breakingCount = report.changes.filter((found) => found.breaking).length;
  lines.push("", `${report.changes.length} change(s), ${breakingCount} breaking.`);
  return lines.join("\n") + "\n";
}
