// Types of a client generated with `--operations '*'` for the project's own shapes spec
// (test/fixtures/specs/client-shapes.openapi.yaml): bodies typed from openapi-typescript's
// `requestBody`, required when the spec says so; query arrays and unions; Blob and string
// responses; paged lists. A usage file next to the generated folder, compiled under every
// strict flag: each `@ts-expect-error` must meet an error (TS2578 otherwise).

import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generateClient } from "../fixtures/client/generate.js";
import { SHAPES_SPEC } from "../fixtures/client/helpers.js";
import { diagnosticsOf, STRICTEST } from "../helpers/strict-compile.js";
import { tempFolders } from "../helpers/temp-folders.js";

const USAGE = `
import { createShapesClient, createShapesCore, itemsList, paginate, ShapesError, type Success } from "./client.js";
import type { components } from "./types.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(value: T): T => value;

export async function usage(): Promise<void> {
  const shapes = createShapesClient({ token: "t", validateRequests: true });

  // A required body is required, and typed by its schema.
  await shapes.items.create({ body: { name: "n", count: 1 } });
  // @ts-expect-error: the body is required
  await shapes.items.create({});
  // @ts-expect-error: name is a string
  await shapes.items.create({ body: { name: 1 } });
  // @ts-expect-error: ItemCreate has no such property
  await shapes.items.create({ body: { name: "n", colour: "red" } });
  // An optional body may be left out; a multipart string field takes a Blob, sent as a file.
  await shapes.uploads.create({});
  await shapes.uploads.create({ body: { name: "n", file: new Blob(["x"]) } });
  // @ts-expect-error: name is a string or a file, not a number
  await shapes.uploads.create({ body: { name: 1 } });
  await shapes.tokens.create({ body: { grant_type: "client_credentials", scope: ["a"] } });
  // @ts-expect-error: grant_type is required in the form
  await shapes.tokens.create({ body: { scope: ["a"] } });

  // Query parameters: a scalar or an array where the schema allows either, arrays, deepObject.
  await shapes.items.list({ ownerId: "o", tag: ["a"], spaced: [1, 2], metadata: { plan: "pro", seats: 2 }, xTraceId: "x" });
  await shapes.items.list({ ownerId: ["o", "p"], active: null });
  // @ts-expect-error: spaced holds numbers
  await shapes.items.list({ spaced: ["1"] });

  // Text and binary responses.
  const csv = await shapes.items.export({ id: "1" });
  if (csv.kind === "success") assert<Equal<typeof csv.data, string>>(true);
  const file = await shapes.items.download({ id: "1" });
  if (file.kind === "success") assert<Equal<typeof file.data, Blob>>(true);
  const created = await shapes.items.create({ body: { name: "n" } });
  if (created.kind === "success") assert<Equal<typeof created, Success<201, components["schemas"]["Item"] | undefined>>>(true);

  // Paged lists: the items of every page.
  for await (const item of shapes.items.list.all({ limit: 50 })) assert<Equal<typeof item, components["schemas"]["Item"]>>(true);
  // @ts-expect-error: all() takes the list's parameters
  shapes.items.list.all({ limit: "50" });
  // @ts-expect-error: only paged lists have all()
  shapes.items.export.all;
  const core = createShapesCore({ token: "t" });
  for await (const item of paginate({ call: itemsList, input: { client: core } })) assert<Equal<typeof item, components["schemas"]["Item"]>>(true);
  try {
    for await (const item of shapes.items.list.all({})) void item;
  } catch (error) {
    if (error instanceof ShapesError) void error.result.kind;
  }
}
`;

const folders = tempFolders("polar-client-shapes-types-");

describe("client types for every operation of the shapes spec", () => {
  it("compiles the calls that must compile, under every strict flag, and refuses the rest", async () => {
    const dir = await folders.folderWith({ "package.json": JSON.stringify({ type: "module" }), "usage.ts": USAGE });
    await generateClient({ spec: SHAPES_SPEC, dir, operations: ["*"] });
    const options = { ...STRICTEST, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.asynciterable.d.ts"] };
    expect(diagnosticsOf({ root: dir, options })).toStrictEqual([]);
  });
});
