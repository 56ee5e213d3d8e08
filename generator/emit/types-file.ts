// types.ts: openapi-typescript over the selected subset only. The client, server and
// tests refer to these types by indexed access instead of emitting schemas twice.
//
// openapi-typescript's `openapiTS()` first runs Redocly's bundler and linter over its
// input, which costs ~0.15 s and ~40 MB on every run. Our subset is already bundled
// (internal refs only) and validated, so we call the same transform `openapiTS()` runs
// after Redocly, with the context it builds. The modules are `require`d from the
// package's CommonJS build: an ESM `import` of the 9 MB TypeScript compiler makes Node
// scan its source for exports (~0.3 s), and `require` lets the code cache apply (code-cache.ts).
// test/unit/types-file.test.ts proves the output equals `openapiTS()`'s byte for byte.
//
// The transform needs four pointer helpers from `@redocly/openapi-core/lib/ref-utils.js`,
// whose `require("./utils")` loads Redocly's whole utility module (js-yaml, minimatch,
// an HTTP proxy agent: ~50 ms). ref-utils uses two one-line functions of it, so that one
// `require` is answered with them (`liteRedoclyUtils`); nothing else is redirected.

import { createRequire } from "node:module";
import { cloneJson } from "../json.js";
import { escapeInvisible } from "./escape.js";
import type { OpenApiDocument } from "../openapi.js";
import type { EmitContext, GeneratedFile } from "../stages.js";

const require = createRequire(import.meta.url);

type TransformContext = Record<string, unknown>;
interface OpenapiTypescriptInternals {
  transformSchema(schema: unknown, context: TransformContext): unknown;
  scanDiscriminators(schema: unknown, options: object): unknown;
  resolveRef(schema: unknown, ref: string, options: { silent: boolean }): unknown;
  astToString(ast: unknown): string;
}

/** The options we generate with: everything else is openapi-typescript's default. */
export const TYPES_OPTIONS = { alphabetize: true, silent: true } as const;

const LITE_UTILS_ID = "polar-codegen:redocly-utils-lite";

function liteRedoclyUtils(): void {
  const Module = require("node:module") as ModuleStatics;
  if (Module._cache[LITE_UTILS_ID]) return;
  // Redocly's own definitions (lib/utils.js), the only two ref-utils.js calls.
  const exports = {
    isPlainObject: (value: unknown) => value !== null && typeof value === "object" && !Array.isArray(value),
    isTruthy: (value: unknown) => !!value,
  };
  Module._cache[LITE_UTILS_ID] = { id: LITE_UTILS_ID, filename: LITE_UTILS_ID, loaded: true, exports, children: [], paths: [] };
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request === "./utils" && parent?.filename?.replace(/\\/g, "/").endsWith("@redocly/openapi-core/lib/ref-utils.js")) return LITE_UTILS_ID;
    return resolveFilename.call(this, request, parent, ...rest);
  };
}

type ModuleStatics = {
  _cache: Record<string, object>;
  _resolveFilename: (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
};

function loadOpenapiTypescript(): OpenapiTypescriptInternals {
  liteRedoclyUtils();
  const transformSchema = require("openapi-typescript/dist/transform/index.cjs") as OpenapiTypescriptInternals["transformSchema"];
  const utils = require("openapi-typescript/dist/lib/utils.cjs") as Pick<OpenapiTypescriptInternals, "scanDiscriminators" | "resolveRef">;
  const ts = require("openapi-typescript/dist/lib/ts.cjs") as Pick<OpenapiTypescriptInternals, "astToString">;
  return { transformSchema, scanDiscriminators: utils.scanDiscriminators, resolveRef: utils.resolveRef, astToString: ts.astToString };
}

/** The context `openapiTS()` (openapi-typescript 7.13, src/index.ts) builds, for our options. */
function transformContext(options: { schema: OpenApiDocument; lib: OpenapiTypescriptInternals }): TransformContext {
  const { schema, lib } = options;
  return {
    additionalProperties: false,
    alphabetize: TYPES_OPTIONS.alphabetize,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: lib.scanDiscriminators(schema, TYPES_OPTIONS),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: TYPES_OPTIONS.silent,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: (ref: string) => lib.resolveRef(schema, ref, { silent: TYPES_OPTIONS.silent }),
  };
}

/** Loads openapi-typescript and the compiler ahead of the first emit (the emit worker). */
export function preloadOpenapiTypescript(): void {
  loadOpenapiTypescript();
}

export async function emitTypes(context: EmitContext): Promise<GeneratedFile[]> {
  const lib = loadOpenapiTypescript();
  // openapi-typescript writes into the document it is given (it adds `components`): hand it a copy.
  const schema = cloneJson(context.subset);
  const nodes = lib.transformSchema(schema, transformContext({ schema, lib }));
  return [{ path: "types.ts", contents: escapeInvisible(lib.astToString(nodes)), layout: "ts-printer" }];
}
