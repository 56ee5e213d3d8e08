// What the server runtime cannot serve in the selected operations (a parameter no
// query text can carry, a security scheme it cannot check), as positioned problems
// found before any emitter runs, so the server emitter never meets them.

import { ownValue } from "../../json.js";
import type { Model } from "../../model/types.js";
import { parsePointer, type OpenApiDocument } from "../../openapi.js";
import { problem, type Problem } from "../../problems.js";
import { routePlan } from "./route.js";

export function checkServer(input: { model: Model; document: OpenApiDocument }): Problem[] {
  const { model, document } = input;
  return model.operations.flatMap((operation) => {
    const plan = routePlan({ model, document, operation });
    if (!("problems" in plan)) return [];
    return plan.problems.map((each) => problem({ code: "server-unsupported", message: each.message, path: existing({ document, pointer: each.path }) }));
  });
}

/** The pointer, or its nearest parent the document has (a global `security`, path-level parameters). */
function existing(options: { document: OpenApiDocument; pointer: string }): string {
  let pointer = options.pointer;
  try {
    while (pointer !== "") {
      const found = parsePointer(pointer).reduce<unknown>((node, token) => ownValue(node, token), options.document);
      if (found !== undefined) return pointer;
      pointer = pointer.slice(0, pointer.lastIndexOf("/"));
    }
  } catch {
    // A path with a stray `%` is no percent-encoding: the pointer as it was.
    return options.pointer;
  }
  return pointer;
}
