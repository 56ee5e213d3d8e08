// One value's text (or texts, for an array) → a typed value → its schema check, failures
// in FastAPI's shape with pydantic's types and messages. Shared by parameters and by the
// fields of form and multipart bodies.

import type { Decoder, ValidationIssue, Validator, ValueShape } from "./types.js";
import { hyphenated, uuidError, uuidVersion } from "./uuid.js";

export interface FieldError {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** pydantic's complaint when one value was expected and a list was given (`?anonymize=true&anonymize=false`). */
const NOT_ONE: Record<Decoder, [string, string]> = {
  string: ["string_type", "Input should be a valid string"],
  auto: ["string_type", "Input should be a valid string"],
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
  maxItems: "too_long",
  minItems: "too_short",
};

const TRUE_WORDS = /* @__PURE__ */ new Set(["1", "on", "t", "true", "y", "yes"]);
const FALSE_WORDS = /* @__PURE__ */ new Set(["0", "off", "f", "false", "n", "no"]);

type Loc = Array<string | number>;

/** The value the texts spell, or `undefined` with the failures pushed onto `errors`. */
export function decodeShaped(options: {
  shape: ValueShape;
  texts: readonly string[];
  loc: Loc;
  check: Validator | undefined;
  errors: FieldError[];
}): { value: unknown } | undefined {
  const { shape, texts, loc, errors } = options;
  const many = shape.arity === "many" || (shape.arity === "either" && texts.length !== 1);
  if (!many && texts.length !== 1) {
    const [type, msg] = NOT_ONE[shape.decode];
    errors.push({ type, loc, msg, input: [...texts] });
    return undefined;
  }
  const before = errors.length;
  const items = texts.map((text, index) =>
    decodeScalar({ shape, text, loc: many ? [...loc, index] : loc, errors }),
  );
  if (errors.length > before) return undefined;
  let value: unknown = many ? items : items[0];
  let issues = options.check?.(value) ?? [];
  if (issues.length > 0 && shape.decode === "auto") {
    // A union of scalars: the text as a number or a boolean when the schema takes that instead.
    const typed = many ? texts.map(typedWord) : typedWord(texts[0]!);
    const retried = options.check!(typed);
    if (retried.length === 0) [value, issues] = [typed, retried];
  }
  if (issues.length === 0) return { value };
  errors.push(issueError({ shape, issue: issues[0]!, loc, texts }));
  return undefined;
}

/** A text as the number or boolean it spells, else as it is. */
export function typedWord(text: unknown): unknown {
  if (typeof text !== "string") return text;
  if (text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  const word = text.toLowerCase();
  return word === "true" ? true : word === "false" ? false : text;
}

function decodeScalar(options: {
  shape: ValueShape;
  text: string;
  loc: Loc;
  errors: FieldError[];
}): unknown {
  const { shape, text: input, loc, errors } = options;
  const fail = (type: string, msg: string) => errors.push({ type, loc, msg, input });
  switch (shape.decode) {
    case "boolean": {
      // pydantic's lax mode, as Polar parses a query: these words in any case.
      const word = input.toLowerCase();
      if (TRUE_WORDS.has(word) || FALSE_WORDS.has(word)) return TRUE_WORDS.has(word);
      return fail("bool_parsing", "Input should be a valid boolean, unable to interpret input");
    }
    case "integer":
      if (/^[+-]?\d+$/.test(input.trim()) && Number.isSafeInteger(Number(input)))
        return Number(input);
      return fail(
        "int_parsing",
        "Input should be a valid integer, unable to parse string as an integer",
      );
    case "number":
      if (input.trim() !== "" && Number.isFinite(Number(input))) return Number(input);
      return fail(
        "float_parsing",
        "Input should be a valid number, unable to parse string as a number",
      );
    case "uuid":
      return decodeUuid({ shape, input, loc, errors });
    default:
      return input;
  }
}

function decodeUuid(options: {
  shape: ValueShape;
  input: string;
  loc: Loc;
  errors: FieldError[];
}): unknown {
  const { shape, loc, errors } = options;
  // pydantic takes the 32-digit, braced and URN forms too; the handler sees the hyphenated one.
  const input = hyphenated(options.input);
  const error = uuidError(input);
  if (error !== undefined) {
    const msg = `Input should be a valid UUID, ${error}`;
    errors.push({ type: "uuid_parsing", loc, msg, input: options.input, ctx: { error } });
    return undefined;
  }
  const expected = shape.uuidVersion;
  if (expected !== undefined && uuidVersion(input) !== expected) {
    errors.push(versionError({ expected, loc, input: options.input }));
    return undefined;
  }
  // pydantic hands the handler a UUID object; its text is lower case.
  return input.toLowerCase();
}

function versionError(options: { expected: number; loc: Loc; input: unknown }): FieldError {
  const { expected, loc, input } = options;
  return {
    type: "uuid_version",
    loc,
    msg: `UUID version ${expected} expected`,
    input,
    ctx: { expected_version: expected },
  };
}

/** A schema check's first issue, placed at the item it is about (`["query","status",1]`). */
export function issueError(options: {
  shape: ValueShape | undefined;
  issue: ValidationIssue;
  loc: Loc;
  texts: readonly unknown[];
}): FieldError {
  const { shape, issue, texts } = options;
  const tokens = pointerTokens({ pointer: issue.pointer, value: texts });
  const loc = [...options.loc, ...tokens];
  const index = typeof tokens[0] === "number" ? tokens[0] : undefined;
  const input =
    index !== undefined && index < texts.length
      ? texts[index]
      : texts.length === 1
        ? texts[0]
        : texts;
  // A UUID that parses but fails `format: uuid4` has the wrong version or variant bits.
  if (shape?.decode === "uuid" && issue.keyword === "format")
    return versionError({ expected: shape.uuidVersion ?? 4, loc, input });
  return { type: ISSUE_TYPES[issue.keyword] ?? "value_error", loc, msg: issue.message, input };
}

/**
 * A JSON pointer into `value` as pydantic's `loc` has it: `/items/0/name` →
 * `["items", 0, "name"]`, a position in an array as a number, an object's key (`"1"`
 * too) as text.
 */
export function pointerTokens(input: { pointer: string; value: unknown }): Loc {
  if (input.pointer === "") return [];
  let node = input.value;
  return input.pointer
    .slice(1)
    .split("/")
    .map((escaped) => {
      const token = escaped.split("~1").join("/").split("~0").join("~");
      const position =
        Array.isArray(node) && /^(?:0|[1-9]\d*)$/.test(token) ? Number(token) : undefined;
      node = position !== undefined ? (node as unknown[])[position] : childOf({ node, key: token });
      return position ?? token;
    });
}

function childOf(input: { node: unknown; key: string }): unknown {
  const { node, key } = input;
  if (typeof node !== "object" || node === null || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}
