// Fold every `$ref` that names another file into the root document, so that each
// remaining `$ref` is an internal pointer. Each external target becomes a component
// (see `componentFor`) and is walked in turn with its own file as the base, so refs
// inside it (including `#/...` into itself) are folded too. A target is folded once,
// keyed by file and pointer, and registered before it is walked: cycles end there.

import { cloneJson, ownValue, setOwn } from "../json.js";
import { isObject, parsePointer, toPointer } from "../openapi.js";
import { problem, type Problem } from "../problems.js";
import { checkRefTarget, redirectRefusal, resolveRefLocation, type Refusal } from "./ref-policy.js";
import { componentFor, findRefSites, mayReferToOtherFiles, uniqueName, type RefSite } from "./ref-sites.js";
import { loadSource, type Source, type SourceContext } from "./source.js";

/** A folded component and the file position it came from, so `locate` can find it there. */
export interface Origin {
  prefix: string;
  source: Source;
  sourcePointer: string;
}

interface BundleState {
  context: SourceContext;
  root: Source;
  document: Record<string, unknown>;
  sources: Map<string, Source>;
  folded: Map<string, string>;
  taken: Map<string, Set<string>>;
  origins: Origin[];
  problems: Problem[];
  pending: Array<{ value: unknown; source: Source; at: string[]; sourceAt: string[] }>;
}

export async function bundleRefs(options: {
  root: Source;
  text: string;
  context: SourceContext;
}): Promise<{ origins: Origin[]; sources: Source[]; problems: Problem[] }> {
  const { root, context } = options;
  const document = root.parsed.value as Record<string, unknown>;
  if (!mayReferToOtherFiles(options.text)) return { origins: [], sources: [root], problems: [] };
  const state: BundleState = {
    context,
    root,
    document,
    sources: new Map([[root.location, root]]),
    folded: new Map(),
    taken: new Map(),
    origins: [],
    problems: [],
    pending: [{ value: document, source: root, at: [], sourceAt: [] }],
  };
  for (let next = state.pending.shift(); next; next = state.pending.shift()) {
    for (const site of findRefSites(next)) await foldSite({ state, site, source: next.source });
  }
  return { origins: state.origins, sources: [...state.sources.values()], problems: state.problems };
}

async function foldSite(options: { state: BundleState; site: RefSite; source: Source }): Promise<void> {
  const { state, site, source } = options;
  const hash = site.ref.indexOf("#");
  const filePart = hash === -1 ? site.ref : site.ref.slice(0, hash);
  const fragment = hash === -1 ? "" : site.ref.slice(hash + 1);
  if (filePart === "" && source === state.root) return;
  const position = source.parsed.locate(toPointer([...site.sourceAt, "$ref"]));
  const where = { path: toPointer([...site.at, "$ref"]), ...(position ? { position } : {}) };
  const resolved = await locateTarget({ state, base: source.location, filePart, ref: site.ref });
  if ("refusal" in resolved) return void state.problems.push(problem({ ...resolved.refusal, ...where }));
  const { location } = resolved;
  if (location === state.root.location) return void (site.holder.$ref = `#${fragment}`);
  const known = state.folded.get(`${location}#${fragment}`);
  if (known) return void (site.holder.$ref = known);
  const target = await sourceAt({ state, location, where });
  if (!target) return;
  const value = valueAt(target.parsed.value, parsePointer(fragment));
  if (value === undefined) {
    const message = `$ref "${site.ref}" points at nothing in ${target.label}`;
    return void state.problems.push(problem({ code: "ref-dangling", message, ...where }));
  }
  site.holder.$ref = addComponent({ state, site, target, fragment, value });
}

async function locateTarget(options: {
  state: BundleState;
  base: string;
  filePart: string;
  ref: string;
}): Promise<{ location: string } | { refusal: Refusal }> {
  const resolved = resolveRefLocation(options);
  if ("refusal" in resolved) return resolved;
  const { root, context } = options.state;
  const refusal = await checkRefTarget({
    location: resolved.location,
    ref: options.ref,
    root: root.location,
    allowRemoteRefs: context.allowRemoteRefs,
  });
  return refusal ? { refusal } : resolved;
}

async function sourceAt(options: {
  state: BundleState;
  location: string;
  where: Pick<Problem, "path" | "position">;
}): Promise<Source | undefined> {
  const { state, location } = options;
  const cached = state.sources.get(location);
  if (cached) return cached;
  const mayRedirect = (to: string) =>
    redirectRefusal({ to, role: "ref", root: state.root.location, allowRemoteRefs: state.context.allowRemoteRefs });
  const loaded = await loadSource({ location, context: state.context, role: "ref", mayRedirect, where: options.where });
  state.problems.push(...loaded.problems);
  if (loaded.source) state.sources.set(location, loaded.source);
  return loaded.source;
}

function addComponent(options: {
  state: BundleState;
  site: RefSite;
  target: Source;
  fragment: string;
  value: unknown;
}): string {
  const { state, target, fragment } = options;
  const wanted = componentFor({ site: options.site.at, location: target.location, fragment });
  const name = uniqueName({ name: wanted.name, taken: takenIn({ state, section: wanted.section }) });
  const at = ["components", wanted.section, name];
  const pointer = `#${toPointer(at)}`;
  state.folded.set(`${target.location}#${fragment}`, pointer);
  const copy = cloneJson(options.value);
  setOwn(sectionOf({ document: state.document, section: wanted.section }), name, copy);
  const sourceAt = parsePointer(fragment);
  state.origins.push({ prefix: toPointer(at), source: target, sourcePointer: toPointer(sourceAt) });
  state.pending.push({ value: copy, source: target, at, sourceAt });
  return pointer;
}

function takenIn(options: { state: BundleState; section: string }): Set<string> {
  const { state, section } = options;
  let taken = state.taken.get(section);
  if (!taken) {
    taken = new Set(Object.keys(sectionOf({ document: state.document, section })));
    state.taken.set(section, taken);
  }
  return taken;
}

function sectionOf(options: { document: Record<string, unknown>; section: string }): Record<string, unknown> {
  const { document, section } = options;
  if (!isObject(ownValue(document, "components"))) document.components = {};
  const components = document.components as Record<string, unknown>;
  if (!isObject(ownValue(components, section))) setOwn(components, section, {});
  return components[section] as Record<string, unknown>;
}

export function valueAt(value: unknown, tokens: string[]): unknown {
  let node = value;
  for (const token of tokens) {
    if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
    else if (isObject(node)) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return undefined;
  }
  return node;
}
