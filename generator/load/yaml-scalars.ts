// The scalars of the fast YAML path (yaml-fast.ts): a plain scalar resolved as the core
// schema resolves it, single- and double-quoted scalars with yaml's escapes and folding.
// Anything they cannot vouch for gives up, and the text goes to the `yaml` package.

/** Thrown, and caught at the top, to give the text back to the `yaml` package. */
export const GIVE_UP = Symbol("give up");

export function giveUp(): never {
  throw GIVE_UP;
}

/** Characters a plain scalar may not start with (but see parseInlineScalar for `-`). */
const INDICATOR = new Set("-?:,[]{}#&*!|>'\"%@`");

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT_OCTAL = /^0o[0-7]+$/;
const INT_DECIMAL = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const SPACE = 32;
const QUOTE = 34;

/** A scalar that fits on the rest of its line: double-quoted, single-quoted, `[]`, `{}`, or plain. */
export function parseInlineScalar(rest: string): unknown {
  const first = rest.charCodeAt(0);
  if (first === 34 /* " */) {
    const end = closingDoubleQuote({ text: rest, open: 0 });
    if (end === -1 || !onlySpaces({ text: rest, from: end + 1 })) giveUp();
    return unescapeDoubleQuoted(rest.slice(1, end));
  }
  if (first === 39 /* ' */) {
    const end = closingSingleQuote(rest);
    if (end === -1 || !onlySpaces({ text: rest, from: end + 1 })) giveUp();
    return rest.slice(1, end).replaceAll("''", "'");
  }
  if (rest === "[]") return [];
  if (rest === "{}") return {};
  const plain = trimSpaces(rest);
  // `-` may start one before a non-space (`-created_at`, `-1`); `?` and `:` may too, but are left to yaml.
  if (INDICATOR.has(plain[0]!) && !(plain[0] === "-" && plain.length > 1 && plain.charCodeAt(1) !== SPACE)) giveUp();
  // `: ` or a final `:` would make a mapping, ` #` a comment.
  if (plain.includes(": ") || plain.endsWith(":") || plain.includes(" #") || plain.includes("\t")) giveUp();
  return resolvePlain(plain);
}

/** Without its trailing spaces: YAML's white space is space and tab, not all that `trimEnd` takes (U+2028, U+00A0, ...). */
export function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  return text.slice(0, end);
}

export function onlySpaces(input: { text: string; from: number }): boolean {
  const { text } = input;
  for (let at = input.from; at < text.length; at++) if (text.charCodeAt(at) !== SPACE) return false;
  return true;
}

/** The core schema's reading of a plain scalar, as `yaml` resolves it. */
function resolvePlain(plain: string): unknown {
  const first = plain.charCodeAt(0);
  // Only these can start a null, bool or number: any other plain scalar is a string.
  const maybeSpecial = (first >= 48 && first <= 57) || "+-.~nNtTfF".includes(plain[0]!);
  if (!maybeSpecial) return plain;
  if (NULL.test(plain)) return null;
  if (TRUE.test(plain)) return true;
  if (FALSE.test(plain)) return false;
  if (INT_OCTAL.test(plain)) return parseInt(plain.slice(2), 8);
  if (INT_DECIMAL.test(plain)) return parseInt(plain, 10);
  if (INT_HEX.test(plain)) return parseInt(plain.slice(2), 16);
  if (FLOAT_SPECIAL.test(plain)) {
    if (plain.slice(-3).toLowerCase() === "nan") return NaN;
    return plain[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXPONENT.test(plain) || FLOAT.test(plain)) return parseFloat(plain);
  return plain;
}

/** Whether a plain scalar is read as the string it spells (what a key must be for us). */
export function isPlainStringScalar(raw: string): boolean {
  if (raw.length === 0 || INDICATOR.has(raw[0]!) || raw !== trimSpaces(raw) || raw.includes(" #") || raw.includes("\t")) return false;
  return resolvePlain(raw) === raw;
}

/** The closing `"` of the scalar whose opening one is at `open` (-1: a continuation line), or -1. */
export function closingDoubleQuote(input: { text: string; open: number }): number {
  const { text } = input;
  for (let at = input.open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92 /* \ */) at++;
    else if (code === QUOTE) return at;
  }
  return -1;
}

/** The closing `'` of a single-quoted scalar at the text's start (`''` is an escaped quote). */
function closingSingleQuote(text: string): number {
  for (let at = 1; at < text.length; at++) {
    if (text.charCodeAt(at) !== 39) continue;
    if (text.charCodeAt(at + 1) === 39) at++;
    else return at;
  }
  return -1;
}

/** yaml's escapes, but `\x` and `\U` (left to yaml). */
const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
};

/** The body of a one-line double-quoted scalar, unescaped. */
export function unescapeDoubleQuoted(body: string): string {
  return body.includes("\\") ? foldDoubleQuoted(`"${body}"`) : body;
}

/**
 * A double-quoted scalar's value from its source, quotes included, as yaml reads it: a
 * line break folds to a space, or to one newline per empty line after it; spaces at a
 * line's end and start go; a `\` at a line's end joins the lines. Tabs are not expected
 * here (parseSimpleYamlMapping declines a tab outside quotes, and the multi-line case below).
 */
export function foldDoubleQuoted(source: string): string {
  if (source.includes("\t") && source.includes("\n")) giveUp();
  let result = "";
  for (let at = 1; at < source.length - 1; at++) {
    const character = source[at]!;
    if (character === "\n") {
      let fold = "";
      while (source[at + 1] === " " || source[at + 1] === "\n") if (source[++at] === "\n") fold += "\n";
      result += fold || " ";
    } else if (character === "\\") {
      const escape = source[++at]!;
      const simple = ESCAPES[escape];
      if (simple !== undefined) {
        result += simple;
      } else if (escape === "\n") {
        while (source[at + 1] === " ") at++;
      } else {
        const hex = escape === "u" ? source.slice(at + 1, at + 5) : "";
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) giveUp();
        result += String.fromCharCode(parseInt(hex, 16));
        at += 4;
      }
    } else if (character === " ") {
      const start = at;
      while (source[at + 1] === " ") at++;
      if (source[at + 1] !== "\n") result += source.slice(start, at + 1);
    } else {
      result += character;
    }
  }
  return result;
}
