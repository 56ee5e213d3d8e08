// Prettier's document printer (its printDocToString and `fits`) written again, for the
// layouts that rebuild prettier's documents for a few node shapes instead of running it.
// Only what those shapes use: text, concatenation, group, indent, align, line, softline,
// ifBreak. Breaking decisions follow prettier's exactly: a group is printed flat when its
// contents, and what follows them up to the next line break, fit in the remaining width.

export type Doc = string | Doc[] | Group | Indent | Line | IfBreak;
interface Group {
  kind: "group";
  contents: Doc;
}
interface Indent {
  kind: "indent";
  /** Spaces added to the indentation: 2 for indent, n for align(n). */
  by: number;
  contents: Doc;
}
interface Line {
  kind: "line";
  /** A softline prints nothing when flat; a line prints a space. */
  soft: boolean;
}
interface IfBreak {
  kind: "ifBreak";
  breakContents: Doc;
  flatContents: Doc;
}

export const group = (contents: Doc): Doc => ({ kind: "group", contents });
export const indent = (contents: Doc): Doc => ({ kind: "indent", by: 2, contents });
export const align = (input: { by: number; contents: Doc }): Doc => ({ kind: "indent", ...input });
export const line: Doc = { kind: "line", soft: false };
export const softline: Doc = { kind: "line", soft: true };
/** Printed only where the enclosing group breaks. */
export const ifBreak = (breakContents: Doc): Doc => ({ kind: "ifBreak", breakContents, flatContents: "" });
export const join = (input: { separator: Doc; docs: Doc[] }): Doc[] => input.docs.flatMap((doc, index) => (index === 0 ? [doc] : [input.separator, doc]));

type Mode = "break" | "flat";
interface Command {
  indent: number;
  mode: Mode;
  doc: Doc;
}

/**
 * The doc printed from column `indent` (its first line's indentation already written,
 * not returned), in break mode as prettier starts a statement. Lines come back without
 * their trailing spaces, each later line with its indentation.
 */
export function printDoc(input: { doc: Doc; indent: number; width: number }): string[] {
  const out: string[] = [""];
  let column = input.indent;
  const commands: Command[] = [{ indent: input.indent, mode: "break", doc: input.doc }];
  while (commands.length > 0) {
    const { indent: at, mode, doc } = commands.pop()!;
    if (typeof doc === "string") {
      out[out.length - 1] += doc;
      column += doc.length;
    } else if (Array.isArray(doc)) {
      for (let index = doc.length - 1; index >= 0; index--) commands.push({ indent: at, mode, doc: doc[index]! });
    } else if (doc.kind === "indent") {
      commands.push({ indent: at + doc.by, mode, doc: doc.contents });
    } else if (doc.kind === "group") {
      const flat: Command = { indent: at, mode: "flat", doc: doc.contents };
      const fitsFlat = mode === "flat" || fits({ next: flat, rest: commands, width: input.width - column });
      commands.push(fitsFlat ? flat : { indent: at, mode: "break", doc: doc.contents });
    } else if (doc.kind === "ifBreak") {
      commands.push({ indent: at, mode, doc: mode === "break" ? doc.breakContents : doc.flatContents });
    } else if (mode === "flat") {
      if (!doc.soft) {
        out[out.length - 1] += " ";
        column += 1;
      }
    } else {
      out[out.length - 1] = out[out.length - 1]!.trimEnd();
      out.push(" ".repeat(at));
      column = at;
    }
  }
  return out;
}

/** prettier's `fits`: the next command flat, then the rest in their own modes, up to a line that breaks. */
function fits(input: { next: Command; rest: Command[]; width: number }): boolean {
  let width = input.width;
  let restIndex = input.rest.length;
  const commands: Array<{ mode: Mode; doc: Doc }> = [input.next];
  while (width >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true;
      commands.push(input.rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = commands.pop()!;
    if (typeof doc === "string") width -= doc.length;
    else if (Array.isArray(doc)) for (let index = doc.length - 1; index >= 0; index--) commands.push({ mode, doc: doc[index]! });
    else if (doc.kind === "indent" || doc.kind === "group") commands.push({ mode, doc: doc.contents });
    else if (doc.kind === "ifBreak") commands.push({ mode, doc: mode === "break" ? doc.breakContents : doc.flatContents });
    else if (mode === "break") return true;
    else if (!doc.soft) width -= 1;
  }
  return false;
}
