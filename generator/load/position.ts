// Source positions: from a byte offset (what `yaml` and V8 report) to file:line:col,
// and from a JSON pointer to the YAML node it names.

import type { Document, LineCounter, Node } from "yaml";
import { parsePointer } from "../openapi.js";
import type { SourcePosition } from "../problems.js";
import { yamlLibrary } from "./yaml-library.js";

/** Line and column (1-based) of an offset, for text we hold no LineCounter for. */
export function positionOfOffset(options: { text: string; offset: number; file: string }): SourcePosition {
  const { text, offset } = options;
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { file: options.file, line, col: offset - lineStart + 1 };
}

/**
 * The position of the deepest node a pointer reaches in a composed YAML document: the
 * key when the pointer ends on a map entry (editors jump to `responses:`, not to its
 * value), so a problem about a missing child still points at its parent.
 */
export function locateInDocument(options: {
  document: Document;
  lineCounter: LineCounter;
  pointer: string;
  file: string;
}): SourcePosition | undefined {
  const { isAlias } = yamlLibrary();
  let node: unknown = options.document.contents;
  let offset = rangeStart(node);
  for (const segment of parsePointer(options.pointer)) {
    if (isAlias(node)) node = node.resolve(options.document);
    const step = childOf(node, segment);
    if (!step) break;
    node = step.value;
    offset = step.offset ?? offset;
  }
  if (offset === undefined) return undefined;
  const { line, col } = options.lineCounter.linePos(offset);
  return { file: options.file, line, col };
}

function childOf(node: unknown, segment: string): { value: unknown; offset: number | undefined } | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
    return pair ? { value: pair.value, offset: rangeStart(pair.key) ?? rangeStart(pair.value) } : undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { value: item, offset: rangeStart(item) };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
