// Each escaping function against TypeScript's own scanner and parser: whatever the text,
// the output is exactly one comment, literal, key or name in its context, and reads back
// as the text it was given.
import fc from "fast-check";
import { CodeBlockWriter } from "ts-morph";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  blockComment,
  escapeInvisible,
  isDeclarableIdentifier,
  jsDoc,
  lineComment,
  propertyAccess,
  propertyKey,
  regexLiteral,
  stringLiteral,
} from "../../generator/emit/escape.js";

const SEED = 1717;
const RUNS = 300;

/** Pieces that end or change a context, and characters no reader sees. */
const HOSTILE = ["*/", "/*", "//", "`", "${", "}", '"', "'", "\\", "\\u0041", "\r", "\n", "\r\n", "\u2028", "\u2029", "\0", "\x1b", "\x7f", "\x85", "\u202e", "\u2066", "\ufeff", "\ud800", "\udfff", "\ud83d\ude00", "__proto__", "constructor", "ä", "/", "[", "]", "(", "\t", " "];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 4 }), fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))), { maxLength: 12 })
  .map((parts) => parts.join(""));

/** Unwhitelisted invisible characters: none may reach the output raw. */
const RAW_INVISIBLE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function tokens(text: string): Array<{ kind: ts.SyntaxKind; text: string; value: string }> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const found: Array<{ kind: ts.SyntaxKind; text: string; value: string }> = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) kind = scanner.reScanSlashToken();
    found.push({ kind, text: scanner.getTokenText(), value: scanner.getTokenValue() });
  }
  return found;
}

function parse(text: string): ts.SourceFile & { parseDiagnostics?: unknown[] } {
  return ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
}

function syntaxErrors(text: string): readonly ts.Diagnostic[] {
  const host = ts.createCompilerHost({});
  const file = parse(text);
  const program = ts.createProgram({ rootNames: ["x.ts"], options: { noLib: true, noResolve: true, target: ts.ScriptTarget.ES2022 }, host: { ...host, getSourceFile: () => file } });
  return program.getSyntacticDiagnostics(file);
}

/** Reads a comment's text back: `\\`, `\uXXXX`, and in a block also `\/`. */
function decodeComment(options: { text: string; block: boolean }): string {
  const escape = options.block ? /\\(\\|\/|u[0-9a-f]{4})/g : /\\(\\|u[0-9a-f]{4})/g;
  return options.text.replace(escape, (_, body: string) => (body.length === 5 ? String.fromCharCode(parseInt(body.slice(1), 16)) : body));
}

describe("lineComment", () => {
  it("keeps any text on its one line, and reads back as that text", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const comment = `// ${lineComment(text)}`;
        const found = tokens(`${comment}\nafter;`);
        expect(found.map((token) => token.kind)).toStrictEqual([ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.NewLineTrivia, ts.SyntaxKind.Identifier, ts.SyntaxKind.SemicolonToken]);
        expect(found[0]!.text).toBe(comment);
        expect(comment).not.toMatch(RAW_INVISIBLE);
        expect(decodeComment({ text: lineComment(text), block: false })).toBe(text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("leaves ordinary text as it is", () => {
    expect(lineComment("spec/polar.openapi.yaml")).toBe("spec/polar.openapi.yaml");
    expect(lineComment("uuid, date-time, C:\\specs")).toBe("uuid, date-time, C:\\specs");
    expect(lineComment("x\nprocess.exit(7);0")).toBe("x\\u000aprocess.exit(7);0");
    expect(lineComment("https://x.test/?a=\u2028b")).toBe("https://x.test/?a=\\u2028b");
  });
});

describe("blockComment and jsDoc", () => {
  it("no text ends the comment early, and the comment reads back as the text", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const comment = `/* ${blockComment(text)} */`;
        const found = tokens(`${comment}after;`);
        expect(found.map((token) => token.kind)).toStrictEqual([ts.SyntaxKind.MultiLineCommentTrivia, ts.SyntaxKind.Identifier, ts.SyntaxKind.SemicolonToken]);
        expect(found[0]!.text).toBe(comment);
        expect(comment).not.toMatch(RAW_INVISIBLE);
        expect(decodeComment({ text: blockComment(text), block: true })).toBe(text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("jsDoc is one comment that TypeScript attaches to the declaration after it", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const doc = jsDoc(text);
        const file = parse(`${doc}\nexport const after = 1;`);
        expect(file.statements).toHaveLength(1);
        const statement = file.statements[0]!;
        expect(ts.getLeadingCommentRanges(file.text, 0)?.map((range) => file.text.slice(range.pos, range.end))).toStrictEqual([doc]);
        expect(statement.getText()).toBe("export const after = 1;");
        const lines = doc.split("\n");
        const body = lines.length === 1 ? doc.slice(4, -3) : lines.slice(1, -1).map((line) => line.slice(3)).join("\n");
        // Blank space around the text, and on a line of its own, is dropped, as in any JSDoc.
        const blankLine = blockComment(text).split("\n").some((line) => line !== "" && line.trim() === "");
        if (text === text.trim() && !blankLine) expect(decodeComment({ text: body, block: true })).toBe(text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("breaks `*/` the way openapi-typescript does, and leaves ordinary text as it is", () => {
    expect(blockComment("Cancel a subscription. **Scopes**: `customers:write`")).toBe("Cancel a subscription. **Scopes**: `customers:write`");
    expect(blockComment("a */ b")).toBe("a *\\/ b");
    expect(jsDoc("one\ntwo")).toBe("/**\n * one\n * two\n */");
    expect(jsDoc("  one  ")).toBe("/** one */");
  });
});

describe("stringLiteral", () => {
  it("is exactly one string token whose value is the text", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const literal = stringLiteral(text);
        const found = tokens(`x = ${literal};`);
        expect(found.map((token) => token.kind)).toStrictEqual([ts.SyntaxKind.Identifier, ts.SyntaxKind.WhitespaceTrivia, ts.SyntaxKind.EqualsToken, ts.SyntaxKind.WhitespaceTrivia, ts.SyntaxKind.StringLiteral, ts.SyntaxKind.SemicolonToken]);
        expect(found[4]!.value).toBe(text);
        expect(literal).not.toMatch(RAW_INVISIBLE);
        expect(JSON.parse(literal)).toBe(text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("through ts-morph's writer", () => {
  it("no literal, key or comment leaves code-block-writer believing a string or comment is still open", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        // Each followed on its line by a string holding `/*`, which the writer must see as a string.
        const pieces = [`const x = [${stringLiteral(text)}`, `const y = { ${propertyKey(text)}: 1 }; [`, `${jsDoc(text)}\nexport type T = [`, `/* ${blockComment(text)} */ [`];
        for (const piece of pieces) {
          const writer = new CodeBlockWriter();
          writer.write(`${piece}, "/*"];`).newLine();
          expect([piece, writer.isInString(), writer.isInComment()]).toStrictEqual([piece, false, false]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("propertyKey and propertyAccess", () => {
  it("names exactly that own property, in an object literal and in a type", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.constantFrom("__proto__", "constructor", "prototype", "class", "1x", "ä", "", "toString")), (name) => {
        const key = propertyKey(name);
        const value = new Function(`return { ${key}: 1 };`)() as Record<string, unknown>;
        expect(Object.keys(value)).toStrictEqual([name]);
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        expect(syntaxErrors(`interface T { ${key}: 1; ${key}?(input: string): void }\nconst t = { ${key}: 1 };`)).toStrictEqual([]);
        const read = new Function("o", `return o${propertyAccess(name)};`) as (o: Record<string, unknown>) => unknown;
        expect(read(Object.defineProperty({}, name, { value: "own", enumerable: true }))).toBe("own");
        expect(`${key}${propertyAccess(name)}`).not.toMatch(RAW_INVISIBLE);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("is bare where prettier leaves it bare", () => {
    expect([propertyKey("id"), propertyKey("external_id"), propertyKey("1x"), propertyKey("__proto__"), propertyKey("a-b")]).toStrictEqual(["id", "external_id", '"1x"', '["__proto__"]', '"a-b"']);
    expect([propertyAccess("id"), propertyAccess("a-b")]).toStrictEqual([".id", '["a-b"]']);
  });
});

describe("isDeclarableIdentifier", () => {
  it("accepts only names TypeScript parses as one declaration of that name", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.constantFrom("customersDelete", "_1x", "kündigen", "class", "let", "await", "undefined", "x\u200dy", "$", "a b")), (name) => {
        if (!isDeclarableIdentifier(name)) return;
        const file = parse(`export function ${name}() {}`);
        expect(syntaxErrors(file.text)).toStrictEqual([]);
        expect((file.statements[0] as ts.FunctionDeclaration).name?.text).toBe(name);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("refuses reserved words, globals the module's own code uses, non-ASCII letters, and what is no identifier", () => {
    const refused = ["class", "let", "await", "yield", "enum", "undefined", "Promise", "1x", "", "a-b", "a b", "*/", "kündigen", "𓺛x"];
    expect(refused.filter(isDeclarableIdentifier)).toStrictEqual([]);
    expect(["customersDelete", "_1x", "kundigen", "constructor", "$x"].every(isDeclarableIdentifier)).toBe(true);
  });
});

describe("regexLiteral", () => {
  /** Patterns built to match `text` literally, and patterns with the pieces that end a literal. */
  const literalPattern = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
  const pieces = ["/", "\\/", "[/]", "\\\\", "\\d", "[\\]]", "\n", "\\\n", "\r", "\u2028", "\0", "\\\0", "\ud800", "\\\ud800", "\udc00", "\ud83d\ude00", "\\u{1F600}", "a*/", "x"];
  const pattern = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(""));

  function bodyOf(literal: string, flags: string): string {
    const found = tokens(`x = ${literal};`);
    expect(found.map((token) => token.kind)).toStrictEqual([ts.SyntaxKind.Identifier, ts.SyntaxKind.WhitespaceTrivia, ts.SyntaxKind.EqualsToken, ts.SyntaxKind.WhitespaceTrivia, ts.SyntaxKind.RegularExpressionLiteral, ts.SyntaxKind.SemicolonToken]);
    expect(found[4]!.text).toBe(literal);
    expect(literal).not.toMatch(RAW_INVISIBLE);
    return literal.slice(1, literal.length - 1 - flags.length);
  }

  it("matches exactly what the pattern matches, with and without the u flag", () => {
    fc.assert(
      fc.property(pattern, hostileText, (source, probe) => {
        for (const flags of ["u", ""]) {
          let original: RegExp;
          try {
            original = new RegExp(source, flags);
          } catch {
            continue;
          }
          const copy = new RegExp(bodyOf(regexLiteral({ source, flags }), flags), flags);
          for (const text of [probe, source, source.replace(/\\/g, ""), "\n", "/", "\ud800\udc00"]) expect(copy.exec(text)?.[0]).toBe(original.exec(text)?.[0]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("a literal pattern of any text matches that text and nothing longer", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const source = `^${literalPattern(text)}$`;
        const copy = new RegExp(bodyOf(regexLiteral({ source, flags: "" }), ""));
        expect(copy.test(text)).toBe(true);
        expect(copy.test(`${text}x`)).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("a trailing backslash cannot escape the closing slash, nor an empty pattern make a comment", () => {
    expect(regexLiteral({ source: "a\\", flags: "" })).toBe("/a\\\\/");
    expect(regexLiteral({ source: "a*/b", flags: "u" })).toBe("/a*\\/b/u");
    expect(regexLiteral({ source: "^[a-z]+$", flags: "u" })).toBe("/^[a-z]+$/u");
    expect(regexLiteral({ source: "", flags: "u" })).toBe("/(?:)/u");
  });
});

describe("escapeInvisible", () => {
  it("changes nothing a TypeScript printer wrote but the invisible characters in comments", () => {
    const printed = `/** a\u2028b \u202e */\nexport const x = "\\u2028";\n`;
    expect(escapeInvisible(printed)).toBe(`/** a\\u2028b \\u202e */\nexport const x = "\\u2028";\n`);
  });
});
