// The embedded spec's text, and edits of it that tests make: a parameter added to
// customers:delete right after its `anonymize` parameter. An edit whose anchor is gone
// throws, so a test never compares the spec with itself.
import { readFileSync } from "node:fs";

export const EMBEDDED_TEXT = readFileSync("spec/polar.openapi.yaml", "utf8");

/** customers:delete's `anonymize` list item: its `- name:` line and the lines indented under it. */
const ANONYMIZE_ITEM = /^( +)- name: anonymize\n(?:\1  .*\n)*/m;

/** The embedded spec with `parameter` (one line of YAML flow) after customers:delete's `anonymize`. */
export function withDeleteParameter(parameter: string): string {
  const match = ANONYMIZE_ITEM.exec(EMBEDDED_TEXT);
  if (!match) throw new Error("the embedded spec no longer has the anonymize parameter these tests edit");
  const end = match.index + match[0].length;
  return `${EMBEDDED_TEXT.slice(0, end)}${match[1]}- ${parameter}\n${EMBEDDED_TEXT.slice(end)}`;
}
