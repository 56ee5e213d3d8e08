// Validate: structural checks the later stages rely on, returned as data. It reads the
// paths (small) and makes one cheap walk over the document for `$ref` targets; source
// positions are looked up only for the problems found, so a clean JSON spec is never
// re-parsed for positions.

import { valueAt } from "./load/bundle.js";
import { HTTP_METHODS, isObject, parsePointer, toPointer, type OpenApiDocument } from "./openapi.js";
import { problem, type Problem } from "./problems.js";
import type { LoadedSpec } from "./stages.js";
import { MAX_DOCUMENT_DEPTH } from "./load/depth.js";
import { depthProblem } from "./load/source.js";

export function validateSpec(spec: LoadedSpec): Problem[] {
  const { document } = spec;
  const walked = internalRefs(document);
  // First: every later stage recurses per level of the document.
  if (walked.tooDeep) return [tooDeepProblem(spec)];
  const found: Problem[] = isObject(document.paths)
    ? checkPaths(document)
    : [problem({ code: "no-paths", message: `the spec has no "paths" object; there are no operations to generate`, path: "/paths" })];
  found.push(...danglingRefs({ document, refs: walked.refs }));
  return found.map((each) => {
    const position = spec.locate(each.path);
    return position ? { ...each, position } : each;
  });
}

function checkPaths(document: OpenApiDocument): Problem[] {
  const found: Problem[] = [];
  const operationIds = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!isObject(item)) continue;
    const at = ["paths", path];
    const shared = parametersOf({ document, list: item.parameters, at: [...at, "parameters"], found });
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const opAt = [...at, method];
      const own = parametersOf({ document, list: operation.parameters, at: [...opAt, "parameters"], found });
      found.push(...checkOperation({ operation, at: opAt, operationIds }));
      found.push(...checkPathTemplate({ path, at: opAt, declared: [...shared, ...own] }));
    }
  }
  return found;
}

function checkOperation(options: {
  operation: Record<string, unknown>;
  at: string[];
  operationIds: Map<string, string>;
}): Problem[] {
  const { operation, at } = options;
  const found: Problem[] = [];
  const label = `${at[2]!.toUpperCase()} ${at[1]}`;
  if (!isObject(operation.responses)) {
    found.push(problem({ code: "operation-no-responses", message: `${label} has no "responses"`, path: toPointer(at) }));
  }
  const id = operation.operationId;
  if (typeof id === "string") {
    const first = options.operationIds.get(id);
    if (first !== undefined) {
      const message = `operationId "${id}" is used twice: by ${first} and by ${label}`;
      found.push(problem({ code: "operation-id-duplicate", message, path: toPointer([...at, "operationId"]) }));
    } else options.operationIds.set(id, label);
  }
  return found;
}

/** The `in: path` parameter names declared in a list, reporting entries that lack `name` or `in`. */
function parametersOf(options: { document: OpenApiDocument; list: unknown; at: string[]; found: Problem[] }): string[] {
  if (!Array.isArray(options.list)) return [];
  const names: string[] = [];
  options.list.forEach((entry: unknown, index) => {
    const parameter = resolveInternal({ document: options.document, value: entry });
    if (!isObject(parameter)) return;
    const path = toPointer([...options.at, String(index)]);
    if (typeof parameter.$ref === "string" && parameter.$ref.startsWith("#")) {
      const message = `parameter ${index} is a $ref chain that never reaches a parameter (it loops through "${parameter.$ref}")`;
      return void options.found.push(problem({ code: "recursive-ref", message, path }));
    }
    if (typeof parameter.name !== "string" || typeof parameter.in !== "string") {
      const message = `parameter ${index} has no ${typeof parameter.name !== "string" ? '"name"' : '"in"'}`;
      options.found.push(problem({ code: "parameter-invalid", message, path }));
    } else if (parameter.in === "path") names.push(parameter.name);
  });
  return names;
}

function checkPathTemplate(options: { path: string; at: string[]; declared: string[] }): Problem[] {
  const { path, at, declared } = options;
  const templated = [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
  const label = `${at[2]!.toUpperCase()} ${path}`;
  // Emitters split the path at its braces: a stray one would shift every parameter after it.
  if (/[{}]/.test(path.replace(/\{[^{}]+\}/g, ""))) {
    return [problem({ code: "path-template-invalid", message: `${label}: a "{" or "}" that does not enclose a parameter name`, path: toPointer(at) })];
  }
  const undeclared = templated
    .filter((name) => !declared.includes(name))
    .map((name) =>
      problem({
        code: "path-param-undeclared",
        message: `${label}: path parameter "{${name}}" is not declared as an "in: path" parameter`,
        path: toPointer(at),
      }),
    );
  const unused = [...new Set(declared)]
    .filter((name) => !templated.includes(name))
    .map((name) =>
      problem({
        code: "path-param-unused",
        message: `${label}: parameter "${name}" is declared "in: path" but the path has no "{${name}}"`,
        path: toPointer(at),
        severity: "warning",
      }),
    );
  return [...undeclared, ...unused];
}

function resolveInternal(options: { document: OpenApiDocument; value: unknown }): unknown {
  let value = options.value;
  // A short chain at most; the bound keeps a `$ref` cycle from looping.
  for (let hops = 0; hops < 8 && isObject(value) && typeof value.$ref === "string"; hops += 1) {
    if (!value.$ref.startsWith("#")) return undefined;
    value = valueAt(options.document, parsePointer(value.$ref));
  }
  return value;
}

/**
 * Every internal `$ref` that points at nothing, where it is. The walk that knows where it
 * is (a path kept at every step) costs more than one that only gathers the references,
 * and nearly every spec has none dangling: so that one runs first, and the full walk
 * only when a reference does not resolve.
 */
function danglingRefs(options: { document: OpenApiDocument; refs: Set<string> }): Problem[] {
  const { document } = options;
  for (const ref of options.refs) if (valueAt(document, parsePointer(ref)) === undefined) return locateDanglingRefs(document);
  return [];
}

/** The loader's depth problem, found by this walk for the documents the loader does not measure (load/source.ts). */
function tooDeepProblem(spec: LoadedSpec): Problem {
  return depthProblem({ parsed: { value: spec.document, locate: spec.locate }, label: spec.source })!;
}

/**
 * The distinct internal `$ref`s of the document, gathered without tracking where each is,
 * and whether it nests past the loader's limit (measured here, the walk is nearly free).
 */
function internalRefs(document: OpenApiDocument): { refs: Set<string>; tooDeep: boolean } {
  const refs = new Set<string>();
  // Shared nodes (YAML aliases) are visited once, and a cycle ends.
  const seen = new WeakSet<object>();
  const pending: object[] = [document];
  const depths: number[] = [1];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const depth = depths.pop()!;
    if (depth > MAX_DOCUMENT_DEPTH) return { refs, tooDeep: true };
    if (seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) if (typeof child === "object" && child !== null) pending.push(child), depths.push(depth + 1);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === "string" && record.$ref.startsWith("#")) refs.add(record.$ref);
    for (const key in record) {
      const child = record[key];
      if (typeof child === "object" && child !== null) pending.push(child), depths.push(depth + 1);
    }
  }
  return { refs, tooDeep: false };
}

/** One walk over the document, keeping its path; each distinct `$ref` is resolved once. */
function locateDanglingRefs(document: OpenApiDocument): Problem[] {
  const found: Problem[] = [];
  const resolves = new Map<string, boolean>();
  const at: string[] = [];
  const seen = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) visitChild({ key: String(index), child: node[index] });
    } else if (isObject(node)) {
      if (typeof node.$ref === "string" && node.$ref.startsWith("#")) checkRef(node.$ref);
      for (const key in node) visitChild({ key, child: node[key] });
    }
  };
  const visitChild = (options: { key: string; child: unknown }): void => {
    if (typeof options.child !== "object" || options.child === null) return;
    at.push(options.key);
    visit(options.child);
    at.pop();
  };
  const checkRef = (ref: string): void => {
    if (!resolves.has(ref)) resolves.set(ref, valueAt(document, parsePointer(ref)) !== undefined);
    if (resolves.get(ref)) return;
    const message = `$ref "${ref}" points at nothing in the spec`;
    found.push(problem({ code: "ref-dangling", message, path: toPointer([...at, "$ref"]) }));
  };
  visit(document);
  return found;
}
