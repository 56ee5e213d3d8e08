// ts-morph, loaded on demand and sharing one TypeScript compiler with openapi-typescript.
// ts-morph 27 bundles its own copy of TypeScript 5.9 (9 MB of source, ~50 MB in memory);
// openapi-typescript loads the `typescript` package, the same 5.9. Two copies double the
// start-up cost and the peak memory, so ts-morph's internal `require("./typescript")`
// is pointed at the `typescript` package. The versions are pinned together in package.json.
//
// @ts-morph/common also holds TypeScript's lib .d.ts files as one 2.3 MB array literal
// (2.4 of its 2.5 MB), which every load decodes and compiles. The emitters only print
// and never type-check, so their projects skip the lib files, and the literal is cut out
// of the source as it loads: `getLibFiles()` reads it from the file when first called.
// If the file does not have the expected shape, it loads as published.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { runInThisContext } from "node:vm";
import type { OptionalKind, Project, ProjectOptions, SourceFileStructure } from "ts-morph";

const require = createRequire(import.meta.url);

interface LoadedModule {
  _compile(content: string, filename: string): unknown;
  [LOAD_LIB_FILES]?: () => unknown;
}
type ResolveFilename = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
type LoadExtension = (module: LoadedModule, filename: string) => void;
type ModuleInternals = { _resolveFilename: ResolveFilename; _extensions: Record<string, LoadExtension> };

/** Where the rewritten source finds the loader of the cut-out lib files. */
const LOAD_LIB_FILES = Symbol.for("polar-codegen.loadLibFiles");
const LIB_FILES_START = "\nconst libFiles = [";
const LIB_FILES_END = "];\n\nfunction getLibFiles() {\n    return libFiles;\n}\n";
const LAZY_LIB_FILES = `\nlet libFiles;\nfunction getLibFiles() {\n    return (libFiles ??= module[Symbol.for("polar-codegen.loadLibFiles")]());\n}\n`;

let hooked = false;

function hookModuleLoading(): void {
  if (hooked) return;
  hooked = true;
  const moduleInternals = require("node:module") as ModuleInternals;
  const typescriptPath = require.resolve("typescript");
  const resolveFilename = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, parent, ...rest) {
    if (request === "./typescript" && parent?.filename?.includes("@ts-morph")) return typescriptPath;
    return resolveFilename.call(this, request, parent, ...rest);
  };
  const commonPath = createRequire(require.resolve("ts-morph")).resolve("@ts-morph/common");
  const loadJs = moduleInternals._extensions[".js"]!;
  moduleInternals._extensions[".js"] = function (module, filename) {
    const source = filename === commonPath ? withLazyLibFiles({ module, filename }) : undefined;
    if (source === undefined) return loadJs.call(this, module, filename);
    module._compile(source, filename);
  };
}

/**
 * The module's source with its lib-files literal replaced by a lazy load, or undefined
 * when the markers are not found exactly once. Found in the bytes, so only the 116 kB
 * kept are decoded.
 */
function withLazyLibFiles(input: { module: LoadedModule; filename: string }): string | undefined {
  const bytes = readFileSync(input.filename);
  const start = bytes.indexOf(LIB_FILES_START);
  const end = start < 0 ? -1 : bytes.indexOf(LIB_FILES_END, start);
  if (end < 0 || bytes.indexOf(LIB_FILES_START, start + 1) >= 0) return undefined;
  const literalStart = start + LIB_FILES_START.length - 1;
  const literalEnd = end + 1;
  input.module[LOAD_LIB_FILES] = () => {
    const literal = readFileSync(input.filename).subarray(literalStart, literalEnd).toString("utf8");
    return runInThisContext(`(${literal})`, { filename: input.filename });
  };
  return bytes.subarray(0, start).toString("utf8") + LAZY_LIB_FILES + bytes.subarray(end + LIB_FILES_END.length).toString("utf8");
}

/** `require`, not `import`: an ESM import of a CommonJS package makes Node scan its source for exports. */
export function loadTsMorph(): typeof import("ts-morph") {
  hookModuleLoading();
  return require("ts-morph") as typeof import("ts-morph");
}

/** A project for printing code: in memory, without the lib files (nothing is type-checked). */
export function createPrintingProject(options: Omit<ProjectOptions, "useInMemoryFileSystem" | "skipLoadingLibFiles"> = {}): Project {
  return new (loadTsMorph().Project)({ ...options, useInMemoryFileSystem: true, skipLoadingLibFiles: true });
}

/** What ts-morph's project uses to print structures (internal to ts-morph 27, which is pinned). */
interface StructurePrinting {
  createWriter(): { toString(): string };
  structurePrinterFactory: {
    forSourceFile(options: { isAmbient: boolean }): { printText(writer: unknown, structure: unknown): void };
  };
}

let printingProject: Project | undefined;

/** One project for all printing: printing leaves no files in it. */
function sharedPrintingProject(): Project {
  return (printingProject ??= createPrintingProject());
}

/**
 * The text of a source file built from `structure`, as `createSourceFile(...).getFullText()`
 * returns it. ts-morph prints the structure and then parses the text into a source file;
 * the emitters use only the text, and that parse was a sixth of the build worker's time,
 * so the structure is printed with the project's own printer and not parsed. Should the
 * printer not be where ts-morph 27 keeps it, the file is created as before (a unit test
 * holds the two to the same bytes).
 */
export function printSourceFile(structure: OptionalKind<SourceFileStructure>): string {
  const printing = structurePrinting();
  if (!printing) return printedBySourceFile(structure);
  const writer = printing.createWriter();
  printing.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, structure);
  return writer.toString();
}

/** ts-morph's own structure printer, if it is where ts-morph 27 keeps it. */
export function structurePrinting(): StructurePrinting | undefined {
  const printing = (sharedPrintingProject() as unknown as { _context?: Partial<StructurePrinting> })._context;
  const usable = typeof printing?.createWriter === "function" && typeof printing.structurePrinterFactory?.forSourceFile === "function";
  return usable ? (printing as StructurePrinting) : undefined;
}

/** The same text through a source file, the public way (parses what it printed). */
export function printedBySourceFile(structure: OptionalKind<SourceFileStructure>): string {
  const project = sharedPrintingProject();
  const file = project.createSourceFile("printed.ts", structure, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}
