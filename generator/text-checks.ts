// Spec text the emitters need in a certain shape, checked on the selected subset so a
// fault comes back with its line and column instead of failing deep inside an emitter:
// a `pattern` (or `patternProperties` key) must be a regular expression, since the
// validators compile it into the module; annotations (`title`, `summary`, `description`)
// must be text, as OpenAPI says, since they are written into comments.

import { isObject, toPointer } from "./openapi.js";
import { problem, type Problem } from "./problems.js";

const ANNOTATIONS = ["title", "summary", "description"];

type At = Array<string | number>;

/** Annotations of any object the types carry comments from: an operation, a path item, a parameter, a response, a media type. */
export function annotationProblems(input: { node: Record<string, unknown>; at: At }): Problem[] {
  const { node, at } = input;
  return ANNOTATIONS.filter((key) => node[key] !== undefined && typeof node[key] !== "string").map((key) =>
    problem({ code: "annotation-not-text", message: `${key} must be text (a string), not ${describe(node[key])}`, path: toPointer([...at, key]) }),
  );
}

/** A schema's annotations and patterns. */
export function schemaTextProblems(input: { schema: Record<string, unknown>; at: At }): Problem[] {
  const { schema, at } = input;
  const problems = annotationProblems({ node: schema, at });
  if (typeof schema.pattern === "string" && !isRegularExpression(schema.pattern)) {
    problems.push(invalidPattern({ source: schema.pattern, path: toPointer([...at, "pattern"]) }));
  }
  if (isObject(schema.patternProperties)) {
    for (const source of Object.keys(schema.patternProperties).filter((key) => !isRegularExpression(key))) {
      problems.push(invalidPattern({ source, path: toPointer([...at, "patternProperties", source]) }));
    }
  }
  return problems;
}

/** Whether JavaScript compiles it, with the `u` flag or without (validators-file.ts writes either). */
export function isRegularExpression(source: string): boolean {
  for (const flags of ["u", ""]) {
    try {
      new RegExp(source, flags);
      return true;
    } catch {
      // Tried next without the flag.
    }
  }
  return false;
}

function invalidPattern(input: { source: string; path: string }): Problem {
  let reason = "";
  try {
    new RegExp(input.source);
  } catch (error) {
    reason = `: ${(error as Error).message.replace(/^Invalid regular expression: /, "")}`;
  }
  return problem({ code: "pattern-invalid", message: `pattern ${JSON.stringify(input.source)} is not a regular expression${reason}`, path: input.path });
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `the ${typeof value} ${JSON.stringify(value)}`;
}
