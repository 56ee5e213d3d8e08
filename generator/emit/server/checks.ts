// What the server runtime cannot serve in the selected operations (a parameter no query
// text can carry), as positioned problems found before any emitter runs, so the server
// emitter never meets them. Security neither the client nor the server can carry is
// model/security.ts's one check, run before this one.

import type { Model } from "../../model/types.js";
import { nearestPointer, type OpenApiDocument } from "../../openapi.js";
import { problem, type Problem } from "../../problems.js";
import { routePlan } from "./route.js";

export function checkServer(input: { model: Model; document: OpenApiDocument }): Problem[] {
  const { model, document } = input;
  return model.operations.flatMap((operation) => {
    const plan = routePlan({ model, document, operation });
    if (!("problems" in plan)) return [];
    return plan.problems.map((each) => problem({ code: "server-unsupported", message: each.message, path: nearestPointer({ document, pointer: each.path }) }));
  });
}
