// Selecting by `*` and `tag:NAME`: what each expands to on a spec of our own, a tag no
// operation has (a problem with the nearest tags), and selectors mixed with plain ids.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { diffSpecs, formatReport } from "../../generator/diff/diff-specs.js";
import { expandSelectors, findOperations, selectOperations } from "../../generator/select.js";

const petstore = parse(readFileSync("test/fixtures/any-spec/petstore-3.0.yaml", "utf8")) as OpenApiDocument;
const weather = parse(readFileSync("test/fixtures/any-spec/weather-open.yaml", "utf8")) as OpenApiDocument;
const ids = (document: OpenApiDocument, selectors: string[]) => selectOperations({ document, operationIds: selectors });

describe("selectors", () => {
  it('"*" selects every operation of the spec, sorted', () => {
    const { selected, problems } = ids(petstore, ["*"]);
    expect(problems).toStrictEqual([]);
    expect(selected!.operationIds).toStrictEqual(["createPet", "deletePet", "getStatus", "listPets", "showPetById"]);
    expect(Object.keys(selected!.document.paths!)).toStrictEqual(["/pets", "/pets/{petId}", "/status"]);
  });

  it('"tag:NAME" selects the operations tagged NAME, and only what they reach', () => {
    const { selected } = ids(petstore, ["tag:status"]);
    expect(selected!.operationIds).toStrictEqual(["getStatus"]);
    expect(selected!.document.components).toStrictEqual({});
    expect(ids(weather, ["tag:readings"]).selected!.operationIds).toStrictEqual(["getReadings", "submitReading"]);
  });

  it("keeps the security schemes of the selection: none for the reads, the API key once a write is in", () => {
    expect(ids(petstore, ["listPets", "showPetById"]).selected!.document.components!.securitySchemes).toBeUndefined();
    expect(Object.keys(ids(petstore, ["tag:pets"]).selected!.document.components!.securitySchemes!)).toStrictEqual(["shopKey"]);
  });

  it("mixes tags and ids, an operation named twice selected once", () => {
    const { selected } = ids(weather, ["tag:stations", "submitReading", "getReadings"]);
    expect(selected!.operationIds).toStrictEqual(["getReadings", "listStations", "submitReading"]);
    expect(ids(petstore, ["*", "getStatus"]).selected!.operationIds).toHaveLength(5);
  });

  it("reports a tag no operation has, with the nearest tag", () => {
    const { selected, problems } = ids(petstore, ["tag:pet"]);
    expect(selected).toBeUndefined();
    expect(problems).toStrictEqual([{ severity: "error", code: "operation-not-found", message: 'no operation is tagged "pet"; did you mean "tag:pets"?', path: "/paths" }]);
  });

  it("lists the spec's tags when none is close, and says so when the spec tags nothing", () => {
    expect(ids(petstore, ["tag:invoices"]).problems.map((found) => found.message)).toStrictEqual(['no operation is tagged "invoices"; the spec\'s tags are "pets", "status"']);
    const untagged = structuredClone(petstore);
    for (const item of Object.values(untagged.paths!)) for (const operation of Object.values(item)) if (typeof operation === "object" && operation && "tags" in operation) delete operation.tags;
    expect(ids(untagged, ["tag:pets"]).problems.map((found) => found.message)).toStrictEqual(['no operation is tagged "pets"; the spec tags no operation']);
  });

  it("reports an unknown tag and an unknown id together", () => {
    const { problems } = ids(petstore, ["tag:dogs", "createPets"]);
    expect(problems.map((found) => found.message)).toStrictEqual([
      'no operation is tagged "dogs"; did you mean "tag:pets"?',
      'operation "createPets" is not in the spec; did you mean "createPet", "deletePet", "listPets"?',
    ]);
  });

  it('reports "*" on a spec without operations', () => {
    const empty: OpenApiDocument = { openapi: "3.1.0", info: { title: "Empty", version: "1" }, paths: {} };
    expect(expandSelectors({ found: findOperations(empty), selectors: ["*"] }).problems.map((found) => found.message)).toStrictEqual([
      '"*" selects nothing: the spec has no operations with an operationId',
    ]);
  });

  it("drops the tags from the selected operations (they never reach generated code)", () => {
    const listPets = ids(petstore, ["*"]).selected!.document.paths!["/pets"]!.get as Record<string, unknown>;
    expect(Object.hasOwn(listPets, "tags")).toBe(false);
  });
});

describe("diffSpecs with selectors", () => {
  const many: OpenApiDocument = {
    openapi: "3.1.0",
    info: { title: "Many", version: "1" },
    paths: Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`/things/${index}`, { get: { operationId: `things:get${index}`, tags: ["things"], responses: { "204": { description: "ok" } } } }])),
  };

  it("expands '*' over both specs and counts a long selection instead of listing it", () => {
    const report = diffSpecs({ before: { document: many, label: "a.yaml" }, after: { document: many, label: "b.yaml" }, operationIds: ["*"] });
    expect(report.operations).toHaveLength(10);
    expect(formatReport(report)).toBe("No changes to the 10 selected operations between a.yaml and b.yaml.\n");
  });

  it("reports an operation added under a tag on one side", () => {
    const fewer = structuredClone(many);
    delete fewer.paths!["/things/9"];
    const report = diffSpecs({ before: { document: fewer, label: "a.yaml" }, after: { document: many, label: "b.yaml" }, operationIds: ["tag:things"] });
    expect(report.changes.map(({ operation, kind, breaking }) => ({ operation, kind, breaking }))).toStrictEqual([{ operation: "things:get9", kind: "operation-added", breaking: false }]);
  });
});
