// The generator against hostile text in every spec field that reaches its output, and in
// the spec's file name and URL: each generated spec either comes out as code (and a
// scaffold-handlers skeleton) that type-checks and imports without running any of that text, or is refused with
// positioned problems (and then nothing is written: the writer runs only after the build).
import fc from "fast-check";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildOutput } from "../../generator/pipeline.js";
import { ProblemError } from "../../generator/problems.js";
import { scratchDir } from "../helpers/cli.js";
import { checkGeneratedFolders, PAYLOADS, writeScaffold } from "../helpers/hostile.js";

const CASES = 32;
const SEED = 20261207;
const BASE = JSON.parse(readFileSync("test/fixtures/escape/base.json", "utf8")) as Spec;

const root = scratchDir("polar-codegen-hostile-");
afterAll(() => rmSync(root, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = any;

const PIECES = [...PAYLOADS, "*/", "/*", "`", "${", '"', "'", "\\", "\r", "\n", "\u2028", "\u2029", "\0", "\x1b", "\u202e", "\ud800", "\udc00", "__proto__", "constructor", "ä", "1x", "{", "}", " "];
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) }), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(""));
/** Names: mostly with a leading letter, so most cases still generate and their output is checked. */
const name = fc.oneof({ weight: 1, arbitrary: text }, { weight: 3, arbitrary: text.map((rest) => `n${rest}`) });
/** Mostly without what is refused whatever the rest (so most cases generate), sometimes with it. */
const mostly = (options: { of: fc.Arbitrary<string>; without: RegExp }) =>
  fc.oneof({ weight: 3, arbitrary: options.of.map((value) => value.replace(options.without, "")) }, { weight: 1, arbitrary: options.of });
/** Braces in a path, or in a path parameter's name, that enclose no name are refused. */
const inPath = (of: fc.Arbitrary<string>) => mostly({ of, without: /[{}]/g });
/** A parameter name with half a surrogate pair is refused (no URL carries it). */
const parameterName = mostly({ of: name, without: /[\ud800-\udfff]/g });
/** Patterns: mostly hostile text matched literally (always valid), else as it is (often refused). */
/** A media type's parameter: mostly what a header can carry (printable ASCII; what is not is refused, media-type-invalid), sometimes anything. */
const mediaTypeText = mostly({ of: text, without: /[^\x21-\x7e]/g });
const pattern = fc.oneof({ weight: 3, arbitrary: text.map((raw) => raw.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")) }, { weight: 1, arbitrary: text });

const fields = fc.record(
  {
    title: text,
    version: text,
    summary: text,
    description: text,
    operationId: name,
    pathParameter: inPath(parameterName),
    queryParameter: parameterName,
    parameterDescription: text,
    property: name,
    enumValue: text,
    format: text,
    pattern,
    example: text,
    serverUrl: text,
    serverId: text,
    scheme: name,
    schemaName: name,
    contentType: mediaTypeText,
    path: inPath(text),
    responseDescription: text,
    specName: text,
    specUrl: text,
  },
  { requiredKeys: [] },
);
type Fields = Partial<Record<string, string>>;

const DELETE = "/v1/customers/{id}";

/** The base spec with each chosen field replaced. */
function hostileSpec(chosen: Fields): Spec {
  const spec = structuredClone(BASE);
  const del = spec.paths[DELETE].delete;
  const cancel = spec.paths["/v1/customer-portal/subscriptions/{id}"].delete;
  const subscription = spec.components.schemas.CustomerSubscription;
  if (chosen.title !== undefined) spec.info.title = chosen.title;
  if (chosen.version !== undefined) spec.info.version = chosen.version;
  if (chosen.summary !== undefined) del.summary = cancel.summary = chosen.summary;
  if (chosen.description !== undefined) del.description = subscription.description = chosen.description;
  if (chosen.operationId !== undefined) del.operationId = chosen.operationId;
  if (chosen.queryParameter !== undefined) del.parameters[1].name = chosen.queryParameter;
  if (chosen.parameterDescription !== undefined) del.parameters[0].description = chosen.parameterDescription;
  if (chosen.property !== undefined) define(subscription.properties, chosen.property, { type: "string", description: chosen.description ?? "hostile" });
  if (chosen.enumValue !== undefined) subscription.properties.status.enum.push(chosen.enumValue);
  if (chosen.format !== undefined) subscription.properties.label.format = chosen.format;
  if (chosen.pattern !== undefined) subscription.properties.label.pattern = chosen.pattern;
  if (chosen.example !== undefined) subscription.properties.label.example = chosen.example;
  if (chosen.serverUrl !== undefined) spec.servers[0].url = chosen.serverUrl;
  if (chosen.serverId !== undefined) spec.servers[1]["x-speakeasy-server-id"] = chosen.serverId;
  // A JSON media type with hostile parameters: a body the fake cannot answer as JSON is another matter.
  if (chosen.contentType !== undefined) renameKey({ record: del.responses["404"].content, from: "application/json", to: `application/json; x=${chosen.contentType}` });
  if (chosen.responseDescription !== undefined) del.responses["404"].description = cancel.responses["200"].description = chosen.responseDescription;
  if (chosen.scheme !== undefined) {
    renameKey({ record: spec.components.securitySchemes, from: "org_token", to: chosen.scheme });
    spec.security = [define({}, chosen.scheme, [])];
  }
  let paths = spec.paths;
  if (chosen.pathParameter !== undefined) {
    del.parameters[0].name = chosen.pathParameter;
    paths = renameKey({ record: paths, from: DELETE, to: `/v1/customers/{${chosen.pathParameter}}` });
  }
  if (chosen.path !== undefined) renameKey({ record: paths, from: Object.keys(paths)[0]!, to: `/v1/${chosen.path}${Object.keys(paths)[0]!.slice(3)}` });
  return chosen.schemaName === undefined ? spec : renameSchema({ spec, to: chosen.schemaName });
}

/** Keys as JSON.parse makes them: own properties, `__proto__` included. */
function define(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return record;
}

function renameKey(options: { record: Record<string, unknown>; from: string; to: string }): Record<string, unknown> {
  const { record, from, to } = options;
  const entries = Object.entries(record).map(([key, value]) => [key === from ? to : key, value] as const);
  for (const key of Object.keys(record)) delete record[key];
  for (const [key, value] of entries) define(record, key, value);
  return record;
}

function renameSchema(options: { spec: Spec; to: string }): Spec {
  const pointer = `#/components/schemas/${options.to.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  const text = JSON.stringify(options.spec).split(JSON.stringify("#/components/schemas/ResourceNotFound")).join(JSON.stringify(pointer));
  const spec = JSON.parse(text);
  renameKey({ record: spec.components.schemas, from: "ResourceNotFound", to: options.to });
  return spec;
}

/** The operations the spec holds, as it names them. */
function operationIds(spec: Spec): string[] {
  return Object.values(spec.paths as Record<string, { delete: { operationId: string } }>).map((item) => item.delete.operationId);
}

interface Outcome {
  folder?: string;
  refused?: string[];
}

async function generateCase(options: { index: number; chosen: Fields }): Promise<Outcome> {
  const { index, chosen } = options;
  const spec = hostileSpec(chosen);
  const folder = join(root, `case-${index}`);
  const body = JSON.stringify(spec, null, 2);
  const source = chosen.specUrl !== undefined && index % 2 === 0 ? { url: `https://specs.example.test/${chosen.specUrl}` } : { file: join(folder, "spec", `${(chosen.specName ?? "spec").replace(/[/\0]/g, "_").slice(0, 60)}.json`) };
  if (source.file) {
    mkdirSync(dirname(source.file), { recursive: true });
    writeFileSync(source.file, body);
  }
  const fetch = async () => new Response(body, { headers: { "content-type": "application/json" } });
  try {
    const { files, model } = await buildOutput({ config: false, spec: source.url ?? source.file, out: join(folder, "out"), operations: operationIds(spec), fetch });
    for (const file of files) {
      mkdirSync(dirname(join(folder, "out", file.path)), { recursive: true });
      writeFileSync(join(folder, "out", file.path), file.contents);
    }
    await writeScaffold({ model, folder: join(folder, "out") });
    return { folder: join(folder, "out") };
  } catch (error) {
    if (!(error instanceof ProblemError)) throw new Error(`case ${index} (${JSON.stringify(chosen)}): not a positioned problem: ${String((error as Error).stack)}`);
    const errors = error.problems.filter((problem) => problem.severity === "error");
    expect(errors.length, `case ${index}`).toBeGreaterThan(0);
    for (const problem of errors) expect(problem.position, `case ${index}: ${error.message}`).toBeDefined();
    return { refused: errors.map((problem) => problem.code) };
  }
}

describe("hostile text in every spec field", () => {
  it(`${CASES} generated specs: output that type-checks and imports without running spec text, or positioned problems`, async () => {
    const samples = fc.sample(fields, { seed: SEED, numRuns: CASES }) as Fields[];
    const outcomes: Outcome[] = [];
    for (const [index, chosen] of samples.entries()) outcomes.push(await generateCase({ index, chosen }));
    const folders = outcomes.flatMap((outcome) => (outcome.folder ? [outcome.folder] : []));
    // Most cases must generate, or the checks below would hold for little.
    expect(folders.length).toBeGreaterThanOrEqual(CASES / 3);
    const fieldsOf = new Map(outcomes.map((outcome, index) => [outcome.folder, samples[index]]));
    const failed = checkGeneratedFolders({ root, folders }).filter((verdict) => verdict.problems.length > 0);
    expect(failed.map((verdict) => ({ ...verdict, fields: fieldsOf.get(verdict.folder) }))).toStrictEqual([]);
  }, 180_000);
});
