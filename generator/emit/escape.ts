// Spec text into generated code: one function per place it can land. The spec, the config
// and the command line are untrusted input, and generated modules are imported by
// services that hold credentials, so no text may end a comment, a string or a regular
// expression early, or become a name the module declares. Every emitter writes spec text
// through these functions and nothing else (test/unit/escape.test.ts holds each to
// TypeScript's own scanner; test/unit/escape-property.test.ts holds the whole generator).
//
// Besides what would end its context, each escapes what a reader cannot see or a file
// cannot hold: control characters, the Unicode line and paragraph separators, bidirectional
// overrides (which can make code read differently from how it runs), the byte-order mark,
// and lone surrogates (UTF-8 cannot encode them; written raw they become U+FFFD).

/** Characters written as `\uXXXX` wherever spec text lands (tab and line feed are handled per context). */
const INVISIBLE =
  /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * Comment text, reversibly: `\uXXXX` for the characters above and `\\` for a backslash
 * that would otherwise read as the start of one. Ordinary text (Polar's descriptions)
 * comes out unchanged.
 */
function commentText(options: { text: string; significant: RegExp }): string {
  return options.text.replace(options.significant, (match) => (match.startsWith("\\") ? `\\${match}` : unicodeEscape(match)));
}

/** What each kind of comment escapes, and a backslash before any of it or before `\` and `u` (and `/` in a block). */
const LINE_ESCAPED = `\\n|${INVISIBLE.source}`;
const LINE_SIGNIFICANT = new RegExp(`\\\\(?=\\\\|u|${LINE_ESCAPED})|${LINE_ESCAPED}`, "g");
const BLOCK_SIGNIFICANT = new RegExp(`\\\\(?=\\\\|u|/|${INVISIBLE.source})|${INVISIBLE.source}`, "g");

/** Text for a `//` comment: it stays on that one line, whatever it holds. */
export function lineComment(text: string): string {
  return commentText({ text, significant: LINE_SIGNIFICANT });
}

/**
 * Text for the inside of a block comment or JSDoc: `*\/` cannot end it. Line feeds are
 * kept, as the comment's own lines (`jsDoc` prefixes each with ` * `); every other line
 * break is escaped.
 */
export function blockComment(text: string): string {
  return commentText({ text, significant: BLOCK_SIGNIFICANT }).replace(/\*\//g, "*\\/");
}

/**
 * A JSDoc comment holding `text`: `/** text *\/` on one line, or one ` * ` line per line
 * of text. Leading and trailing blank space is dropped, as a comment's reader would.
 */
export function jsDoc(text: string): string {
  const lines = blockComment(text).trim().split("\n");
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ["/**", ...lines.map((line) => (line.trim() === "" ? " *" : ` * ${line}`)), " */"].join("\n");
}

/**
 * Code a library printed (openapi-typescript's types.ts) with the invisible characters
 * above written as `\uXXXX`: the printer escapes them in strings, but copies spec text
 * into comments as it is. The escape means the same in a string, a template or a regular
 * expression, and in a comment it is only text, so it is safe anywhere in printed code.
 */
export function escapeInvisible(code: string): string {
  return code.replace(INVISIBLE, unicodeEscape);
}

/** Printable ASCII but `"` and `\`. */
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** A double-quoted string literal whose value is exactly `value`. */
export function stringLiteral(value: string): string {
  // Most values are printable ASCII with no quote or backslash: nothing to escape.
  if (PLAIN_TEXT.test(value)) return `"${value}"`;
  // JSON.stringify escapes quotes, backslashes, C0 controls and lone surrogates already.
  // A value ending in a backslash ends in backslash-quote: a writer that tells a closing
  // quote by the character before it (code-block-writer, under ts-morph, which a user may
  // run over the output) takes the string as still open. Its last backslash is written
  // `\u005c`, so the output reads the same to such tools (test/unit/escape.test.ts).
  return JSON.stringify(value).replace(INVISIBLE, unicodeEscape).replace(/\\\\"$/, '\\u005c"');
}

const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * An object-literal or type-member key naming exactly `name`: bare when it is a plain
 * identifier (as prettier's `quoteProps: "as-needed"` leaves it), else quoted. `__proto__`
 * is computed: as a plain key, quoted or not, an object literal sets its prototype instead.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return ASCII_IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** Reading the member `name` of an expression: `.name`, or `["…"]` when it is no plain identifier. */
export function propertyAccess(name: string): string {
  return ASCII_IDENTIFIER.test(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}


/**
 * Words no generated module may declare: JavaScript's reserved words (strict mode and
 * modules included), and the global values a declaration would shadow for the module's
 * own code.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    "await break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if implements import in instanceof interface let new null package private protected public return static " +
    "super switch this throw true try typeof var void while with yield arguments eval undefined NaN Infinity globalThis " +
    "Array Boolean Date Error JSON Map Math Number Object Promise Reflect RegExp Set String Symbol TypeError URL"
  ).split(" "),
);

/**
 * Whether `name` can be declared as is: an ASCII identifier that is no reserved word (ASCII,
 * because TypeScript and JavaScript engines know different versions of Unicode's letters).
 * Names derived from the spec are mapped to this (model/names.ts), or refused, before any
 * emitter declares them.
 */
export function isDeclarableIdentifier(name: string): boolean {
  return ASCII_IDENTIFIER.test(name) && !RESERVED_WORDS.has(name);
}

/**
 * A regular-expression literal matching what `new RegExp(source, flags)` matches. The
 * caller has checked that the pattern compiles with those flags (a literal that does not
 * is a syntax error when the module loads). `/` and line breaks, which would end the
 * literal, and the invisible characters above are escaped; an escape the pattern already
 * has is kept whole, so `\/` and `\\` keep their meaning and no `\` can escape the
 * closing slash.
 */
export function regexLiteral(options: { source: string; flags: string }): string {
  const { source, flags } = options;
  // With `u`, `\u{…}`: two `\uXXXX` in a row would pair into one code point where the source had two.
  const escapeChar = (char: string) => (REGEX_SHORT[char] ?? (flags.includes("u") ? `\\u{${char.charCodeAt(0).toString(16)}}` : unicodeEscape(char)));
  let body = "";
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === "\\" && index + 1 === source.length) body += "\\\\";
    else if (char === "\\") {
      const next = source[++index]!;
      // `\` before a line break or an invisible character is an identity escape of it
      // (valid only without `u`): the escape alone means the same.
      body += needsRegexEscape({ text: source, index }) ? escapeChar(next) : char + next;
    } else if (char === "/") body += "\\/";
    else body += needsRegexEscape({ text: source, index }) ? escapeChar(char) : char;
  }
  // `//` would be a comment: an empty pattern is written as RegExp's `source` writes it.
  return `/${body || "(?:)"}/${flags}`;
}

const REGEX_SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r" };
const REGEX_UNSAFE = /[\0-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** A line break, an invisible character, or half of a surrogate pair that has no other half. */
function needsRegexEscape(options: { text: string; index: number }): boolean {
  const { text, index } = options;
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) return !isLowSurrogate(text.charCodeAt(index + 1));
  if (isLowSurrogate(code)) return !(text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff);
  return REGEX_UNSAFE.test(text[index]!);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
