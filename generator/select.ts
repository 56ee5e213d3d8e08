// Select: keep the chosen operations, the webhook events they trigger, and exactly what
// those reach. Everything else in the spec (other operations and webhooks,
// x-codeSamples, unrelated schemas, info) is
// dropped here, which is what makes the drift check precise: an edit the selected
// operations cannot see never changes the output.

import { HTTP_METHODS, isObject, parsePointer, toPointer, type OpenApiDocument } from "./openapi.js";
import { closestMatches, nearestMatches } from "./text/closest.js";
import { problem, type Problem } from "./problems.js";
import type { SelectedSpec } from "./stages.js";
import { cloneJson, collectRefs, ownValue, setOwn, sortKeys } from "./json.js";
import { checkSelection } from "./select-checks.js";
import { selectWebhooks } from "./webhook-events.js";

export { DEFAULT_OPERATIONS } from "./defaults.js";

/** Keys of an operation that never reach generated code and churn between spec versions. */
const DROPPED_OPERATION_KEYS = ["x-codeSamples", "x-code-samples", "tags"];

interface FoundOperation {
  id: string;
  path: string;
  method: string;
  operation: Record<string, unknown>;
}

export function findOperations(document: OpenApiDocument): FoundOperation[] {
  const found: FoundOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation) && typeof operation.operationId === "string") {
        found.push({ id: operation.operationId, path, method, operation });
      }
    }
  }
  return found;
}

/**
 * Selections of one document that are only read, never modified: they share the
 * document's objects instead of copying them, and find its operations and each object's
 * `$ref`s once across selections. `checked`: the document is a selection already
 * checked, so a part of it is not checked again (every check is of a node or a
 * security requirement in place, so a part has no fault the whole lacks).
 */
export interface ReadOnlySelection {
  refs: WeakMap<object, string[]>;
  checked: boolean;
  found?: FoundOperation[];
}

/** What copies a selected part: a deep copy, or the part itself for a read-only selection. */
interface Copier {
  copy: <T>(value: T) => T;
  refsOf: (value: unknown) => string[];
}

const COPYING: Copier = { copy: cloneJson, refsOf: collectRefs };

function sharing(readOnly: ReadOnlySelection): Copier {
  return {
    copy: (value) => value,
    refsOf: (value) => {
      if (typeof value !== "object" || value === null) return [];
      let refs = readOnly.refs.get(value);
      if (!refs) readOnly.refs.set(value, (refs = collectRefs(value)));
      return refs;
    },
  };
}

export function selectOperations(options: {
  document: OpenApiDocument;
  operationIds: readonly string[];
  readOnly?: ReadOnlySelection;
}): { selected?: SelectedSpec; problems: Problem[] } {
  const { document } = options;
  const copier = options.readOnly ? sharing(options.readOnly) : COPYING;
  const all = options.readOnly ? (options.readOnly.found ??= findOperations(document)) : findOperations(document);
  const byId = new Map(all.map((found) => [found.id, found]));
  const expanded = expandSelectors({ found: all, selectors: options.operationIds });
  const problems = [
    ...expanded.problems,
    ...unknownOperationProblems({ requested: expanded.ids, known: [...byId.keys()] }),
  ];
  if (problems.length > 0) return { problems };

  const wanted = [...new Set(expanded.ids)].sort();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const id of wanted) {
    const found = byId.get(id)!;
    if (!Object.hasOwn(paths, found.path)) setOwn(paths, found.path, pathItemShell({ document, path: found.path, copier }));
    paths[found.path]![found.method] = pruneOperation({ operation: found.operation, copier });
  }
  const security = securityOf({ document, operations: wanted.map((id) => byId.get(id)!.operation) });
  const subset: OpenApiDocument = {
    openapi: document.openapi,
    info: { title: document.info?.title ?? "API", version: apiVersionOf(document) },
    ...(Array.isArray(document.servers) ? { servers: copier.copy(document.servers) } : {}),
    ...(document.security ? { security: copier.copy(document.security) } : {}),
    paths: sortKeys(paths),
  };
  const webhooks = selectWebhooks({ document, operationIds: wanted, copy: copier.copy });
  if (webhooks && Object.keys(webhooks).length > 0) subset.webhooks = webhooks;
  const reach = reachComponents({ document, roots: [subset.paths, subset.security ?? [], webhooks ?? {}], copier });
  if (reach.problems.length > 0) return { problems: reach.problems };
  subset.components = withSecuritySchemes({ document, components: reach.components, security, copy: copier.copy });
  const faults = options.readOnly?.checked ? [] : checkSelection({ document, subset });
  if (faults.length > 0) return { problems: faults };
  return { selected: { document: subset, operationIds: wanted }, problems: [] };
}

/** `*` selects every operation; `tag:NAME` every operation tagged NAME. */
export const ALL_OPERATIONS = "*";
const TAG_PREFIX = "tag:";

/** Selectors as operationIds: `*` and `tag:NAME` expanded, plain ids kept as given. */
export function expandSelectors(options: { found: readonly FoundOperation[]; selectors: readonly string[] }): { ids: string[]; problems: Problem[] } {
  const ids: string[] = [];
  const problems: Problem[] = [];
  for (const selector of options.selectors) {
    if (selector === ALL_OPERATIONS) {
      if (options.found.length === 0) problems.push(problem({ code: "operation-not-found", message: `"*" selects nothing: the spec has no operations with an operationId`, path: "/paths" }));
      ids.push(...options.found.map((found) => found.id));
    } else if (selector.startsWith(TAG_PREFIX)) {
      const tag = selector.slice(TAG_PREFIX.length);
      const tagged = options.found.filter((found) => tagsOf(found.operation).includes(tag));
      if (tagged.length === 0) {
        const tags = [...new Set(options.found.flatMap((found) => tagsOf(found.operation)))].sort();
        const close = closestMatches({ word: tag, candidates: tags, limit: 3 });
        const hint = close.length > 0 ? `; did you mean ${close.map((near) => `"tag:${near}"`).join(", ")}?` : tags.length > 0 ? `; the spec's tags are ${tags.slice(0, 10).map((near) => `"${near}"`).join(", ")}${tags.length > 10 ? ", ..." : ""}` : "; the spec tags no operation";
        problems.push(problem({ code: "operation-not-found", message: `no operation is tagged "${tag}"${hint}`, path: "/paths" }));
      }
      ids.push(...tagged.map((found) => found.id));
    } else ids.push(selector);
  }
  return { ids, problems };
}

function tagsOf(operation: Record<string, unknown>): string[] {
  return Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === "string") : [];
}

/** A date version (`2026-10`) is Polar's API version and reaches the client; any other does not. */
export const DATE_VERSION = /^\d{4}-\d{2}(-\d{2})?$/;

function apiVersionOf(document: OpenApiDocument): string {
  const version = String(document.info?.version ?? "");
  return DATE_VERSION.test(version) ? version : "";
}

/** An id the spec does not have, with the ids nearest to it: "did you mean" when one is close, else the nearest few. */
export function unknownOperationProblems(options: { requested: readonly string[]; known: string[]; where?: string }): Problem[] {
  const where = options.where ?? "the spec";
  return options.requested
    .filter((id) => !options.known.includes(id))
    .map((id) => {
      const close = closestMatches({ word: id, candidates: options.known, limit: 3 });
      const quoted = (ids: string[]) => ids.map((near) => `"${near}"`).join(", ");
      const nearest = nearestMatches({ word: id, candidates: options.known, limit: 3 });
      const hint = close.length > 0 ? `; did you mean ${quoted(close)}?` : nearest.length > 0 ? `; the closest ids there are ${quoted(nearest)}` : `; it has no operations`;
      return problem({
        code: "operation-not-found",
        message: `operation "${id}" is not in ${where}${hint}`,
        path: "/paths",
      });
    });
}

/** Path-level parameters apply to every operation under the path, so they travel along. */
function pathItemShell(input: { document: OpenApiDocument; path: string; copier: Copier }): Record<string, unknown> {
  const item = ownValue(input.document.paths, input.path);
  return isObject(item) && Array.isArray(item.parameters) ? { parameters: input.copier.copy(item.parameters) } : {};
}

function pruneOperation(input: { operation: Record<string, unknown>; copier: Copier }): Record<string, unknown> {
  const { operation } = input;
  const pruned: Record<string, unknown> = {};
  for (const key of Object.keys(operation).sort()) {
    if (!DROPPED_OPERATION_KEYS.includes(key)) setOwn(pruned, key, input.copier.copy(operation[key]));
  }
  return pruned;
}

/** The security requirements in force for the selected operations (operation-level wins). */
function securityOf(options: { document: OpenApiDocument; operations: Array<Record<string, unknown>> }): unknown[] {
  return options.operations.flatMap((operation) =>
    Array.isArray(operation.security) ? operation.security : (options.document.security ?? []),
  );
}

/** Follow `$ref`s from the roots to a fixed point, copying each reached component once. */
function reachComponents(options: { document: OpenApiDocument; roots: unknown[]; copier: Copier }): {
  components: Record<string, Record<string, unknown>>;
  problems: Problem[];
} {
  const components: Record<string, Record<string, unknown>> = {};
  const problems: Problem[] = [];
  const pending = options.roots.flatMap((root) => collectRefs(root));
  const { copy, refsOf } = options.copier;
  const seen = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.pop()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const segments = parsePointer(ref);
    const [root, section, name] = segments;
    const target = lookup(options.document, segments);
    if (root !== "components" || section === undefined || name === undefined || segments.length !== 3) {
      problems.push(problem({ code: "ref-unsupported", message: `$ref "${ref}" does not name a component`, path: ref }));
      continue;
    }
    if (target === undefined) {
      problems.push(problem({ code: "ref-dangling", message: `$ref "${ref}" points at nothing`, path: toPointer(segments) }));
      continue;
    }
    if (!Object.hasOwn(components, section)) setOwn(components, section, {});
    setOwn(components[section]!, name, copy(target));
    pending.push(...refsOf(target));
  }
  return { components, problems };
}

function lookup(document: unknown, segments: string[]): unknown {
  let node: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

function withSecuritySchemes(options: {
  document: OpenApiDocument;
  components: Record<string, Record<string, unknown>>;
  security: unknown[];
  copy: Copier["copy"];
}): Record<string, Record<string, unknown>> {
  const available = ownValue(options.document.components, "securitySchemes");
  const schemes: Record<string, unknown> = {};
  for (const requirement of options.security) {
    if (!isObject(requirement)) continue;
    for (const name of Object.keys(requirement)) {
      const scheme = ownValue(available, name);
      if (scheme !== undefined) setOwn(schemes, name, options.copy(scheme));
    }
  }
  const components = { ...options.components };
  if (Object.keys(schemes).length > 0) components.securitySchemes = schemes;
  const sorted: Record<string, Record<string, unknown>> = {};
  for (const section of Object.keys(components).sort()) setOwn(sorted, section, sortKeys(components[section]!));
  return sorted;
}
