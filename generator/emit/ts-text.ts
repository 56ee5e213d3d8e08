// Top-level TypeScript statements as text, for the emitters of client.ts, server.ts and
// fake.ts. What they build from the model is text already; these print the two
// declaration shapes they need (a typed const, a documented exported function) and join
// the statements with a blank line between each two. The formatter (prettier, or
// statement-layout for client.ts) then sets indentation and spacing, so the text needs
// only the right tokens, line breaks and blank lines.
// test/unit/ts-text.test.ts holds the formatted result to what ts-morph's public printer
// gives for the same declarations.

export interface ConstDeclaration {
  name: string;
  type: string;
  initializer: string;
}

export interface FunctionDeclaration {
  name: string;
  /** JSDoc text, lines separated by `\n` (already escaped for a comment). */
  docs: string;
  /** `O extends Options`, in order. */
  typeParameters: string[];
  /** `input: Input`, in order. */
  parameters: string[];
  returnType: string;
  body: string;
}

export function constStatement(declaration: ConstDeclaration): string {
  return `const ${declaration.name}: ${declaration.type} = ${declaration.initializer};`;
}

export function exportedFunction(declaration: FunctionDeclaration): string {
  const typeParameters = declaration.typeParameters.length ? `<${declaration.typeParameters.join(", ")}>` : "";
  const head = `export function ${declaration.name}${typeParameters}(${declaration.parameters.join(", ")}): ${declaration.returnType} {`;
  return `${jsDoc(declaration.docs)}\n${head}\n${declaration.body}\n}`;
}

/** A multi-line JSDoc block, a bare ` *` for an empty line, as ts-morph prints one. */
export function jsDoc(text: string): string {
  const lines = text.split("\n").map((line) => (line === "" ? " *" : ` * ${line}`));
  return `/**\n${lines.join("\n")}\n */`;
}

/** The file: its statements in order, a blank line between each two, one line end at the end. */
export function printStatements(statements: readonly string[]): string {
  return `${statements.map((statement) => statement.trim()).join("\n\n")}\n`;
}
