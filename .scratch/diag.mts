import ts from "typescript";
import { diagnosticsOf, STRICTEST } from "../test/helpers/strict-compile.ts";
for (const [name, extra] of [["nodenext", { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }], ["cjs", { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, verbatimModuleSyntax: false }]] as const)
  console.log(name, diagnosticsOf({ root: "/work/main/generated/polar", options: { ...STRICTEST, ...extra } }).join("\n"));
