// Parameters: text → typed value → schema check, every failure reported at once in
// FastAPI's shape, `{"detail":[{"type","loc","msg","input"}]}`, with pydantic's types
// and messages, so a client written against Polar reads the fake's 422s as Polar's.

import type { Decoder, ParameterInfo, RouteInfo, ValidationIssue, Validator } from "./types.js";
import { uuidError, uuidVersion } from "./uuid.js";

export interface FieldError {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

export type Decoded = { params: Record<string, unknown> } | { errors: FieldError[] };

/** pydantic's complaint when one value was expected and a list was given (`?anonymize=true&anonymize=false`). */
const NOT_ONE: Record<Decoder, [string, string]> = {
  string: ["string_type", "Input should be a valid string"],
  uuid: ["uuid_type", "UUID input should be a string, bytes or UUID object"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  integer: ["int_type", "Input should be a valid integer"],
  number: ["float_type", "Input should be a valid number"],
};

/** Issue keywords of the schema check, as pydantic names the same failure. */
const ISSUE_TYPES: Record<string, string> = {
  maxLength: "string_too_long",
  minLength: "string_too_short",
  pattern: "string_pattern_mismatch",
  enum: "enum",
  const: "literal_error",
  maximum: "less_than_equal",
  minimum: "greater_than_equal",
};

export function decodeParameters(options: {
  route: RouteInfo;
  /** Path parameter values, decoded, by wire name. */
  path: Record<string, string>;
  query: string;
  header: (name: string) => string | undefined;
  checks: Record<string, Validator> | undefined;
}): Decoded {
  const params: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const search = options.query && options.route.parameters.some((parameter) => parameter.in === "query") ? new URLSearchParams(options.query) : undefined;
  for (const parameter of options.route.parameters) {
    const loc = [parameter.in, parameter.name];
    const texts = textsOf({ parameter, path: options.path, search, header: options.header });
    if (texts.length === 0) {
      if (parameter.required) errors.push({ type: "missing", loc, msg: "Field required", input: null });
      else if (parameter.default !== undefined) params[parameter.codeName] = parameter.default;
      continue;
    }
    if (texts.length > 1) {
      const [type, msg] = NOT_ONE[parameter.decode];
      errors.push({ type, loc, msg, input: texts });
      continue;
    }
    const decoded = decodeValue({ parameter, text: texts[0]!, loc });
    if ("error" in decoded) {
      errors.push(decoded.error);
      continue;
    }
    const issues = options.checks?.[`${parameter.in}.${parameter.name}`]?.(decoded.value) ?? [];
    if (issues.length > 0) errors.push(issueError({ parameter, issue: issues[0]!, loc, input: texts[0]! }));
    else params[parameter.codeName] = decoded.value;
  }
  return errors.length > 0 ? { errors } : { params };
}

function textsOf(options: {
  parameter: ParameterInfo;
  path: Record<string, string>;
  search: URLSearchParams | undefined;
  header: (name: string) => string | undefined;
}): string[] {
  const { parameter } = options;
  if (parameter.in === "path") {
    const value = options.path[parameter.name];
    return value === undefined ? [] : [value];
  }
  if (parameter.in === "query") return options.search?.getAll(parameter.name) ?? [];
  const value = options.header(parameter.name.toLowerCase());
  return value === undefined ? [] : [value];
}

function decodeValue(options: { parameter: ParameterInfo; text: string; loc: string[] }): { value: unknown } | { error: FieldError } {
  const { parameter, text: input, loc } = options;
  switch (parameter.decode) {
    case "boolean":
      if (input === "true" || input === "false") return { value: input === "true" };
      return { error: { type: "bool_parsing", loc, msg: "Input should be a valid boolean, unable to interpret input", input } };
    case "integer":
      if (/^[+-]?\d+$/.test(input.trim()) && Number.isSafeInteger(Number(input))) return { value: Number(input) };
      return { error: { type: "int_parsing", loc, msg: "Input should be a valid integer, unable to parse string as an integer", input } };
    case "number":
      if (input.trim() !== "" && Number.isFinite(Number(input))) return { value: Number(input) };
      return { error: { type: "float_parsing", loc, msg: "Input should be a valid number, unable to parse string as a number", input } };
    case "uuid":
      return decodeUuid({ parameter, input, loc });
    default:
      return { value: input };
  }
}

function decodeUuid(options: { parameter: ParameterInfo; input: string; loc: string[] }): { value: unknown } | { error: FieldError } {
  const { parameter, input, loc } = options;
  const error = uuidError(input);
  if (error !== undefined) {
    return { error: { type: "uuid_parsing", loc, msg: `Input should be a valid UUID, ${error}`, input, ctx: { error } } };
  }
  const expected = parameter.uuidVersion;
  if (expected !== undefined && uuidVersion(input) !== expected) {
    return { error: versionError({ expected, loc, input }) };
  }
  // pydantic hands the handler a UUID object; its text is lower case.
  return { value: input.toLowerCase() };
}

function versionError(options: { expected: number; loc: string[]; input: unknown }): FieldError {
  const { expected, loc, input } = options;
  return { type: "uuid_version", loc, msg: `UUID version ${expected} expected`, input, ctx: { expected_version: expected } };
}

function issueError(options: { parameter: ParameterInfo; issue: ValidationIssue; loc: string[]; input: string }): FieldError {
  const { parameter, issue, loc, input } = options;
  // A UUID that parses but fails `format: uuid4` has the wrong version or variant bits.
  if (parameter.decode === "uuid" && issue.keyword === "format") return versionError({ expected: parameter.uuidVersion ?? 4, loc, input });
  return { type: ISSUE_TYPES[issue.keyword] ?? "value_error", loc, msg: issue.message, input };
}
