// Schema-level checks of every operation, from the spec alone: a valid request answers a
// documented status with the documented media type and a body its schema accepts;
// credentials are needed exactly where the operation has security; each value a
// parameter's schema refuses, a missing required parameter and a body that breaks its
// schema answer 422 (or a documented 400; a validation error's body will do where the
// spec documents another for the status). Against a live server, operations whose
// method changes data run only where destructive cases may (target.ts); the output
// names those not run and why, as the documented outcomes do.

import { describe, it } from "vitest";
import {
  conformance,
  declaredResponse,
  failure,
  mediaType,
  send,
  type Exchange,
  type SchemaValidators,
} from "./exchange.js";
import { accepts, own, parametersOf, targetOf, validInput, type RequestInput } from "./inputs.js";
import type { SuiteContext } from "./suite.js";
import type { ContractOperation } from "./types.js";

const READ_ONLY = new Set(["GET", "HEAD", "OPTIONS"]);

export function describeSchemaChecks(context: SuiteContext): void {
  const { plan, suite } = context;
  const runs = (operation: ContractOperation) =>
    plan.destructive || READ_ONLY.has(operation.method);
  const held = suite.operations.filter((operation) => !runs(operation));
  if (held.length > 0)
    console.log(
      `contract tests: schema-level checks NOT run for ${held.map((operation) => `${operation.method} ${operation.id}`).join(", ")} (${plan.live ? plan.destructiveOff : ""}): their methods change data`,
    );
  const operations = suite.operations.filter(runs);
  if (operations.length === 0) return;
  describe("schema-level checks: documented statuses, media types, schemas and credentials", () => {
    for (const operation of operations) describeOperation({ context, operation });
  });
}

function describeOperation(options: { context: SuiteContext; operation: ContractOperation }): void {
  const { context, operation } = options;
  const { validators, parameters: checks } = context.suite;
  const secured = operation.credentials.length > 0;
  const built = () => validInput({ operation, checks, validators });
  const request = (input: RequestInput, credential = secured) =>
    send({
      operation,
      baseUrl: context.target().baseUrl,
      target: targetOf({ operation, input }),
      credential: credential ? context.credential(operation) : undefined,
      headers: input.headers,
      body: input.body,
    });
  const refusal = (exchange: Exchange) =>
    expectStatus({ exchange, validators, ...refusalStatuses(operation), validationError: true });

  const title = `${operation.id}: a valid request${secured ? " with credentials" : " without credentials"} answers a documented success${Object.hasOwn(operation.responses, "404") ? " or 404" : ""}, media type and schema`;
  it(title, async () => {
    const { input, problems } = built();
    if (problems.length) throw new Error(`${operation.id}: ${problems.join("; ")}`);
    const exchange = await request(input);
    if (!context.target().live && notModelled(exchange)) {
      console.log(`contract tests: the generated fake does not model ${operation.id} (501)`);
      return;
    }
    expectStatus({ exchange, validators, wanted: successStatuses(operation) });
  });
  if (secured)
    it(`${operation.id}: without credentials answers 401, never served`, async () => {
      const exchange = await request(built().input, false);
      const wanted = Object.hasOwn(operation.responses, "403") ? [401, 403] : [401];
      expectStatus({ exchange, validators, wanted });
    });
  for (const { at, parameter } of parametersOf(operation)) {
    for (const { what, value } of parameter.invalid) {
      if (accepts({ checks, operation, at, parameter, text: value }) !== false) continue;
      it(`${operation.id}: ${at} parameter ${parameter.name} ${what} (${JSON.stringify(value)}) answers 422`, async () => {
        const { input } = built();
        refusal(await request(withParameter({ input, at, name: parameter.name, value })));
      });
    }
    if (parameter.required && at !== "path")
      it(`${operation.id}: without the required ${at} parameter ${parameter.name} answers 422`, async () => {
        const { input } = built();
        const without = withParameter({ input, at, name: parameter.name, value: undefined });
        refusal(await request(without));
      });
  }
  const { body } = operation;
  if (!body) return;
  const validate = body.schema ? own(validators, body.schema) : undefined;
  for (const { what, value } of body.invalid) {
    if (validate && validate(value).length === 0) continue;
    it(`${operation.id}: a body ${what} answers 422`, async () => {
      const { input } = built();
      refusal(await request({ ...input, body: { contentType: body.contentType, value } }));
    });
  }
  if (body.required)
    it(`${operation.id}: no body answers 422`, async () => {
      const { input } = built();
      refusal(await request({ ...input, body: undefined }));
    });
}

/** The input with one parameter set to `value`, or left out when it is undefined. */
function withParameter(options: {
  input: RequestInput;
  at: "path" | "query" | "header";
  name: string;
  value: string | undefined;
}): RequestInput {
  const { input, at, name, value } = options;
  if (at === "path") return { ...input, path: { ...input.path, [name]: value ?? "" } };
  if (at === "header") {
    const headers = Object.fromEntries(
      Object.entries(input.headers).filter(([key]) => key !== name),
    );
    return {
      ...input,
      headers: value === undefined ? headers : { ...headers, [name]: value },
    };
  }
  const query = input.query.filter(([key]) => key !== name);
  return { ...input, query: value === undefined ? query : [...query, [name, value]] };
}

/** A documented 2xx (any, where the spec names a range), or a documented 404 for an id that is not there. */
function successStatuses(operation: ContractOperation): (status: number) => boolean {
  const keys = Object.keys(operation.responses);
  const success = keys.some((key) => /^2(?:\d\d|XX)$/i.test(key));
  return (status) =>
    success
      ? (status >= 200 && status < 300) || (status === 404 && keys.includes("404"))
      : ![401, 403, 422].includes(status);
}

/**
 * The documented refusals of 422 and 400; both, undeclared, where the spec documents
 * neither (a server answers one of them for a request its schema refuses all the same).
 */
function refusalStatuses(operation: ContractOperation): { wanted: number[]; undeclared: boolean } {
  const documented = [422, 400].filter((status) => Object.hasOwn(operation.responses, `${status}`));
  return documented.length
    ? { wanted: documented, undeclared: false }
    : { wanted: [422, 400], undeclared: true };
}

function expectStatus(options: {
  exchange: Exchange;
  validators: SchemaValidators;
  wanted: number[] | ((status: number) => boolean);
  /** A wanted status may be undeclared (its body is then not checked). */
  undeclared?: boolean;
  /** A request validation error's body will do, where the spec documents another for the status. */
  validationError?: boolean;
}): void {
  const { exchange, wanted } = options;
  const ok = Array.isArray(wanted) ? wanted.includes(exchange.status) : wanted(exchange.status);
  const declared = declaredResponse({ operation: exchange.operation, status: exchange.status });
  const unchecked =
    ok && ((options.undeclared && !declared) || (options.validationError && validation(exchange)));
  const problems = unchecked ? [] : conformance(options);
  if (!ok)
    problems.unshift(
      `status: expected ${Array.isArray(wanted) ? wanted.join(" or ") : `a documented success${Object.hasOwn(exchange.operation.responses, "404") ? " or 404" : ""}`}, actual ${exchange.status}`,
    );
  if (problems.length) throw failure({ exchange, problems });
}

/**
 * A request validation error in JSON, as FastAPI (and so Polar) answers one whatever the
 * spec documents for the status: `detail`, a list of items each with a `loc` list.
 */
function validation(exchange: Exchange): boolean {
  const detail = (exchange.body as { detail?: unknown } | undefined)?.detail;
  return (
    mediaType(exchange.contentType) === "application/json" &&
    Array.isArray(detail) &&
    detail.length > 0 &&
    detail.every((item) => Array.isArray((item as { loc?: unknown } | null)?.loc))
  );
}

/** The generated fake's answer for an operation it does not model: 501, naming the operation. */
function notModelled(exchange: Exchange): boolean {
  return (
    exchange.status === 501 &&
    exchange.text.includes(JSON.stringify(exchange.operation.id).slice(1, -1))
  );
}
