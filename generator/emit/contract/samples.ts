// Inputs the schema-level checks send, built from the model deterministically: for each
// parameter, wire values its schema may accept (the suite sends the first the generated
// parameter validator accepts) and values it may refuse (each a negative case when the
// validator refuses it); for a body, a sample built from its type and variants that
// break it. Plain JSON data: spec text (enum values, property names) stays data.

import { isObject, type OpenApiDocument } from "../../openapi.js";
import { sampleForPattern } from "../fake/pattern-sample.js";
import { sampleSchema } from "../fake/sample.js";
import { atEpoch } from "../server/error-bodies.js";
import type { Model, ParameterModel, RequestBodyModel, TypeRef } from "../../model/types.js";

/** A fixed version-4 UUID no fixture uses: what a path id is given in a valid request. */
const SAMPLE_UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const FORMAT_SAMPLES: ReadonlyMap<string, string> = new Map([
  ["uuid", SAMPLE_UUID],
  ["uuid4", SAMPLE_UUID],
  ["date-time", "2026-01-01T00:00:00Z"],
  ["date", "2026-01-01"],
  ["email", "contract@example.com"],
  ["uri", "https://example.com/contract"],
]);
/** The media types whose fields the suite writes as the client does (besides JSON). */
const FORM_MEDIA = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)$/i;
/** How many models deep a sample body goes: enough for the shapes specs use, finite for recursive ones. */
const MAX_DEPTH = 8;

export type ParameterKind = "string" | "boolean" | "integer" | "number" | "other";

export interface ParameterFacts {
  type: ParameterKind;
  enum?: Array<string | number | boolean>;
  samples: string[];
  invalid: Array<{ what: string; value: string }>;
}

/**
 * The parameter's scalar type (enums, nullables and named schemas seen through), its
 * samples and refusable values. `model`: where a named schema (`$ref` to an enum) is found.
 */
export function parameterFacts(options: { parameter: ParameterModel; model?: Pick<Model, "schemas"> }): ParameterFacts {
  const { parameter } = options;
  const type = scalarOf({ type: parameter.type, model: options.model });
  const kind = type?.kind ?? "other";
  const values = type?.values;
  return {
    type: kind,
    ...(values ? { enum: values } : {}),
    samples: parameterSamples({ parameter, kind, values }),
    invalid: invalidValues({ parameter, kind, values }),
  };
}

function scalarOf(options: { type: TypeRef; model?: Pick<Model, "schemas"> | undefined; depth?: number }): { kind: ParameterKind; values?: Array<string | number | boolean> } | undefined {
  const { type, model } = options;
  const depth = options.depth ?? 0;
  if (type.kind === "nullable") return scalarOf({ type: type.inner, model, depth });
  // A named schema, once or twice removed (`$ref: TimeInterval`); a cycle ends at MAX_DEPTH.
  if (type.kind === "model") {
    const named = depth < MAX_DEPTH ? model?.schemas.find((each) => each.name === type.name)?.type : undefined;
    return named && scalarOf({ type: named, model, depth: depth + 1 });
  }
  if (type.kind === "primitive")
    return type.type === "null" || type.type === "unknown" ? undefined : { kind: type.type };
  const values =
    type.kind === "enum" ? type.values.filter((value) => value !== null) : type.kind === "literal" && type.value !== null ? [type.value] : undefined;
  if (!values || values.length === 0) return undefined;
  const kinds = new Set(values.map((value) => (typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value)));
  const [only] = kinds;
  return kinds.size === 1 && (only === "string" || only === "boolean" || only === "integer" || only === "number") ? { kind: only, values } : undefined;
}

function parameterSamples(options: { parameter: ParameterModel; kind: ParameterKind; values: unknown[] | undefined }): string[] {
  const { parameter, kind, values } = options;
  const samples: string[] = [];
  const scalar = (value: unknown) => typeof value === "string" || typeof value === "number" || typeof value === "boolean";
  if (scalar(parameter.default)) samples.push(String(parameter.default));
  for (const value of values ?? []) samples.push(String(value));
  const format = parameter.format && FORMAT_SAMPLES.get(parameter.format);
  if (format) samples.push(format);
  if (kind === "integer") samples.push("1", "10", "0", "100");
  if (kind === "number") samples.push("1", "0.5", "0");
  if (kind === "boolean") samples.push("true", "false");
  const plain = `contract-${parameter.in}-sample`;
  // A pattern's sample first: the plain one would be refused by it.
  const patterned = kind === "string" && parameter.pattern ? sampleForPattern({ pattern: parameter.pattern, preferred: plain }) : undefined;
  if (patterned !== undefined) samples.push(patterned);
  if (kind === "string" || kind === "other") samples.push(plain);
  return [...new Set(samples)];
}

function invalidValues(options: { parameter: ParameterModel; kind: ParameterKind; values: unknown[] | undefined }): Array<{ what: string; value: string }> {
  const { parameter, kind, values } = options;
  const invalid: Array<[string, string]> = [];
  if (parameter.format?.startsWith("uuid")) invalid.push(["not a UUID", "not-a-uuid"]);
  if (values) invalid.push(["a value not in the enum", "contract-not-in-enum"]);
  if (kind === "integer") invalid.push(["not an integer", "1.5"], ["not a number", "abc"]);
  if (kind === "number") invalid.push(["not a number", "abc"]);
  if (kind === "boolean") invalid.push(["not a boolean", "maybe"]);
  return invalid.map(([what, value]) => ({ what, value }));
}

export interface BodyFacts {
  contentType: string;
  required: boolean;
  /** The component schema the body must satisfy, when it is one (validators.ts has a check for it). */
  schema?: string;
  /** Candidates for a valid body, the first the schema's validator accepts is sent. */
  samples: unknown[];
  /** Bodies the schema refuses. */
  invalid: Array<{ what: string; value: unknown }>;
}

export function bodyFacts(options: { model: Model; body: RequestBodyModel; document?: OpenApiDocument }): BodyFacts | undefined {
  const { model, body } = options;
  const json = /json/i.test(body.contentType);
  if (!body.type || !(json || FORM_MEDIA.test(body.contentType))) return undefined;
  const schema = body.type.kind === "model" ? body.type.name : undefined;
  const example = schema === undefined ? undefined : model.schemas.find((each) => each.name === schema)?.example;
  const sample = sampleOf({ model, type: body.type, depth: 0 });
  // The fake's sample of the schema, read from the spec: it keeps to constraints the model drops (a pattern, a minimum).
  const documented = schema === undefined || !options.document ? undefined : atEpoch(sampleSchema({ document: options.document, schemaName: schema }));
  const object = objectOf({ model, type: body.type });
  const invalid: Array<{ what: string; value: unknown }> = [];
  if (object && isObject(sample)) {
    for (const property of object.filter((each) => each.required)) {
      const { [property.name]: _, ...rest } = sample;
      invalid.push({ what: `missing the required property ${property.name}`, value: rest });
    }
  }
  // A form's fields are all text: a wrong type or an array is JSON's to send.
  if (json && object && isObject(sample)) {
    const typed = [...object].sort((a, b) => Number(b.required) - Number(a.required)).find((each) => scalarOf({ type: each.type }) !== undefined);
    if (typed) invalid.push({ what: `with ${typed.name} of the wrong type`, value: { ...sample, [typed.name]: wrongTypeFor(scalarOf({ type: typed.type })!.kind) } });
    invalid.push({ what: "that is an array, not an object", value: [] });
  }
  return {
    contentType: body.contentType,
    required: body.required,
    ...(schema ? { schema } : {}),
    samples: [...(example === undefined ? [] : [example]), sample, ...(documented === undefined ? [] : [documented])],
    invalid,
  };
}

function wrongTypeFor(kind: ParameterKind): unknown {
  return kind === "string" ? 12345 : "contract-wrong-type";
}

/**
 * The body's properties when its type is an object (through a model, nullable or
 * intersection; a union's first variant, as the sample is built: the suite keeps only the
 * variants of it the schema's validator refuses).
 */
function objectOf(options: { model: Model; type: TypeRef; depth?: number }): Array<{ name: string; required: boolean; type: TypeRef }> | undefined {
  const { model, type } = options;
  const depth = options.depth ?? 0;
  if (depth > MAX_DEPTH) return undefined;
  if (type.kind === "object") return type.properties;
  if (type.kind === "nullable") return objectOf({ model, type: type.inner, depth: depth + 1 });
  if (type.kind === "union") return type.variants[0] && objectOf({ model, type: type.variants[0], depth: depth + 1 });
  if (type.kind === "model") {
    const schema = model.schemas.find((each) => each.name === type.name);
    return schema ? objectOf({ model, type: schema.type, depth: depth + 1 }) : undefined;
  }
  if (type.kind === "intersection") {
    const parts = type.parts.map((part) => objectOf({ model, type: part, depth: depth + 1 }));
    return parts.every((part) => part !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

/** A value of the type: required properties only, the first of each union and enum. `depth` counts models. */
export function sampleOf(options: { model: Model; type: TypeRef; depth: number }): unknown {
  const { model, type, depth } = options;
  const next = (inner: TypeRef) => sampleOf({ model, type: inner, depth });
  switch (type.kind) {
    case "primitive":
      if (type.type === "string") return (type.format && FORMAT_SAMPLES.get(type.format)) ?? "contract";
      if (type.type === "integer" || type.type === "number") return 1;
      if (type.type === "boolean") return true;
      return null;
    case "enum":
      return type.values[0] ?? null;
    case "literal":
      return type.value;
    case "nullable":
      return next(type.inner);
    case "union":
      return type.variants[0] ? next(type.variants[0]) : null;
    case "array":
      return [next(type.items)];
    case "map":
      return {};
    case "model": {
      const schema = model.schemas.find((each) => each.name === type.name);
      return schema && depth < MAX_DEPTH ? sampleOf({ model, type: schema.type, depth: depth + 1 }) : {};
    }
    case "intersection":
      return Object.assign({}, ...type.parts.map((part) => next(part)).filter(isObject));
    case "object": {
      const sample: Record<string, unknown> = {};
      for (const property of type.properties.filter((each) => each.required))
        Object.defineProperty(sample, property.name, { value: next(property.type), enumerable: true, writable: true, configurable: true });
      return sample;
    }
  }
}
