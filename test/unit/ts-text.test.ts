// The emitters print their declarations as text (generator/emit/ts-text.ts). Once
// formatted, the file must be the one ts-morph's public printer gives for the same
// declarations as structures (creating a source file from them), as it was when the
// emitters built structures.
import { Project, StructureKind, VariableDeclarationKind, type OptionalKind, type SourceFileStructure } from "ts-morph";
import { describe, expect, it } from "vitest";
import { constStatement, exportedFunction, printStatements } from "../../generator/emit/ts-text.js";
import { formatText } from "../../generator/format/format.js";

const IMPORTS = `import type { A } from "./a.js";`;
const TEMPLATE = `/** Text with a template literal that holds a blank line. */\nexport const text = \`line one\n\n    indented\`;`;
const INTERFACE = `export interface Client {\n  delete(input: { id: string }): Promise<void>;\n}`;
const INITIALIZER = `{\nservers: { production: "https://api.polar.sh" },\nloadValidators: () => import("./validators.js"),\n}`;
const DOCS = "Deletes a customer.\n\nIt cannot be undone.\n\n`DELETE /v1/customers/{id}`";
const BODY = "if (!input.id) {\nthrow new Error('id');\n}\nreturn Promise.resolve();";

function byTsMorph(): string {
  const structure: OptionalKind<SourceFileStructure> = {
    statements: [
      `${IMPORTS}\n\n`,
      { kind: StructureKind.VariableStatement, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: "spec", type: "A", initializer: INITIALIZER }] },
      `\n${TEMPLATE}\n`,
      {
        kind: StructureKind.Function,
        isExported: true,
        name: "customersDelete",
        docs: [DOCS],
        typeParameters: [{ name: "O", constraint: "object" }],
        parameters: [{ name: "input", type: "{ id: string } & O" }],
        returnType: "Promise<void>",
        statements: BODY,
      },
      `\n${INTERFACE}\n`,
    ],
  };
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  return project.createSourceFile("printed.ts", structure).getFullText();
}

function byTsText(): string {
  return printStatements([
    IMPORTS,
    constStatement({ name: "spec", type: "A", initializer: INITIALIZER }),
    TEMPLATE,
    exportedFunction({ name: "customersDelete", docs: DOCS, typeParameters: ["O extends object"], parameters: ["input: { id: string } & O"], returnType: "Promise<void>", body: BODY }),
    INTERFACE,
  ]);
}

describe("printing the emitters' declarations", () => {
  it("formats to the bytes ts-morph's printer gives for the same structures", async () => {
    const ours = await formatText({ text: byTsText(), path: "client.ts" });
    expect(ours).toBe(await formatText({ text: byTsMorph(), path: "client.ts" }));
    expect(ours).toContain("export function customersDelete<O extends object>(input: { id: string } & O): Promise<void> {");
    expect(ours).toContain("`line one\n\n    indented`");
    expect(ours).toContain(" * It cannot be undone.\n *\n * `DELETE /v1/customers/{id}`\n */");
  });
});
