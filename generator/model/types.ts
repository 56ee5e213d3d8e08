// The intermediate model (IR): what the emitters need to know about the selected
// operations, and nothing else. Plain data, serialisable to JSON, sorted, so a
// snapshot of it is a readable test and two runs produce the same bytes.

export type PrimitiveType = "string" | "number" | "integer" | "boolean" | "null" | "unknown";

/** A type, by kind. FastAPI's `anyOf: [X, {type: null}]` is folded into `nullable`. */
export type TypeRef =
  | { kind: "primitive"; type: PrimitiveType; format?: string }
  | { kind: "array"; items: TypeRef }
  | { kind: "model"; name: string }
  | { kind: "enum"; values: Array<string | number | boolean | null> }
  | { kind: "union"; variants: TypeRef[]; discriminator?: string }
  | { kind: "nullable"; inner: TypeRef }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "map"; values: TypeRef }
  | { kind: "intersection"; parts: TypeRef[] }
  | { kind: "object"; properties: PropertyModel[] };

export interface PropertyModel {
  name: string;
  required: boolean;
  type: TypeRef;
}

export interface SchemaModel {
  /** Name under `components.schemas`. */
  name: string;
  type: TypeRef;
  /** `examples[0]` or `example` from the spec, when it has one. */
  example?: unknown;
}

export interface ParameterModel {
  /** The name on the wire, as in the spec (`external_id`). */
  name: string;
  /** The camelCase name used in generated code (`externalId`). */
  codeName: string;
  in: "path" | "query" | "header";
  required: boolean;
  /**
   * How the value is serialized (OpenAPI `style`), with OpenAPI's defaults filled in:
   * `form` for query, `simple` for path and header.
   */
  style: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject" | "simple" | "label" | "matrix";
  /** OpenAPI `explode`, defaulted: true for `form`, false otherwise. */
  explode: boolean;
  type: TypeRef;
  /** `format` of the parameter's schema when it is a string (`uuid4`, `uuid`, ...). */
  format?: string;
  /** `pattern` of the parameter's schema, as the spec writes it: what a sample value must match. */
  pattern?: string;
  default?: unknown;
  description?: string;
}

/** One alternative of an operation's security: all of its schemes must be satisfied. */
export interface SecurityRequirementModel {
  schemes: Array<{ scheme: string; scopes: string[] }>;
}

export interface SecuritySchemeModel {
  /** Key under `components.securitySchemes` (`oat`, `customer_session`). */
  name: string;
  /** `http` bearer and `openIdConnect` and `oauth2` all travel as `Authorization: Bearer`. */
  type: "http" | "apiKey" | "openIdConnect" | "oauth2" | "mutualTLS";
  bearer: boolean;
  /** `http`: the scheme, lower-cased (`bearer`, `basic`, `digest`). */
  httpScheme?: string;
  /** `apiKey`: where the key travels (`header`, `query`, `cookie`) and its name there, as declared. */
  in?: string;
  key?: string;
  /** Which client credential carries it: `accessToken`, `customerSession`, `memberSession`. */
  credential: string;
  description?: string;
}

export interface RequestBodyModel {
  required: boolean;
  /** The media type the client sends: the first JSON one, else the first listed. */
  contentType: string;
  /** Every media type the spec lists for the body, in the spec's order. */
  contentTypes: string[];
  /** The schema of `contentType`, when it has one. */
  type?: TypeRef;
  description?: string;
}

export interface ResponseModel {
  /** The status code as a number; `default` and ranges (`4XX`) are kept as strings. */
  status: number | string;
  description: string;
  /** The media type of the body, or undefined when the response has no body. */
  contentType?: string;
  body?: TypeRef;
}

export interface OperationModel {
  /** The spec's operationId (`customers:delete_external`). */
  id: string;
  /** Client grouping from the id, camelCased (`["customers", "deleteExternal"]`). */
  group: string[];
  /** Name of the standalone function (`customersDeleteExternal`). */
  functionName: string;
  method: "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  pathParams: ParameterModel[];
  query: ParameterModel[];
  /** Header parameters (`in: header`); `Accept`, `Content-Type` and `Authorization` are left out, as OpenAPI says. */
  headers: ParameterModel[];
  requestBody?: RequestBodyModel;
  /** Alternatives: any one of them suffices. Empty means no authentication. */
  security: SecurityRequirementModel[];
  /** Union of all scopes named by the alternatives, sorted. */
  scopes: string[];
  success: ResponseModel[];
  errors: ResponseModel[];
}

export interface ServerModel {
  /** `x-speakeasy-server-id`, `x-polar-environment`, or derived from the host. */
  id: string;
  url: string;
  description?: string;
}

export interface Model {
  /** The spec file as named in the config (relative, POSIX separators), or its URL. */
  specFile: string;
  openapi: string;
  title: string;
  /**
   * The API's name in generated identifiers (`Polar` → `createPolarClient`): the config's
   * `name`, else the title as an identifier, a trailing "API" dropped ("Polar API" → `Polar`).
   */
  name: string;
  /**
   * Whether the spec is Polar's: a server on polar.sh, or the title "Polar API" (or "Polar").
   * Polar's own behaviour (the `Polar-Version` header, Polar's error bodies and token kinds)
   * applies only then.
   */
  polar: boolean;
  /** `info.version` of Polar's spec when it is a date version (`2026-10`), sent as `Polar-Version`. */
  apiVersion?: string;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  operations: OperationModel[];
  schemas: SchemaModel[];
}
