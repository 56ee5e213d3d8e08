// The fake's handler per operation, as TypeScript text. Polar's semantics belong to
// specific operations, so they are keyed by operationId; each is used
// only when the spec documents every status it answers, so the typed outcome always
// compiles. Any other operation answers its documented example (example.ts), or 501.

import type { OperationModel } from "../../model/types.js";
import type { OpenApiDocument } from "../../openapi.js";
import { propertyAccess, stringLiteral } from "../escape.js";
import { numberedResponses } from "../server/route.js";
import { errorOutcome } from "./error-outcome.js";
import { exampleAnswer } from "./example.js";
import { PRETTIER_OPTIONS } from "../../format/prettier-options.js";
import { Code, jsLiteralLines } from "../js-literal.js";
import { jsonValueCode, jsonValueNode } from "./json-value.js";

interface Behaviour {
  statuses: number[];
  code: (input: BehaviourInput) => string | undefined;
}

interface BehaviourInput {
  operation: OperationModel;
  document: OpenApiDocument;
}

/**
 * What Polar's server asks of each operation's caller whatever the spec says
 * (`polar.customer.auth.CustomerWrite`, `polar.customer_portal.auth.CustomerPortalUnionBillingWrite`):
 * the kinds of token it takes, the scopes when a spec lists none, and the member roles
 * the portal's billing actions allow.
 */
export const OPERATION_RULES = new Map<string, { kinds: string[]; scopes: string[]; members?: { roles: string[]; refusal: string } }>([
  ["customers:delete", { kinds: ["oat", "pat", "oidc"], scopes: ["customers:write"] }],
  ["customers:delete_external", { kinds: ["oat", "pat", "oidc"], scopes: ["customers:write"] }],
  [
    "customer_portal:subscriptions:cancel",
    {
      kinds: ["customer_session", "member_session"],
      scopes: ["customer_portal:write"],
      members: { roles: ["owner", "billing_manager"], refusal: "Only owners and billing managers can access billing features." },
    },
  ],
]);

const BEHAVIOURS: Record<string, Behaviour> = {
  "customers:delete": { statuses: [204, 404], code: (input) => deleteCode({ ...input, by: "id" }) },
  "customers:delete_external": { statuses: [204, 404], code: (input) => deleteCode({ ...input, by: "external_id" }) },
  "customer_portal:subscriptions:cancel": { statuses: [200, 403, 404], code: cancelCode },
};

const NOT_FOUND = { error: "ResourceNotFound", detail: "Not found" };
const ALREADY_CANCELED = { error: "AlreadyCanceledSubscription", detail: "This subscription is already canceled or will be at the end of the period." };

/** The schema a cancelled subscription is returned as, when the spec names one. */
export function cancelledBodySchema(operation: OperationModel): string | undefined {
  const ok = operation.success.find((response) => response.status === 200);
  return ok?.body?.kind === "model" ? ok.body.name : undefined;
}

/** How the fake answers an operation: Polar's semantics, the spec's example, or 501. */
export type AnswerKind = "modelled" | "example" | "not-modelled";

/**
 * The operation's handler: `code` (an expression) and `member`, the handler map's
 * `key: code,` in the statement-lines layout at the map's depth (2), or undefined where
 * that layout is not modelled (fake-file.ts then leaves the file to prettier).
 */
export function behaviourOf(input: BehaviourInput & { handlers: string; key: string }): { kind: AnswerKind; code: string; member: string | undefined } {
  const { operation, key } = input;
  const behaviour = Object.hasOwn(BEHAVIOURS, operation.id) ? BEHAVIOURS[operation.id] : undefined;
  const documented = new Set(numberedResponses(operation).map((response) => response.status));
  const code = behaviour && behaviour.statuses.every((status) => documented.has(status)) ? behaviour.code(input) : undefined;
  // Not laid out: an error outcome of the spec's own, whose body object the source breaks.
  if (code) return { kind: "modelled", code, member: /body: \{\n/.test(code) ? undefined : `${key}: ${code},` };
  const answer = exampleAnswer(input);
  const outcome = `Awaited<ReturnType<${input.handlers}[${stringLiteral(operation.functionName)}]>>`;
  const argument: Record<string, unknown> = { operationId: stringLiteral(operation.id) };
  const parts = [`operationId: ${stringLiteral(operation.id)}`];
  if (answer) {
    const outcomes = (answer.bodies ?? [undefined]).map((body) => `{ status: ${answer.status}${body === undefined ? "" : `, body: ${jsonValueCode({ document: input.document, value: body })}`} }`);
    parts.push(`outcomes: [${outcomes.join(", ")}]`);
    argument.outcomes = (answer.bodies ?? [undefined]).map((body) => ({ status: answer.status, ...(body === undefined ? {} : { body: jsonValueNode({ document: input.document, value: body }) }) }));
    if (answer.schema) {
      parts.push(`check: () => validators[${stringLiteral(answer.schema)}]`);
      argument.check = new Code(`() => validators[${stringLiteral(answer.schema)}]`);
    }
  } else {
    parts.push("outcomes: []");
    argument.outcomes = [];
  }
  argument.operationId = new Code(stringLiteral(operation.id));
  return { kind: answer ? "example" : "not-modelled", code: `exampleHandler<${outcome}>({ ${parts.join(", ")} })`, member: exampleMember({ key, outcome, argument }) };
}

/**
 * `key: exampleHandler<Outcome>({ ... }),` as prettier prints it in the handler map: on one
 * line where it fits, else the object hugged; where `key: exampleHandler<…>({` does not
 * fit but `key: exampleHandler<…>(` does, the object on lines of its own; else its type
 * argument on a line of its own (`Awaited<` then its argument where that line does not
 * fit either).
 */
function exampleMember(options: { key: string; outcome: string; argument: Record<string, unknown> }): string | undefined {
  const { key, outcome, argument } = options;
  const depth = 2;
  const head = `${key}: exampleHandler<${outcome}>(`;
  if (2 * depth + head.length + 1 <= PRETTIER_OPTIONS.printWidth) return jsLiteralLines(argument, { depth, prefix: head, suffix: ")," });
  // `key: exampleHandler<…>(` fits but not with the `{` hugged: the argument goes on lines of its own.
  if (2 * depth + head.length <= PRETTIER_OPTIONS.printWidth) return [head, jsLiteralLines(argument, { depth: depth + 1, prefix: "", suffix: "," }), "),"].join("\n");
  const argumentLines = jsLiteralLines(argument, { depth, prefix: ">(", suffix: ")," });
  if (2 * (depth + 1) + outcome.length <= PRETTIER_OPTIONS.printWidth) return [`${key}: exampleHandler<`, outcome, argumentLines].join("\n");
  // `Awaited<ReturnType<…>>` too long for its line: prettier breaks `Awaited<` around its one argument.
  const awaited = /^Awaited<(.*)>$/.exec(outcome);
  if (!awaited || 2 * (depth + 2) + awaited[1]!.length > PRETTIER_OPTIONS.printWidth) return undefined;
  return [`${key}: exampleHandler<`, "Awaited<", awaited[1]!, ">", argumentLines].join("\n");
}

/** The shared constant when Polar's own body fits the spec, else this operation's own outcome. */
function errorCode(options: BehaviourInput & { status: number; body: { error: string; detail: string }; constant: string }): string | undefined {
  const outcome = errorOutcome(options);
  return outcome?.kind === "standard" ? options.constant : outcome?.code;
}

function deleteCode(options: BehaviourInput & { by: "id" | "external_id" }): string | undefined {
  const { operation } = options;
  const key = operation.pathParams.length === 1 ? operation.pathParams[0]! : undefined;
  const notFound = errorCode({ ...options, status: 404, body: NOT_FOUND, constant: "notFound" });
  if (!key || !notFound) return undefined;
  const anonymize = operation.query.find((parameter) => parameter.name === "anonymize");
  const wanted = anonymize ? `params${propertyAccess(anonymize.codeName)} === true` : "false";
  // In a block, its object broken (prettier keeps it so): the layout does not break an arrow's body.
  return `({ params }) => {
    const deleted = store.deleteCustomer({
      by: ${stringLiteral(options.by)},
      value: params${propertyAccess(key.codeName)},
      anonymize: ${wanted},
    });
    return deleted ? { status: 204 } : ${notFound};
  }`;
}

function cancelCode(input: BehaviourInput): string | undefined {
  const { operation } = input;
  const key = operation.pathParams.length === 1 ? operation.pathParams[0]! : undefined;
  const notFound = errorCode({ ...input, status: 404, body: NOT_FOUND, constant: "notFound" });
  const alreadyCanceled = errorCode({ ...input, status: 403, body: ALREADY_CANCELED, constant: "alreadyCanceled" });
  if (!key || !notFound || !alreadyCanceled || !cancelledBodySchema(operation) || operation.security.length === 0) return undefined;
  return `({ params, credential }) => {
    const caller = store.credential(credential.token);
    const customerId = caller && "customerId" in caller ? caller.customerId : undefined;
    const result = store.cancelSubscription({ id: params${propertyAccess(key.codeName)}, customerId });
    if (result.kind === "not-found") return ${notFound};
    if (result.kind === "already-canceled") return ${alreadyCanceled};
    return { status: 200, body: result.subscription as FakeSubscription };
  }`;
}
