// Routing on the path exactly as received. Each path parameter is one raw segment,
// percent-decoded once, the inverse of the client's `encodeURIComponent`; a segment that
// decodes to a dot segment or contains a separator matches no route, so an id such as
// `..` or `a/b` can never reach another operation.

import type { RouteInfo } from "./types.js";

export type RouteMatch =
  | { kind: "found"; route: RouteInfo; values: Record<string, string> }
  | { kind: "not-found" }
  | { kind: "bad-path" }
  | { kind: "method-not-allowed"; allow: string };

interface CompiledRoute {
  route: RouteInfo;
  /** A literal segment, or the wire name of the parameter it holds. */
  segments: Array<{ literal: string } | { param: string }>;
}

const NOT_FOUND: RouteMatch = { kind: "not-found" };
/** A segment that is not valid percent-encoded UTF-8. */
const MALFORMED = /* @__PURE__ */ Symbol("malformed");

export function createRouter(
  routes: readonly RouteInfo[],
): (method: string, path: string) => RouteMatch {
  const byLength = new Map<number, CompiledRoute[]>();
  for (const route of routes) {
    const compiled = compile(route);
    const list = byLength.get(compiled.segments.length) ?? [];
    list.push(compiled);
    byLength.set(compiled.segments.length, list);
  }
  // Literal segments win over parameters, at the first segment where two templates differ.
  for (const list of byLength.values())
    list.sort((a, b) => (shape(a) < shape(b) ? -1 : shape(a) > shape(b) ? 1 : 0));
  return (method, path) => {
    const candidates = byLength.get(segmentCount(path));
    if (!candidates) return NOT_FOUND;
    let allow: string[] | undefined;
    let malformed = false;
    for (const candidate of candidates) {
      const values = matchSegments(candidate, path);
      if (values === MALFORMED) malformed = true;
      if (values === undefined || values === MALFORMED) continue;
      if (candidate.route.method === method)
        return { kind: "found", route: candidate.route, values };
      (allow ??= []).push(candidate.route.method);
    }
    if (allow) return { kind: "method-not-allowed", allow: [...new Set(allow)].sort().join(", ") };
    return malformed ? { kind: "bad-path" } : NOT_FOUND;
  };
}

function compile(route: RouteInfo): CompiledRoute {
  const segments = route.path.split("/").map((segment) => {
    const param = /^\{([^{}]+)\}$/.exec(segment)?.[1];
    return param === undefined ? { literal: segment } : { param };
  });
  return { route, segments };
}

function shape(compiled: CompiledRoute): string {
  return compiled.segments.map((segment) => ("literal" in segment ? "0" : "1")).join("");
}

/** As `path.split("/").length`, without the array: this runs for every request. */
function segmentCount(path: string): number {
  let count = 1;
  for (let index = path.indexOf("/"); index >= 0; index = path.indexOf("/", index + 1)) count++;
  return count;
}

/** The decoded parameter values, `undefined` when the path is another, `MALFORMED` when it cannot be decoded. */
// Positional arguments and no split: this runs for every request, and garbage is what it costs.
function matchSegments(
  candidate: CompiledRoute,
  path: string,
): Record<string, string> | undefined | typeof MALFORMED {
  const values: Record<string, string> = {};
  const { segments } = candidate;
  let start = 0;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const slash = path.indexOf("/", start);
    const end = slash < 0 ? path.length : slash;
    if ("literal" in segment) {
      const { literal } = segment;
      if (end - start !== literal.length || !path.startsWith(literal, start)) return undefined;
    } else {
      const value = decodeSegment(path.slice(start, end));
      if (value === MALFORMED) return MALFORMED;
      if (value === undefined) return undefined;
      // Defined, not assigned: a parameter named `__proto__` would set the prototype instead.
      if (segment.param === "__proto__")
        Object.defineProperty(values, segment.param, { value, enumerable: true, writable: true });
      else values[segment.param] = value;
    }
    start = end + 1;
  }
  return values;
}

function decodeSegment(text: string): string | undefined | typeof MALFORMED {
  let value = text;
  if (text.includes("%")) {
    try {
      value = decodeURIComponent(text);
    } catch {
      // `%ZZ`, a truncated escape, or bytes that are not UTF-8.
      return MALFORMED;
    }
  }
  if (
    value === "" ||
    value === "." ||
    value === ".." ||
    value.includes("/") ||
    value.includes("\\")
  )
    return undefined;
  return value;
}
