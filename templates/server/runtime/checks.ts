// The schema checks the runtime applies, once the generated validators are known:
// each route's parameter checks (in its parameters' order), the request body checks
// by operation and media type, and the response validators when asked for.

import type {
  BodyChecks,
  ParameterChecks,
  RouteInfo,
  ServerCoreOptions,
  Validator,
} from "./types.js";

/** Parameter checks (per route, in the order of its parameters) and response validators, once known. */
export interface Checks {
  parameters?: Map<RouteInfo, Array<Validator | undefined>>;
  bodies?: BodyChecks;
  responses?: Record<string, Validator>;
}

/** Fills `checks` from the options; a promise while the generated validators load. */
export function loadChecks(options: {
  options: ServerCoreOptions;
  checks: Checks;
}): Promise<void> | undefined {
  const { validateResponses, loadValidators } = options.options;
  const { checks } = options;
  if (validateResponses && validateResponses !== true) {
    const record =
      "validators" in validateResponses && typeof validateResponses.validators === "object"
        ? validateResponses.validators
        : validateResponses;
    checks.responses = record as Record<string, Validator>;
  }
  if (!loadValidators) {
    if (validateResponses === true)
      throw new TypeError("server: validateResponses: true needs the generated validators");
    return undefined;
  }
  return loadValidators().then((module) => {
    checks.parameters = byRoute({ routes: options.options.routes, parameters: module.parameters });
    checks.bodies = module.requestBodies ?? {};
    if (validateResponses === true) checks.responses = module.validators;
  });
}

/** Each route's parameter checks in its parameters' order, looked up once rather than per request. */
function byRoute(options: {
  routes: readonly RouteInfo[];
  parameters: ParameterChecks;
}): Map<RouteInfo, Array<Validator | undefined>> {
  const checks = new Map<RouteInfo, Array<Validator | undefined>>();
  for (const route of options.routes) {
    const own = options.parameters[route.id];
    checks.set(
      route,
      route.parameters.map((parameter) => own?.[`${parameter.in}.${parameter.name}`]),
    );
  }
  return checks;
}
