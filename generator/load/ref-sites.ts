// Finding `$ref`s and naming what they fold into. Pure functions over plain values.

import { isObject, parsePointer } from "../openapi.js";

export interface RefSite {
  /** The object holding `$ref`; the bundler rewrites its `$ref` in place. */
  holder: Record<string, unknown>;
  ref: string;
  /** Where the holder sits in the bundled document. */
  at: string[];
  /** Where it sits in the file it was read from. */
  sourceAt: string[];
}

/**
 * Cheap text test run before walking a whole document: a `$ref` whose value does not
 * start with `#` may name another file. Most specs have none, so most loads skip the walk.
 */
export function mayReferToOtherFiles(text: string): boolean {
  return /\$ref["']?\s*:(?!\s*["']?#)/.test(text);
}

export function findRefSites(options: { value: unknown; at: string[]; sourceAt: string[] }): RefSite[] {
  const sites: RefSite[] = [];
  // YAML anchors can make a value contain itself; visit each object once.
  const seen = new WeakSet<object>();
  const visit = (node: unknown, at: string[], sourceAt: string[]): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...at, String(index)], [...sourceAt, String(index)]));
    } else if (isObject(node)) {
      if (typeof node.$ref === "string") sites.push({ holder: node, ref: node.$ref, at, sourceAt });
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === "object" && child !== null) visit(child, [...at, key], [...sourceAt, key]);
      }
    }
  };
  visit(options.value, options.at, options.sourceAt);
  return sites;
}

/** Component sections a `$ref` can stand for, by the key it sits under. */
const SECTION_BY_PARENT: Record<string, string> = {
  parameters: "parameters",
  responses: "responses",
  headers: "headers",
  examples: "examples",
  links: "links",
  callbacks: "callbacks",
  securitySchemes: "securitySchemes",
  paths: "pathItems",
};

/**
 * The component a folded target becomes. A target that already lives at
 * `/components/<section>/<name>` in its file keeps both; otherwise the section follows
 * from where the `$ref` sits and the name from the pointer's last token or the file name.
 */
export function componentFor(options: { site: string[]; location: string; fragment: string }): {
  section: string;
  name: string;
} {
  const tokens = parsePointer(options.fragment);
  if (tokens.length === 3 && tokens[0] === "components") return { section: tokens[1]!, name: sanitize(tokens[2]!) };
  const fileName = options.location.replace(/[?#].*$/, "").split("/").pop() ?? "external";
  const base = tokens.at(-1) ?? fileName.replace(/\.(ya?ml|json)$/i, "");
  return { section: sectionOf(options.site), name: sanitize(base) };
}

function sectionOf(site: string[]): string {
  const last = site.at(-1);
  const parent = site.at(-2);
  if (last === "requestBody") return "requestBodies";
  const section = parent !== undefined && Object.hasOwn(SECTION_BY_PARENT, parent) ? SECTION_BY_PARENT[parent] : undefined;
  // `properties/responses` is a schema property named "responses", not a response.
  return section && site.at(-3) !== "properties" ? section : "schemas";
}

function sanitize(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, "_");
  return cleaned === "" ? "external" : cleaned;
}

/** `name`, or `name_2`, `name_3`, ... : the first not yet taken in its section. */
export function uniqueName(options: { name: string; taken: Set<string> }): string {
  let candidate = options.name;
  for (let n = 2; options.taken.has(candidate); n += 1) candidate = `${options.name}_${n}`;
  options.taken.add(candidate);
  return candidate;
}
