// types.ts: openapi-typescript over the selected subset only. The client, server and
// tests refer to these types by indexed access instead of emitting schemas twice.
//
// openapi-typescript's `openapiTS()` first runs Redocly's bundler and linter over its
// input. Our subset is already bundled (internal refs only) and validated, so we call
// the transform `openapiTS()` runs after Redocly, with the context it builds, through
// the package's public exports (`transformSchema`, `scanDiscriminators`, `resolveRef`,
// `astToString`). They are `require`d from its CommonJS entry: an ESM `import` of the
// TypeScript compiler makes Node scan its source for exports.
// test/unit/types-file.test.ts proves the output equals `openapiTS()`'s byte for byte.

import { createRequire } from "node:module";
import { cloneJson } from "../json.js";
import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
import { escapeInvisible } from "./escape.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import type * as TS from "typescript";
import { aliasRecursiveSchemas, recursiveSchemas } from "./types/recursive-aliases.js";

const require = createRequire(import.meta.url);

type OpenapiTypescript = typeof import("openapi-typescript");

/** The options we generate with: everything else is openapi-typescript's default. */
export const TYPES_OPTIONS = { alphabetize: true, silent: true } as const;

function loadOpenapiTypescript(): OpenapiTypescript {
  return require("openapi-typescript") as OpenapiTypescript;
}

/** The context `openapiTS()` (openapi-typescript 7.13, src/index.ts) builds, for our options. */
function transformContext(options: { schema: OpenAPI3; lib: OpenapiTypescript }): GlobalContext {
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
    // Redocly's config: read by openapiTS()'s bundling and linting, which the subset skips, never by the transform.
    redoc: undefined as unknown as GlobalContext["redoc"],
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
  const schema = cloneJson(context.subset) as OpenAPI3;
  const nodes = lib.transformSchema(schema, transformContext({ schema, lib }));
  const recursive = recursiveSchemas(context.subset);
  const statements = recursive.length ? aliasRecursiveSchemas({ ts: require("typescript") as typeof TS, statements: nodes, names: recursive }) : nodes;
  return [{ path: "types.ts", contents: escapeInvisible(lib.astToString(statements)), layout: "ts-printer" }];
}
