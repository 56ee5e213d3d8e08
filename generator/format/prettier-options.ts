// The prettier settings the generated code is printed in, shared by the formatter and
// the layouts that print prettier's layout without it.

export const PRETTIER_OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;
