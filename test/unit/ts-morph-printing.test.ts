// The emitters print ts-morph structures with ts-morph's own printer instead of creating
// a source file from them (generator/emit/ts-morph.ts): the text must be the one the
// public way gives, and the printer must be found, or every cold run pays for a parse.
import type { OptionalKind, SourceFileStructure } from "ts-morph";
import { describe, expect, it } from "vitest";
import { loadTsMorph, printedBySourceFile, printSourceFile, structurePrinting } from "../../generator/emit/ts-morph.js";

describe("printing a source file's structure", () => {
  it("finds ts-morph's structure printer (without it each emit parses what it printed)", () => {
    expect(structurePrinting()).toBeDefined();
  });

  it("gives the text creating the source file gives, for the kinds of statement the emitters use", () => {
    const { StructureKind, VariableDeclarationKind } = loadTsMorph();
    const structure: OptionalKind<SourceFileStructure> = {
      statements: [
        `import type { A } from "./a.js";\n\n`,
        {
          kind: StructureKind.VariableStatement,
          declarationKind: VariableDeclarationKind.Const,
          declarations: [{ name: "spec", type: "A", initializer: `{\nservers: { production: "https://api.polar.sh" },\n}` }],
        },
        `\n/** Text with a template literal that holds a blank line. */\nexport const text = \`line one\n\n    indented\`;\n`,
        {
          kind: StructureKind.Function,
          isExported: true,
          name: "customersDelete",
          docs: ["Deletes a customer.\n\nIt cannot be undone."],
          typeParameters: [{ name: "O", constraint: "object" }],
          parameters: [{ name: "input", type: "{ id: string } & O" }],
          returnType: "Promise<void>",
          statements: "if (!input.id) {\nthrow new Error('id');\n}\nreturn Promise.resolve();",
        },
        `\nexport interface Client {\n  delete(input: { id: string }): Promise<void>;\n}\n`,
      ],
    };
    const printed = printSourceFile(structure);
    expect(printed).toBe(printedBySourceFile(structure));
    expect(printed).toContain("export function customersDelete<O extends object>(input: { id: string } & O): Promise<void> {");
    expect(printed).toContain("`line one\n\n    indented`");
  });
});
