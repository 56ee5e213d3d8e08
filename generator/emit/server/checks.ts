// What the server runtime cannot serve in the selected operations (a parameter no
// query text can carry, a security scheme it cannot check), as positioned problems
// found before any emitter runs, so the server emitter never meets them.

import type { Model } from "../../model/types.js";
import type { OpenApiDocument } from "../../openapi.js";
import { problem, type Problem } from "../../problems.js";
import { routePlan } from "./route.js";

export function checkServer(input: { model: Model; document: OpenApiDocument }): Problem[] {
  const { model, document } = input;
  return model.operations.flatMap((operation) => {
    const plan = routePlan({ model, document, operation });
    return "problems" in plan ? plan.problems.map((each) => problem({ code: "server-unsupported", ...each })) : [];
  });
}
