// The fake's handler per operation, as TypeScript text. Polar's semantics belong to
// specific operations, so they are keyed by operationId; each is used only when the
// spec documents every status it answers, so the typed outcome always compiles. Any
// other operation gets a handler that throws (a 500 that names it).

import type { OperationModel } from "../../model/types.js";
import { propertyAccess, stringLiteral } from "../escape.js";
import { numberedResponses } from "../server/route.js";

interface Behaviour {
  statuses: number[];
  code: (operation: OperationModel) => string | undefined;
}

const BEHAVIOURS: Record<string, Behaviour> = {
  "customers:delete": { statuses: [204, 404], code: (operation) => deleteCode({ operation, by: "id" }) },
  "customers:delete_external": { statuses: [204, 404], code: (operation) => deleteCode({ operation, by: "external_id" }) },
  "customer_portal:subscriptions:cancel": { statuses: [200, 403, 404], code: cancelCode },
};

/** The schema a cancelled subscription is returned as, when the spec names one. */
export function cancelledBodySchema(operation: OperationModel): string | undefined {
  const ok = operation.success.find((response) => response.status === 200);
  return ok?.body?.kind === "model" ? ok.body.name : undefined;
}

export function behaviourOf(operation: OperationModel): string {
  const behaviour = Object.hasOwn(BEHAVIOURS, operation.id) ? BEHAVIOURS[operation.id] : undefined;
  const documented = new Set(numberedResponses(operation).map((response) => response.status));
  const code = behaviour && behaviour.statuses.every((status) => documented.has(status)) ? behaviour.code(operation) : undefined;
  return code ?? `() => {\n throw new Error(${stringLiteral(`the fake Polar has no behaviour for ${operation.id}`)});\n}`;
}

function deleteCode(options: { operation: OperationModel; by: "id" | "external_id" }): string | undefined {
  const { operation } = options;
  const key = operation.pathParams.length === 1 ? operation.pathParams[0]! : undefined;
  if (!key) return undefined;
  const anonymize = operation.query.find((parameter) => parameter.name === "anonymize");
  const wanted = anonymize ? `params${propertyAccess(anonymize.codeName)} === true` : "false";
  return `({ params }) =>
    store.deleteCustomer({ by: ${stringLiteral(options.by)}, value: params${propertyAccess(key.codeName)}, anonymize: ${wanted} }) ? { status: 204 } : notFound`;
}

function cancelCode(operation: OperationModel): string | undefined {
  const key = operation.pathParams.length === 1 ? operation.pathParams[0]! : undefined;
  if (!key || !cancelledBodySchema(operation) || operation.security.length === 0) return undefined;
  return `({ params, credential }) => {
    const result = store.cancelSubscription({ id: params${propertyAccess(key.codeName)}, customerId: store.customerOfSession(credential.token) });
    if (result.kind === "not-found") return notFound;
    if (result.kind === "already-canceled") return alreadyCanceled;
    return { status: 200, body: result.subscription as FakeSubscription };
  }`;
}
