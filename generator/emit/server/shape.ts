// How the server runtime reads a parameter's (or a form field's) text, from its type:
// a scalar decoder, an array of them, or a union of a scalar and an array (Polar's
// `organization_id: string | string[]`), plus how an array travels (repeated keys, or
// one value split on `,`, ` ` or `|`) and `deepObject`. What a query string cannot
// carry is a message for a positioned problem (checks.ts), never a throw.

import type { Model, ParameterModel, TypeRef } from "../../model/types.js";

export interface Shape {
  decode: "string" | "uuid" | "boolean" | "integer" | "number" | "auto";
  uuidVersion?: number;
  arity?: "many" | "either";
}

export type ParameterShape = Shape & { separator?: string; deepObject?: boolean };

type Scalar = Pick<Shape, "decode" | "uuidVersion">;

/** The parameter's shape, or why it has none. */
export function parameterShape(options: { model: Model; parameter: ParameterModel }): ParameterShape | { problem: string } {
  const { model, parameter } = options;
  const type = resolved({ model, type: parameter.type });
  if (parameter.style === "deepObject" || type.kind === "map" || type.kind === "object") {
    const isObject = type.kind === "map" || type.kind === "object";
    if (parameter.style !== "deepObject" || parameter.in !== "query" || !isObject) return { problem: `an object in ${parameter.in} style "${parameter.style}" (only query deepObject objects are read)` };
    const values = type.kind === "map" ? valueShape({ model, type: type.values, format: undefined }) : undefined;
    return { ...(values ?? { decode: "auto" }), arity: "either", deepObject: true };
  }
  const shape = valueShape({ model, type, format: parameter.format });
  if (!shape) return { problem: `${describe(type)} cannot be read from ${parameter.in} text` };
  if (!shape.arity) return shape;
  const separator = separatorOf(parameter);
  if (separator === null) return { problem: `an array in ${parameter.in} style "${parameter.style}" is not supported` };
  return separator === undefined ? shape : { ...shape, separator };
}

/** The shape of a value: a scalar, an array of scalars, or a union of scalars and arrays of them. */
export function valueShape(options: { model: Model; type: TypeRef; format: string | undefined }): Shape | undefined {
  const { model, format } = options;
  const type = resolved({ model, type: options.type });
  const scalar = scalarOf({ model, type, format });
  if (scalar) return scalar;
  if (type.kind === "array") {
    const items = scalarOf({ model, type: resolved({ model, type: type.items }), format: undefined });
    return items ? { ...items, arity: "many" } : undefined;
  }
  if (type.kind !== "union") return undefined;
  const scalars: Scalar[] = [];
  const arrays: Scalar[] = [];
  for (const variant of type.variants.map((each) => resolved({ model, type: each }))) {
    const one = scalarOf({ model, type: variant, format });
    if (one) scalars.push(one);
    else if (variant.kind === "array") {
      const items = scalarOf({ model, type: resolved({ model, type: variant.items }), format: undefined });
      if (!items) return undefined;
      arrays.push(items);
    } else if (!(variant.kind === "primitive" && variant.type === "null")) return undefined;
  }
  const all = merged([...scalars, ...arrays]);
  if (!all) return undefined;
  if (arrays.length === 0) return all;
  return { ...all, arity: scalars.length === 0 ? "many" : "either" };
}

function scalarOf(options: { model: Model; type: TypeRef; format: string | undefined }): Scalar | undefined {
  const { model, type } = options;
  switch (type.kind) {
    case "primitive": {
      if (type.type === "null") return undefined;
      if (type.type === "unknown") return { decode: "auto" };
      if (type.type !== "string") return { decode: type.type };
      const uuid = /^uuid(\d?)$/.exec(options.format ?? type.format ?? "");
      if (!uuid) return { decode: "string" };
      return uuid[1] ? { decode: "uuid", uuidVersion: Number(uuid[1]) } : { decode: "uuid" };
    }
    case "enum":
      return merged(type.values.filter((value) => value !== null).map(literalScalar));
    case "literal":
      return type.value === null ? undefined : literalScalar(type.value);
    case "union": {
      const variants = type.variants.map((variant) => resolved({ model, type: variant })).filter((variant) => !(variant.kind === "primitive" && variant.type === "null"));
      const scalars = variants.map((variant) => scalarOf({ model, type: variant, format: options.format }));
      return scalars.every((scalar) => scalar !== undefined) ? merged(scalars as Scalar[]) : undefined;
    }
    default:
      return undefined;
  }
}

function literalScalar(value: string | number | boolean): Scalar {
  if (typeof value === "boolean") return { decode: "boolean" };
  if (typeof value === "number") return { decode: Number.isInteger(value) ? "integer" : "number" };
  return { decode: "string" };
}

/** One decoder for several: the same one, numbers as numbers, else `auto`. */
function merged(scalars: Scalar[]): Scalar | undefined {
  if (scalars.length === 0) return undefined;
  const decoders = new Set(scalars.map((scalar) => scalar.decode));
  if (decoders.size === 1) return scalars.find((scalar) => scalar.uuidVersion !== undefined) ?? scalars[0]!;
  if ([...decoders].every((decode) => decode === "integer" || decode === "number")) return { decode: "number" };
  return { decode: "auto" };
}

/** Model references and nullables followed to the type they stand for (cycles stop as unknown). */
export function resolved(options: { model: Model; type: TypeRef }): TypeRef {
  let type = options.type;
  for (let hops = 0; hops < 16; hops++) {
    if (type.kind === "nullable") type = type.inner;
    else if (type.kind === "model") {
      const name = type.name;
      const schema = options.model.schemas.find((each) => each.name === name);
      if (!schema) return { kind: "primitive", type: "unknown" };
      type = schema.type;
    } else if (type.kind === "intersection" && type.parts.length === 1) type = type.parts[0]!;
    else return type;
  }
  return { kind: "primitive", type: "unknown" };
}

/** `undefined`: repeated keys; `null`: a style the runtime does not read. */
function separatorOf(parameter: ParameterModel): string | undefined | null {
  switch (parameter.style) {
    case "form":
      return parameter.explode ? undefined : ",";
    case "simple":
      return ",";
    case "spaceDelimited":
      return parameter.explode ? undefined : " ";
    case "pipeDelimited":
      return parameter.explode ? undefined : "|";
    default:
      return null;
  }
}

function describe(type: TypeRef): string {
  if (type.kind === "array") return "an array whose items are not scalars";
  const what = type.kind === "primitive" ? type.type : type.kind;
  return `${/^[aeiou]/.test(what) ? "an" : "a"} ${what} value`;
}
