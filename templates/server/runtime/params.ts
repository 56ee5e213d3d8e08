// Parameters: text → typed value → schema check, every failure reported at once in
// FastAPI's shape, `{"detail":[{"type","loc","msg","input"}]}`, with pydantic's types
// and messages, so a client written against Polar reads the fake's 422s as Polar's.

import type { Decoder, ParameterInfo, RouteInfo, ValidationIssue, Validator } from "./types.js";
import { hyphenated, uuidError, uuidVersion } from "./uuid.js";

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

const TRUE_WORDS = /* @__PURE__ */ new Set(["1", "on", "t", "true", "y", "yes"]);
const FALSE_WORDS = /* @__PURE__ */ new Set(["0", "off", "f", "false", "n", "no"]);

export function decodeParameters(options: {
  route: RouteInfo;
  /** Path parameter values, decoded, by wire name. */
  path: Record<string, string>;
  query: string;
  wire: { header(name: string): string | undefined };
  /** The schema check of each parameter, in the route's order. */
  checks: ReadonlyArray<Validator | undefined> | undefined;
}): Decoded {
  const params: Record<string, unknown> = {};
  let errors: FieldError[] | undefined;
  let search: URLSearchParams | undefined;
  const { parameters } = options.route;
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index]!;
    let texts: string | string[] | undefined;
    if (parameter.in === "path") texts = options.path[parameter.name];
    else if (parameter.in === "header") texts = options.wire.header(parameter.name.toLowerCase());
    else if (options.query) {
      search ??= new URLSearchParams(options.query);
      const all = search.getAll(parameter.name);
      texts = all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
    }
    const decoded = decodeOne({
      parameter,
      texts,
      check: options.checks?.[index],
    });
    if (decoded === ABSENT) continue;
    if ("error" in decoded) (errors ??= []).push(decoded.error);
    else params[parameter.codeName] = decoded.value;
  }
  return errors ? { errors } : { params };
}

/** An optional parameter that was not sent and has no default. */
const ABSENT = /* @__PURE__ */ Symbol("absent");

function decodeOne(options: {
  parameter: ParameterInfo;
  texts: string | string[] | undefined;
  check: Validator | undefined;
}): { value: unknown } | { error: FieldError } | typeof ABSENT {
  const { parameter, texts } = options;
  if (texts === undefined) {
    if (parameter.required)
      return {
        error: { type: "missing", loc: locOf(parameter), msg: "Field required", input: null },
      };
    return parameter.default === undefined ? ABSENT : { value: parameter.default };
  }
  if (typeof texts !== "string") {
    const [type, msg] = NOT_ONE[parameter.decode];
    return { error: { type, loc: locOf(parameter), msg, input: texts } };
  }
  const decoded = decodeValue({ parameter, text: texts });
  if ("error" in decoded || !options.check) return decoded;
  const issues = options.check(decoded.value);
  return issues.length > 0
    ? { error: issueError({ parameter, issue: issues[0]!, loc: locOf(parameter), input: texts }) }
    : decoded;
}

/** Where a parameter's error is reported: `["path","id"]`. */
function locOf(parameter: ParameterInfo): string[] {
  return [parameter.in, parameter.name];
}

function decodeValue(options: {
  parameter: ParameterInfo;
  text: string;
}): { value: unknown } | { error: FieldError } {
  const { parameter, text: input } = options;
  switch (parameter.decode) {
    case "boolean": {
      // pydantic's lax mode, as Polar parses a query: these words in any case.
      const word = input.toLowerCase();
      if (TRUE_WORDS.has(word) || FALSE_WORDS.has(word)) return { value: TRUE_WORDS.has(word) };
      return parseFailure({
        parameter,
        type: "bool_parsing",
        msg: "Input should be a valid boolean, unable to interpret input",
        input,
      });
    }
    case "integer":
      if (/^[+-]?\d+$/.test(input.trim()) && Number.isSafeInteger(Number(input)))
        return { value: Number(input) };
      return parseFailure({
        parameter,
        type: "int_parsing",
        msg: "Input should be a valid integer, unable to parse string as an integer",
        input,
      });
    case "number":
      if (input.trim() !== "" && Number.isFinite(Number(input))) return { value: Number(input) };
      return parseFailure({
        parameter,
        type: "float_parsing",
        msg: "Input should be a valid number, unable to parse string as a number",
        input,
      });
    case "uuid":
      return decodeUuid({ parameter, input });
    default:
      return { value: input };
  }
}

function parseFailure(options: {
  parameter: ParameterInfo;
  type: string;
  msg: string;
  input: string;
}): { error: FieldError } {
  const { type, msg, input } = options;
  return { error: { type, loc: locOf(options.parameter), msg, input } };
}

function decodeUuid(options: {
  parameter: ParameterInfo;
  input: string;
}): { value: unknown } | { error: FieldError } {
  const { parameter } = options;
  // pydantic takes the 32-digit, braced and URN forms too; the handler sees the hyphenated one.
  const input = hyphenated(options.input);
  const error = uuidError(input);
  if (error !== undefined) {
    return {
      error: {
        type: "uuid_parsing",
        loc: locOf(parameter),
        msg: `Input should be a valid UUID, ${error}`,
        input: options.input,
        ctx: { error },
      },
    };
  }
  const expected = parameter.uuidVersion;
  if (expected !== undefined && uuidVersion(input) !== expected) {
    return { error: versionError({ expected, loc: locOf(parameter), input: options.input }) };
  }
  // pydantic hands the handler a UUID object; its text is lower case.
  return { value: input.toLowerCase() };
}

function versionError(options: { expected: number; loc: string[]; input: unknown }): FieldError {
  const { expected, loc, input } = options;
  return {
    type: "uuid_version",
    loc,
    msg: `UUID version ${expected} expected`,
    input,
    ctx: { expected_version: expected },
  };
}

function issueError(options: {
  parameter: ParameterInfo;
  issue: ValidationIssue;
  loc: string[];
  input: string;
}): FieldError {
  const { parameter, issue, loc, input } = options;
  // A UUID that parses but fails `format: uuid4` has the wrong version or variant bits.
  if (parameter.decode === "uuid" && issue.keyword === "format")
    return versionError({ expected: parameter.uuidVersion ?? 4, loc, input });
  return { type: ISSUE_TYPES[issue.keyword] ?? "value_error", loc, msg: issue.message, input };
}
