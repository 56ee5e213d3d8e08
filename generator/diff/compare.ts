// Two selections compared, for a client of their operations: the model (operations,
// types, security, servers) and what only the raw subset holds (header parameters,
// constraints, what each security scheme is).

import type { Model } from "../model/types.js";
import type { OpenApiDocument } from "../openapi.js";
import { sortChanges, type Change } from "./change.js";
import { compareDocuments } from "./compare-documents.js";
import { compareModels } from "./compare-models.js";

export interface Selection {
  model: Model;
  /** The selected subset the model was built from. */
  document: OpenApiDocument;
}

export function compareSelections(input: { before: Selection; after: Selection }): Change[] {
  const fromModels = compareModels({ before: input.before.model, after: input.after.model });
  const fromDocuments = compareDocuments({ before: input.before.document, after: input.after.document });
  return sortChanges([...fromModels, ...fromDocuments]);
}
