// How deep a parsed document nests, checked before a stage walks it (here, or in
// validation's walk): bundling, selection, openapi-typescript and prettier recurse per level, and a
// few thousand levels overflow their stacks. A YAML alias inside its own node makes a
// document without end; that is refused here too.

import { toPointer } from "../openapi.js";

/** Objects and arrays inside one another, from the document's root (README: "Limits"). */
export const MAX_DOCUMENT_DEPTH = 256;

/** The pointer of the first value nested past the limit, or inside itself; undefined when none is. */
export function tooDeepAt(value: unknown): { pointer: string; cycle: boolean } | undefined {
  const path: Array<string | number> = [];
  const onPath = new Set<object>();
  // Explicit stack of [node, its children still to visit]: iterative, so the check itself cannot overflow.
  const stack: Array<{ node: object; children: Array<[string | number, unknown]> }> = [];
  const enter = (node: unknown): { pointer: string; cycle: boolean } | undefined => {
    if (typeof node !== "object" || node === null) return undefined;
    if (onPath.has(node)) return { pointer: toPointer(path), cycle: true };
    if (stack.length >= MAX_DOCUMENT_DEPTH) return { pointer: toPointer(path), cycle: false };
    onPath.add(node);
    const children: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((child, index) => [index, child]) : Object.entries(node);
    stack.push({ node, children: children.reverse() });
    return undefined;
  };
  const first = enter(value);
  if (first) return first;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const next = top.children.pop();
    if (!next) {
      onPath.delete(top.node);
      stack.pop();
      path.pop();
      continue;
    }
    path.push(next[0]);
    const found = enter(next[1]);
    if (found) return found;
    if (typeof next[1] !== "object" || next[1] === null) path.pop();
  }
  return undefined;
}

/**
 * The offset of the bracket that opens level `MAX_DOCUMENT_DEPTH + 1` of a JSON text: a
 * position found without composing the text (the composer walks every level, and a text
 * nested a hundred thousand deep takes it seconds).
 */
export function jsonOffsetPastLimit(text: string): number | undefined {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '"') {
      for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === "\\") at++;
    } else if (char === "{" || char === "[") {
      if (++depth > MAX_DOCUMENT_DEPTH) return at;
    } else if (char === "}" || char === "]") depth--;
  }
  return undefined;
}
