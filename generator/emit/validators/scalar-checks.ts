// The checks of a value that holds no other schema: its type, enum and const, and the
// keywords of strings (lengths, pattern, format) and numbers (bounds, multipleOf).

import { stringLiteral } from "../escape.js";
import { jsLiteral, jsNumber } from "../js-literal.js";
import { fail, listLiteral, not, pattern, TYPE_TESTS, type Site } from "./compile-support.js";
import { FORMAT_PATTERNS } from "./formats.js";

export function typeCheck(site: Site): string {
  const schema = site.schema as Record<string, unknown>;
  const types = typeof schema.type === "string" ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : [];
  if (types.length === 0) return "";
  const tests = types.map((type) => (Object.hasOwn(TYPE_TESTS, type) ? TYPE_TESTS[type]!(site.value) : "false"));
  if (schema.nullable === true) tests.push(TYPE_TESTS.null!(site.value));
  return `if (${not(tests.join(" || "))}) ${fail({ site, keyword: "type", message: stringLiteral(`must be ${types.join(" or ")}`), expected: stringLiteral(types.join(" | ")) })}`;
}

export function enumCheck(site: Site): string {
  const schema = site.schema as Record<string, unknown>;
  const checks: string[] = [];
  if (Array.isArray(schema.enum)) {
    const literal = listLiteral({ state: site.state, items: schema.enum });
    checks.push(`if (!includesJson(${literal}, ${site.value})) ${fail({ site, keyword: "enum", message: stringLiteral(`must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(", ")}`), expected: literal })}`);
  }
  if ("const" in schema) {
    const literal = jsLiteral(schema.const);
    checks.push(`if (!includesJson([${literal}], ${site.value})) ${fail({ site, keyword: "const", message: stringLiteral(`must be ${literal}`), expected: literal })}`);
  }
  return checks.join("\n");
}

export function stringChecks(site: Site): string {
  const schema = site.schema as Record<string, unknown>;
  const { value } = site;
  const checks: string[] = [];
  if (typeof schema.minLength === "number") checks.push(`if (codePoints(${value}) < ${schema.minLength}) ${fail({ site, keyword: "minLength", message: `"must have at least ${schema.minLength} characters"`, expected: String(schema.minLength) })}`);
  if (typeof schema.maxLength === "number") checks.push(`if (codePoints(${value}) > ${schema.maxLength}) ${fail({ site, keyword: "maxLength", message: `"must have at most ${schema.maxLength} characters"`, expected: String(schema.maxLength) })}`);
  if (typeof schema.pattern === "string") {
    checks.push(`if (!${pattern({ state: site.state, source: schema.pattern })}.test(${value})) ${fail({ site, keyword: "pattern", message: stringLiteral(`must match ${schema.pattern}`), expected: stringLiteral(schema.pattern) })}`);
  }
  if (typeof schema.format === "string") checks.push(formatCheck({ site, format: schema.format }));
  return checks.filter(Boolean).join("\n");
}

function formatCheck(options: { site: Site; format: string }): string {
  const { site, format } = options;
  // Own entries only: a format named `constructor` is not Object.prototype's.
  const source = Object.hasOwn(FORMAT_PATTERNS, format) ? FORMAT_PATTERNS[format] : undefined;
  if (source === undefined) {
    site.state.uncheckedFormats.add(format);
    return "";
  }
  site.state.usedFormats.add(format);
  const regex = pattern({ state: site.state, source });
  const dated = format === "date" || format === "date-time" ? ` || !realDate(${site.value})` : "";
  return `if (!${regex}.test(${site.value})${dated}) ${fail({ site, keyword: "format", message: stringLiteral(`must be a valid ${format}`), expected: stringLiteral(format) })}`;
}

export function numberChecks(site: Site): string {
  const schema = site.schema as Record<string, unknown>;
  const { value } = site;
  const bounds: Array<[string, string, unknown]> = [
    ["minimum", "<", schema.minimum],
    ["maximum", ">", schema.maximum],
    // 3.1 gives numbers; 3.0 gives booleans that tighten minimum/maximum.
    ["exclusiveMinimum", "<=", typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : schema.exclusiveMinimum === true ? schema.minimum : undefined],
    ["exclusiveMaximum", ">=", typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum : schema.exclusiveMaximum === true ? schema.maximum : undefined],
  ];
  const checks = bounds
    .filter(([, , limit]) => typeof limit === "number")
    .map(([keyword, op, limit]) => `if (${value} ${op} ${jsNumber(limit as number)}) ${fail({ site, keyword, message: stringLiteral(`must not be ${op} ${limit}`), expected: jsNumber(limit as number) })}`);
  if (typeof schema.multipleOf === "number") {
    checks.push(`if (!Number.isInteger(${value} / ${jsNumber(schema.multipleOf)})) ${fail({ site, keyword: "multipleOf", message: `"must be a multiple of ${schema.multipleOf}"`, expected: jsNumber(schema.multipleOf) })}`);
  }
  return checks.join("\n");
}
