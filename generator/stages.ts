// The data that flows between pipeline stages. Each stage is a function from one of
// these to the next; only the writer touches the disk.

import type { Model } from "./model/types.js";
import type { OpenApiDocument } from "./openapi.js";
import type { Problem, SourcePosition } from "./problems.js";

/** What `loadSpec` returns: one self-contained document and a way back to the source. */
export interface LoadedSpec {
  /** The spec as the user named it (path relative to cwd, POSIX separators) or its URL. */
  source: string;
  /**
   * The bundled document: every external `$ref` has been read and folded in, and every
   * remaining `$ref` is an internal JSON pointer (`#/components/schemas/X`). Treat as
   * read-only: stages copy, never mutate.
   */
  document: OpenApiDocument;
  /** Every local file read to build the document (absolute paths), for watch mode. */
  files: string[];
  /** Source position of a JSON pointer into `document`, computed lazily (JSON input re-parses only here). */
  locate(pointer: string): SourcePosition | undefined;
}

export interface LoadResult {
  spec?: LoadedSpec;
  problems: Problem[];
}

/** The selected operations and everything they reach, as a standalone OpenAPI document. */
export interface SelectedSpec {
  document: OpenApiDocument;
  operationIds: string[];
}

export interface EmitContext {
  model: Model;
  /** The selected subset (what openapi-typescript and the validator compiler read). */
  subset: OpenApiDocument;
}

/** A file to write, relative to the output folder, POSIX separators. */
export interface GeneratedFile {
  path: string;
  contents: string;
  /**
   * Already in the project's prettier style (a verbatim template): the formatter leaves
   * it as it is. test/unit/templates.test.ts holds every template to that.
   */
  formatted?: boolean;
  /**
   * How the text is laid out, when the formatter can bring it to prettier's layout
   * without a whole-file pass: the TypeScript printer's (openapi-typescript), or one
   * statement per line in prettier's spacing (validators.ts).
   */
  layout?: "ts-printer" | "statement-lines";
}
