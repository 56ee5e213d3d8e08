// Request inputs from the spec's facts: for each parameter the first of its samples the
// generated parameter validator accepts (decoded as a server decodes the wire text), for
// a body the first sample its schema's validator accepts. Which invalid values are
// negative cases is decided by the same validators, not by patterns of the suite's own.

import { pathFor, type SchemaValidators } from "./exchange.js";
import type { ContractOperation, ContractParameter } from "./types.js";

export type ParameterChecks = Record<string, Record<string, (value: unknown) => unknown[]>>;
export type Location = "path" | "query" | "header";

export interface RequestInput {
  path: Record<string, string>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: { contentType: string; value: unknown } | undefined;
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** `record[key]` when it is the record's own: names from the spec are data (`__proto__` too). */
export function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `record[key]` as an own property, whatever the key. */
export function setOwn<T>(options: { record: Record<string, T>; key: string; value: T }): void {
  Object.defineProperty(options.record, options.key, {
    value: options.value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The wire text as a server decodes it for the parameter's type. */
export function decode(options: { parameter: ContractParameter; text: string }): unknown {
  const { parameter, text } = options;
  if ((parameter.type === "integer" || parameter.type === "number") && NUMBER.test(text))
    return Number(text);
  if (parameter.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

/** The operation's parameters with where each travels. */
export function parametersOf(
  operation: ContractOperation,
): Array<{ at: Location; parameter: ContractParameter }> {
  return [
    ...operation.pathParams.map((parameter) => ({
      at: "path" as const,
      parameter,
    })),
    ...operation.query.map((parameter) => ({
      at: "query" as const,
      parameter,
    })),
    ...operation.headers.map((parameter) => ({
      at: "header" as const,
      parameter,
    })),
  ];
}

/** Does the parameter's generated validator accept the wire text? Undefined when there is none. */
export function accepts(options: {
  checks: ParameterChecks;
  operation: ContractOperation;
  at: Location;
  parameter: ContractParameter;
  text: string;
}): boolean | undefined {
  const { checks, operation, at, parameter, text } = options;
  const check = own(own(checks, operation.id), `${at}.${parameter.name}`);
  if (!check) return undefined;
  const value = decode({ parameter, text });
  // An array parameter of one item is its one wire value.
  return check(value).length === 0 || (parameter.type === "other" && check([value]).length === 0);
}

/** A valid input for every required parameter and the body; `problems` names what has none. */
export function validInput(options: {
  operation: ContractOperation;
  checks: ParameterChecks;
  validators: SchemaValidators;
}): { input: RequestInput; problems: string[] } {
  const { operation, checks } = options;
  const input: RequestInput = { path: {}, query: [], headers: {} };
  const problems: string[] = [];
  for (const { at, parameter } of parametersOf(operation)) {
    if (!parameter.required && at !== "path") continue;
    const valid = parameter.samples.find(
      (sample) => accepts({ checks, operation, at, parameter, text: sample }) !== false,
    );
    if (valid === undefined)
      problems.push(
        `no sample of ${at} parameter ${parameter.name} is valid: ${JSON.stringify(parameter.samples)}`,
      );
    const text = valid ?? parameter.samples[0];
    if (text === undefined) continue;
    if (at === "query") input.query.push([parameter.name, text]);
    else
      setOwn({
        record: at === "path" ? input.path : input.headers,
        key: parameter.name,
        value: text,
      });
  }
  const { body } = operation;
  if (body) {
    const validate = body.schema ? own(options.validators, body.schema) : undefined;
    const value = body.samples.find((sample) => !validate || validate(sample).length === 0);
    if (value === undefined) problems.push(`no sample body is valid against ${body.schema}`);
    input.body = { contentType: body.contentType, value: value ?? body.samples[0] };
  }
  return { input, problems };
}

/** The path, every parameter one encoded segment, and the query string. */
export function targetOf(options: { operation: ContractOperation; input: RequestInput }): string {
  const { operation, input } = options;
  const path = pathFor({ operation, values: input.path ?? {} });
  const query = new URLSearchParams(input.query).toString();
  return query ? `${path}?${query}` : path;
}
