// What a hostile spec's output must be, checked for many generated folders at once:
// each file's banner is two comment lines, each JSON file parses, the TypeScript
// type-checks (one program for every folder), and importing the modules runs nothing
// the spec wrote (a marker the payloads set stays unset, and no payload ends the process).
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { formatFiles } from "../../generator/format/format.js";
import type { Model } from "../../generator/model/types.js";
import { scaffoldHandlers } from "../../generator/scaffold.js";

/** The global every payload assigns: set after an import means spec text ran. */
export const MARKER = "__polarHostileMarker";

/** A statement that sets the marker and type-checks under strict settings, so a breakout that lets it out compiles and runs. */
const set = (value: number) => `Reflect.set(globalThis, "${MARKER}", ${value})`;

/** Breakouts that would set the marker, or end the process, if any context let them out. */
export const PAYLOADS = [
  `*/${set(1)};/*`,
  `\n${set(2)};//`,
  `\r\n${set(3)};//`,
  `\u2028${set(4)};//`,
  `\u2029${set(5)};//`,
  `";${set(6)};"`,
  `';${set(7)};'`,
  "`+(" + set(8) + ")+`",
  "${" + set(9) + "}",
  `\\";${set(10)};//`,
  `/;${set(11)};/`,
  `]: 1, x: (${set(12)}), [`,
  `\nReflect.get(globalThis, "process")?.exit(7);0`,
];

const IMPORTED = ["index.js", "fake.js", "validators.js", "handlers.js"];
const RUNTIME_FOLDERS = ["runtime", "server-runtime", "fake-runtime"];
const JSON_FILES = ["openapi.json", "contract/generated.json", "contract/fixtures.json"];

export interface FolderVerdict {
  folder: string;
  problems: string[];
}

/** `scaffold-handlers` output for the model, as `handlers.ts` in the generated folder itself. */
export async function writeScaffold(options: { model: Model; folder: string }): Promise<void> {
  const [formatted] = await formatFiles([{ path: "handlers.ts", contents: scaffoldHandlers({ model: options.model, importPath: "./index.js" }) }]);
  writeFileSync(join(options.folder, "handlers.ts"), formatted!.contents);
}

/**
 * Checks generated folders together (each with its `handlers.ts`). The runtime folders, verbatim templates, are swapped
 * for links to one copy, so TypeScript checks and compiles them once; the program that
 * checks every folder also writes the JavaScript that is imported.
 */
export function checkGeneratedFolders(options: { root: string; folders: string[] }): FolderVerdict[] {
  const { root, folders } = options;
  const verdicts = new Map(folders.map((folder) => [folder, [] as string[]]));
  // Generated code is ESM, as in a project whose package.json says so.
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  for (const folder of folders) verdicts.get(folder)!.push(...checkTexts(folder));
  const shared = join(root, "shared");
  for (const name of RUNTIME_FOLDERS) cpSync(resolve("generated/polar", name), join(shared, name), { recursive: true });
  for (const folder of folders) linkRuntime({ folder, to: shared });
  const roots = folders.flatMap((folder) => ["index.ts", "fake.ts", "validators.ts", "handlers.ts"].map((name) => join(folder, name)));
  const errors = compile({ rootNames: roots, root, outDir: join(root, "js") });
  for (const [file, message] of errors) {
    const folder = folders.find((candidate) => !relative(candidate, file).startsWith(".."));
    verdicts.get(folder ?? folders[0]!)!.push(message);
  }
  if (errors.length > 0) return folders.map((folder) => ({ folder, problems: verdicts.get(folder)! }));
  const jsFolders = folders.map((folder) => {
    const js = join(root, "js", relative(root, folder));
    for (const name of RUNTIME_FOLDERS) symlinkSync(join(root, "js", "shared", name), join(js, name), "dir");
    return js;
  });
  for (const { index, problem } of importAll({ root, folders: jsFolders })) verdicts.get(folders[index]!)!.push(problem);
  return folders.map((folder) => ({ folder, problems: verdicts.get(folder)! }));
}

/** Bidirectional overrides and marks, line and paragraph separators, the byte-order mark, C1 controls. */
const RAW_INVISIBLE = /[\u0080-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** Every generated file opens with the same two-line banner, two comments and nothing else; JSON parses. */
function checkTexts(folder: string): string[] {
  const problems: string[] = [];
  const banner = readFileSync(join(folder, "client.ts"), "utf8").split("\n").slice(0, 2);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, banner.join("\n"));
  const kinds: ts.SyntaxKind[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) kinds.push(kind);
  const expected = [ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.NewLineTrivia, ts.SyntaxKind.SingleLineCommentTrivia];
  if (JSON.stringify(kinds) !== JSON.stringify(expected)) problems.push(`the banner is not two line comments: ${JSON.stringify(banner)}`);
  // handlers.ts is the team's file (scaffold-handlers), with a header of its own.
  for (const file of listTs(folder).filter((path) => !path.endsWith("handlers.ts"))) {
    const text = readFileSync(file, "utf8");
    if (text.split("\n").slice(0, 2).join("\n") !== banner.join("\n")) problems.push(`${relative(folder, file)}: a banner unlike client.ts's`);
    // escape.ts writes every invisible character of spec text as \uXXXX, in every context.
    const invisible = RAW_INVISIBLE.exec(text);
    if (invisible) problems.push(`${relative(folder, file)}: a raw U+${invisible[0].charCodeAt(0).toString(16).padStart(4, "0")} at offset ${invisible.index}`);
  }
  for (const name of JSON_FILES) {
    try {
      JSON.parse(readFileSync(join(folder, name), "utf8"));
    } catch (error) {
      problems.push(`${name}: ${String(error)}`);
    }
  }
  return problems;
}

function listTs(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(folder, name));
}

function linkRuntime(options: { folder: string; to: string }): void {
  for (const name of RUNTIME_FOLDERS) {
    rmSync(join(options.folder, name), { recursive: true, force: true });
    symlinkSync(join(options.to, name), join(options.folder, name), "dir");
  }
}

/** One program over every folder, with the project's compiler options; writes JavaScript when there is no error. */
function compile(options: { rootNames: string[]; root: string; outDir: string }): Array<[string, string]> {
  const config = ts.readConfigFile(resolve("tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, resolve("."));
  // Without Node's types (half the program's load): generated code needs none, and must compile in a browser project too.
  const compilerOptions: ts.CompilerOptions = { ...parsed.options, types: [], noEmit: false, incremental: false, rootDir: options.root, outDir: options.outDir, declaration: false, sourceMap: false };
  const host = ts.createCompilerHost(compilerOptions);
  // Through the links, every folder's runtime is the one copy: checked once, not once per folder.
  host.resolveModuleNames = (names, containingFile) =>
    names.map((name) => {
      const resolved = ts.resolveModuleName(name, containingFile, compilerOptions, host).resolvedModule;
      return resolved && { ...resolved, resolvedFileName: realpathSync(resolved.resolvedFileName) };
    });
  const program = ts.createProgram({ rootNames: options.rootNames, options: compilerOptions, host });
  const checked = ts.getPreEmitDiagnostics(program);
  const diagnostics = checked.length > 0 ? checked : program.emit().diagnostics;
  return diagnostics.map((diagnostic) => {
    const file = diagnostic.file?.fileName ?? "";
    const at = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    return [resolve(file), `${file}${at ? `:${at.line + 1}:${at.character + 1}` : ""}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`];
  });
}

/** Imports each folder's modules in one child process, folder by folder: `index` is the folder's place in the list. */
function importAll(options: { root: string; folders: string[] }): Array<{ index: number; problem: string }> {
  const { root, folders } = options;
  const list = join(root, "import-list.json");
  writeFileSync(list, JSON.stringify(folders));
  const script = `
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const results = [];
for (const folder of JSON.parse(readFileSync(process.argv[1], "utf8"))) {
  delete globalThis.${MARKER};
  let error;
  try {
    for (const name of ${JSON.stringify(IMPORTED)}) await import(pathToFileURL(folder + "/" + name).href);
  } catch (caught) {
    error = String(caught);
  }
  results.push({ marker: globalThis.${MARKER}, error });
}
process.stdout.write(JSON.stringify(results));
`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, list], { cwd: root, encoding: "utf8", timeout: 120_000 });
  if (child.status !== 0) return [{ index: 0, problem: `importing the generated modules ended the process (exit ${child.status}): ${child.stderr}` }];
  const results = JSON.parse(child.stdout) as Array<{ marker?: unknown; error?: string }>;
  return results.flatMap((result, index) => [
    ...(result.marker !== undefined ? [{ index, problem: `importing the modules ran spec text (marker ${String(result.marker)})` }] : []),
    ...(result.error ? [{ index, problem: `importing the modules failed: ${result.error}` }] : []),
  ]);
}
