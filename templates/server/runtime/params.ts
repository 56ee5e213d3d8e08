// Parameters: text → typed value → schema check, every failure reported at once in
// FastAPI's shape, `{"detail":[{"type","loc","msg","input"}]}`, with pydantic's types
// and messages, so a client written against Polar reads the fake's 422s as Polar's.
// Arrays travel as repeated query keys (`form`, exploded) or as one value split on `,`
// (`explode: false`, path and header), ` ` or `|`; `deepObject` as `name[key]=value`.

import { decodeShaped, pointerTokens, typedWord, type FieldError } from "./decode.js";
import type { ParameterInfo, RouteInfo, Validator } from "./types.js";

export type { FieldError } from "./decode.js";

export type Decoded = { params: Record<string, unknown> } | { errors: FieldError[] };

export function decodeParameters(options: {
  route: RouteInfo;
  /** Path parameter values, decoded, by wire name. */
  path: Record<string, string>;
  query: string;
  wire: { header(name: string): string | undefined };
  /** The schema check of each parameter, in the route's order. */
  checks: ReadonlyArray<Validator | undefined> | undefined;
}): Decoded {
  const params: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  let search: URLSearchParams | undefined;
  const { parameters } = options.route;
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index]!;
    const check = options.checks?.[index];
    let texts: string[] | undefined;
    if (parameter.in === "path") texts = one(options.path[parameter.name]);
    else if (parameter.in === "header")
      texts = one(options.wire.header(parameter.name.toLowerCase()));
    else if (options.query) {
      search ??= new URLSearchParams(options.query);
      if (parameter.deepObject) {
        const decoded = deepObject({ parameter, search, check, errors });
        if (decoded !== ABSENT) {
          if (decoded) params[parameter.codeName] = decoded.value;
          continue;
        }
      } else {
        const all = search.getAll(parameter.name);
        texts = all.length === 0 ? undefined : all;
      }
    }
    if (texts !== undefined && parameter.separator !== undefined && parameter.arity !== undefined)
      texts = split({ texts, separator: parameter.separator });
    if (texts === undefined) {
      if (parameter.required)
        errors.push({ type: "missing", loc: locOf(parameter), msg: "Field required", input: null });
      else if (parameter.default !== undefined) params[parameter.codeName] = parameter.default;
      // Shadowed: a handler must not read the `constructor` every object inherits as a value.
      else if (parameter.codeName in Object.prototype) params[parameter.codeName] = undefined;
      continue;
    }
    const decoded = decodeShaped({ shape: parameter, texts, loc: locOf(parameter), check, errors });
    if (decoded) params[parameter.codeName] = decoded.value;
  }
  return errors.length > 0 ? { errors } : { params };
}

/** An optional parameter that was not sent and has no default. */
const ABSENT = /* @__PURE__ */ Symbol("absent");

function one(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : [text];
}

/** One sent value split into items (`a,b`); repeated keys each split too. */
function split(options: { texts: string[]; separator: string }): string[] {
  const items: string[] = [];
  for (const text of options.texts)
    for (const item of text.split(options.separator))
      items.push(options.separator === "," ? item.trim() : item);
  return items;
}

/** `name[key]=value` pairs as an object; `ABSENT` when none was sent. */
function deepObject(options: {
  parameter: ParameterInfo;
  search: URLSearchParams;
  check: Validator | undefined;
  errors: FieldError[];
}): { value: unknown } | undefined | typeof ABSENT {
  const { parameter, search, errors } = options;
  const prefix = `${parameter.name}[`;
  const texts = new Map<string, string[]>();
  search.forEach((value, name) => {
    if (!name.startsWith(prefix) || !name.endsWith("]")) return;
    const key = name.slice(prefix.length, -1);
    const list = texts.get(key);
    if (list) list.push(value);
    else texts.set(key, [value]);
  });
  if (texts.size === 0) return ABSENT;
  const value: Record<string, unknown> = {};
  const before = errors.length;
  for (const [key, list] of texts) {
    const loc = [...locOf(parameter), key];
    // Each entry alone, unchecked: the whole object is checked below.
    const decoded = decodeShaped({ shape: parameter, texts: list, loc, check: undefined, errors });
    if (decoded)
      Object.defineProperty(value, key, { value: decoded.value, enumerable: true, writable: true });
  }
  if (errors.length > before) return undefined;
  const issue = options.check?.(value)[0];
  if (issue !== undefined && parameter.decode === "auto") {
    // Free-form values: each as a number or a boolean where the schema takes that instead.
    const typed: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      const converted = Array.isArray(item) ? item.map(typedWord) : typedWord(item);
      Object.defineProperty(typed, key, { value: converted, enumerable: true, writable: true });
    }
    if (options.check!(typed).length === 0) return { value: typed };
  }
  if (issue === undefined) return { value };
  const loc = [...locOf(parameter), ...pointerTokens({ pointer: issue.pointer, value })];
  errors.push({ type: "value_error", loc, msg: issue.message, input: value });
  return undefined;
}

/** Where a parameter's error is reported: `["path","id"]`. */
function locOf(parameter: ParameterInfo): Array<string | number> {
  return [parameter.in, parameter.name];
}
