// types.ts in prettier's layout without running prettier over the whole file.
// openapi-typescript prints with the TypeScript printer: 4-space indents, one member per
// line, every object type broken over lines. Prettier keeps all of that but the indent
// (2 spaces, JSDoc lines re-aligned) and changes only members it would lay out
// differently: lines over the print width and tuples (which it joins). So the lines are
// re-indented here, those members are laid out by type-member-layout.ts, and only the
// ones it does not know go to prettier, each in a wrapper that puts it at its own depth,
// all in one call. Anything this does not recognise answers undefined and the whole file
// goes to prettier. The corpus holds it to prettier's bytes, with nothing sent on any real
// spec (test/corpus/ts-printer-style.test.ts).

import { PRETTIER_OPTIONS } from "./prettier-options.js";
import { stableText } from "./break-statements.js";
import { layoutTypeMember } from "./type-member-layout.js";

type FormatText = (text: string) => Promise<string>;

interface Member {
  /** First and last line (inclusive) in the re-indented text. */
  from: number;
  to: number;
  /** Nesting depth: the member sits at 2 * depth columns. */
  depth: number;
}

class Unrecognised extends Error {}

export async function restyleTsPrinterOutput(input: { text: string; format: FormatText }): Promise<string | undefined> {
  let lines: string[];
  let members: Member[];
  try {
    lines = reindent(input.text.split("\n"));
    members = membersForPrettier(lines);
  } catch (error) {
    if (error instanceof Unrecognised) return undefined;
    throw error;
  }
  // The shapes type-member-layout.ts knows are laid out here; only the rest go to prettier.
  const laidOut = members.map((member) =>
    layoutTypeMember({ lines: lines.slice(member.from, member.to + 1), indent: member.depth * 2, width: PRETTIER_OPTIONS.printWidth }),
  );
  const sent = members.filter((_member, index) => !laidOut[index]);
  const formatted = sent.length ? await formatMembers({ lines, members: sent, format: input.format }) : [];
  if (!formatted) return undefined;
  // Replaced from the end, so earlier line numbers stay valid.
  for (let index = members.length - 1; index >= 0; index--) {
    const member = members[index]!;
    const replacement = laidOut[index] ?? formatted[sent.indexOf(member)]!;
    lines.splice(member.from, member.to - member.from + 1, ...replacement);
  }
  return lines.join("\n");
}

/** 4-space code indents to 2; JSDoc continuation lines aligned under the opening `/**`. */
function reindent(lines: string[]): string[] {
  let comment: number | undefined;
  return lines.map((line) => {
    const spaces = line.length - line.trimStart().length;
    const text = line.trimStart();
    if (comment !== undefined) {
      if (!text.startsWith("*")) throw new Unrecognised();
      if (text.startsWith("*/")) {
        const at = comment;
        comment = undefined;
        if (text !== "*/") throw new Unrecognised();
        return `${" ".repeat(at)} */`;
      }
      return `${" ".repeat(comment)} ${text.trimEnd()}`;
    }
    if (spaces % 4 !== 0) throw new Unrecognised();
    const indent = spaces / 2;
    if (text.startsWith("/*")) {
      if (!text.startsWith("/**")) throw new Unrecognised();
      if (!text.includes("*/")) comment = indent;
      else if (!text.endsWith("*/") || text.indexOf("*/") !== text.length - 2) throw new Unrecognised();
    }
    return " ".repeat(indent) + text;
  });
}

/** The members prettier would lay out differently from the TypeScript printer. */
function membersForPrettier(lines: string[]): Member[] {
  const found: Member[] = [];
  let inComment = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const text = line.trimStart();
    if (inComment || text.startsWith("/**")) {
      inComment = !text.includes("*/");
      continue;
    }
    if (text === "" || text.startsWith("//") || /^[}\]]/.test(text)) continue;
    const indent = line.length - text.length;
    const opener = text.endsWith("{") ? "{" : text.endsWith("[") ? "[" : undefined;
    const end = opener ? closingLine({ lines, from: index, indent }) : index;
    const close = lines[end]!.trimStart();
    const reopens = lines.slice(index + 1, end).filter((inner) => inner.length - inner.trimStart().length === indent);
    // A line with a string prettier would quote otherwise (more `"` than `'` in it) is never plain.
    const plain = stableText(text) && (opener === "{" ? isPlainObject({ opening: text, reopens, close }) : !opener);
    if (!plain || line.length > PRETTIER_OPTIONS.printWidth) {
      if (indent === 0) throw new Unrecognised();
      found.push({ from: index, to: end, depth: indent / 2 });
      index = end;
    }
  }
  return found;
}

/** The line that closes the member opened at `from`, past any `} & {` that opens another part. */
function closingLine(options: { lines: string[]; from: number; indent: number }): number {
  for (let index = options.from + 1; index < options.lines.length; index++) {
    const line = options.lines[index]!;
    const text = line.trimStart();
    const indent = line.length - text.length;
    if (indent === options.indent && /^[}\]]/.test(text) && !/[{[]$/.test(text)) return index;
    if (indent < options.indent && text !== "") break;
  }
  throw new Unrecognised();
}

/**
 * An object type prettier prints as the TypeScript printer does (its members aside): alone,
 * an intersection of object types (`} & {`), or hugged with null (`key: {` ... `} | null;`).
 */
function isPlainObject(input: { opening: string; reopens: string[]; close: string }): boolean {
  // An object type in a union (`A | {`): prettier puts each member on a line of its own.
  if (input.opening.replace(/"(?:[^"\\]|\\.)*"/g, '""').includes(" | ")) return false;
  const objectOnly = /^(?:[\w$]+|"[^"\\]*"|\[key: string\])\??: \{$/.test(input.opening);
  if (input.reopens.length > 0) return objectOnly && input.close === "};" && input.reopens.every((line) => line.trimStart() === "} & {");
  if (input.close === "} | null;") return objectOnly;
  return input.close === "};" || input.close === "}[];" || input.close === "}";
}

/** Every member through one prettier call, each wrapped in type literals to its depth. */
async function formatMembers(input: { lines: string[]; members: Member[]; format: FormatText }): Promise<string[][] | undefined> {
  const wrapped = input.members.map((member, index) => {
    const opening = Array.from({ length: member.depth }, (_, level) => (level === 0 ? `type __M${index} = {` : `${"  ".repeat(level)}__m: {`));
    const closing = Array.from({ length: member.depth }, (_, level) => `${"  ".repeat(member.depth - 1 - level)}}${level === member.depth - 1 ? "" : ";"}`);
    return { opening, closing, body: input.lines.slice(member.from, member.to + 1) };
  });
  const text = wrapped.map((each) => [...each.opening, ...each.body, ...each.closing].join("\n")).join("\n\n") + "\n";
  const output = (await formatOrUndefined({ text, format: input.format }))?.split("\n");
  if (!output) return undefined;
  const result: string[][] = [];
  let at = 0;
  for (const each of wrapped) {
    const closingAt = output.indexOf(fromPrettier(each.closing[0]!), at + each.opening.length);
    const head = output.slice(at, at + each.opening.length);
    const tail = output.slice(closingAt, closingAt + each.closing.length);
    // The wrapper comes back as it went in, or the member's layout cannot be trusted.
    const wrapperAsSent = [...head, ...tail].join("\n") === [...each.opening, ...each.closing].map(fromPrettier).join("\n");
    if (closingAt < 0 || !wrapperAsSent) return undefined;
    result.push(output.slice(at + each.opening.length, closingAt));
    at = closingAt + each.closing.length + 1;
  }
  return result;
}

/** How prettier prints a wrapper line: a type alias ends with `;`. */
function fromPrettier(line: string): string {
  return line === "}" ? "};" : line;
}

/** Prettier's output, or undefined where it cannot parse what it was sent. */
export async function formatOrUndefined(input: { text: string; format: FormatText }): Promise<string | undefined> {
  try {
    return await input.format(input.text);
  } catch {
    return undefined;
  }
}
