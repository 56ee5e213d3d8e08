// A handler's outcome as the response sent, or a 500 the developer hears about. An
// outcome that is deeply frozen (`Object.freeze`, at every level) cannot change, so
// the response made from it is remembered per route: the documented-outcome check,
// the schema check and the serialisation then run once, not on every request (the
// fake's `404 ResourceNotFound` is such a constant).

import { checkOutcome, constant as sentOften } from "./respond.js";
import type { RouteInfo, ServerErrorEvent, Validator, WireResponse } from "./types.js";

export type Respond = (route: RouteInfo, outcome: unknown) => WireResponse;

export function createResponder(options: {
  /** Read on each call: the generated validators may arrive after the server is made. */
  validators: () => Record<string, Validator> | undefined;
  report: (event: ServerErrorEvent) => void;
  /** The 500 of the server's error style. */
  internal: () => WireResponse;
}): Respond {
  const remembered = new WeakMap<RouteInfo, WeakMap<object, WireResponse>>();
  return (route, outcome) => {
    // Only deeply frozen outcomes are ever remembered: a hit needs no other check.
    const known =
      typeof outcome === "object" && outcome !== null
        ? remembered.get(route)?.get(outcome)
        : undefined;
    if (known) return known;
    const constant = isDeeplyFrozen(outcome);
    const checked = checkOutcome({ route, outcome, validators: options.validators() });
    if (checked.kind === "ok") {
      if (!constant) return checked.response;
      let byOutcome = remembered.get(route);
      if (!byOutcome) remembered.set(route, (byOutcome = new WeakMap()));
      const response = sentOften(checked.response);
      byOutcome.set(outcome, response);
      return response;
    }
    if (checked.kind === "undeclared")
      options.report({
        kind: "undeclared-outcome",
        operationId: route.id,
        status: checked.status,
        message: checked.message,
      });
    else
      options.report({
        kind: "invalid-response",
        operationId: route.id,
        status: checked.status,
        issues: checked.issues,
      });
    return options.internal();
  };
}

/** Frozen at every level; a mutable object anywhere inside means the outcome may change. */
function isDeeplyFrozen(value: unknown): value is object {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return false;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === "object" && child !== null && !isDeeplyFrozen(child)) return false;
  }
  return true;
}
