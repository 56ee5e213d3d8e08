// What the server runtime knows about an operation and a request. The generated
// server.ts holds one `RouteInfo` per operation; the runtime never reads the spec.

/**
 * How a parameter's text becomes a typed value before its schema is checked; `auto`
 * (a union of scalars, a free-form value) tries the text as it is, then as a number,
 * then as a boolean, and keeps the first the schema accepts.
 */
export type Decoder = "string" | "uuid" | "boolean" | "integer" | "number" | "auto";

/** How one value's text is decoded: a scalar, an array of them, or either. */
export interface ValueShape {
  decode: Decoder;
  /** `format: uuid4`: the UUID's version must be 4. */
  uuidVersion?: number | undefined;
  /** `many`: always an array; `either`: one value as it is, several as an array. Absent: one value. */
  arity?: "many" | "either" | undefined;
}

export interface ParameterInfo extends ValueShape {
  /** The spec's name, as on the wire (`external_id`). */
  name: string;
  /** The name handlers see (`externalId`). */
  codeName: string;
  in: "path" | "query" | "header";
  /** What splits one value into an array's items (`,`, ` `, `|`); absent: repeated query keys. */
  separator?: string | undefined;
  /** `style: deepObject`: `name[key]=value` pairs make an object, each value decoded as the shape says. */
  deepObject?: boolean | undefined;
  required: boolean;
  default?: unknown;
}

/** How a request body of one media type is read. */
export interface BodyMedia {
  /** The spec's media type (`application/json`, `text/*`). */
  type: string;
  kind: "json" | "form" | "multipart" | "text" | "binary";
  /** Form and multipart fields by name: how each field's text becomes a value (others stay text). */
  fields?: Record<string, ValueShape> | undefined;
}

export interface BodyInfo {
  required: boolean;
  /** In the spec's order; a request without `content-type` is read as the first. */
  media: BodyMedia[];
}

/** One security alternative: the scheme, the scopes it asks, and where its credential travels. */
export interface SecurityInfo {
  scheme: string;
  scopes: string[];
  /** Absent: a bearer token in `Authorization` (http bearer, OAuth 2, OpenID Connect). */
  kind?: "basic" | "apiKey" | undefined;
  /** apiKey: where the key travels, and its name there. */
  in?: "header" | "query" | "cookie" | undefined;
  key?: string | undefined;
}

/** A documented response: its media type and, for JSON, the schema its body must match. */
export interface ResponseInfo {
  contentType?: string | undefined;
  /** Name under `components.schemas`, when the body is a named JSON schema. */
  schema?: string | undefined;
}

export interface RouteInfo {
  id: string;
  /** The key of its handler (`customersDelete`). */
  handler: string;
  /** Upper case (`DELETE`). */
  method: string;
  /** The spec's template (`/v1/customers/{id}`). */
  path: string;
  parameters: ParameterInfo[];
  /** The request body the operation takes; absent: none, and one sent is refused. */
  body?: BodyInfo | undefined;
  /** Alternatives, any one of which authorises the call. Empty: open. */
  security: SecurityInfo[];
  /** Documented responses by status. */
  responses: Record<number, ResponseInfo>;
  /**
   * Plain error style only: the body the spec documents for a status the runtime answers
   * itself (401, 422...) when the plain `{"detail"}` would not fit it; `null`: no body.
   */
  errorBodies?: Record<number, unknown> | undefined;
}

/** A request as the runtime needs it, built cheaply by each adapter. */
export interface WireRequest {
  method: string;
  /** Path and query exactly as received, never normalised (`/v1/customers/a%2Fb?x=1`). */
  target: string;
  /** A header by lower-case name. */
  header(name: string): string | undefined;
  /** True when the request carries a non-empty body. */
  hasBody: boolean | (() => Promise<boolean>);
  /** The whole body, or `TOO_LARGE` as soon as it passes `limit` bytes. */
  readBody(limit: number): Promise<Uint8Array | typeof TOO_LARGE>;
  /** The Web `Request`, built only if a handler asks for it. */
  request(): Request;
}

/** What `readBody` answers for a body over its limit. */
export const TOO_LARGE = /* @__PURE__ */ Symbol("too large");

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  /** Text (JSON, `text/*`) or bytes (a binary media type). */
  body?: string | Uint8Array | undefined;
  /** `headers` as node:http's flat list with `content-length`: made once for a response sent many times. */
  headerList?: Array<string | number> | undefined;
}

/** The credential a request was accepted with. */
export interface ServerCredential<Scheme extends string = string> {
  /** The security scheme it was accepted for: one of the operation's (`customer_session`). */
  scheme: Scheme;
  /** The bearer token, the API key, or HTTP basic's `user:password` (decoded). */
  token: string;
}

export interface AuthenticateInput extends ServerCredential {
  /** Scopes the operation asks of this scheme. */
  scopes: string[];
  operationId: string;
  request: Request;
}

/**
 * `true`: accepted for this scheme. Otherwise, when no scheme of the operation accepts,
 * the strongest answer given is sent, as Polar sends it:
 * - `false` or `{ notPermitted: detail }`: a valid credential that may not do this
 *   (403 `NotPermitted`);
 * - `{ insufficientScope: scopes }`: a token without any of the scopes the operation
 *   needs (403 `insufficient_scope`, the scopes in `WWW-Authenticate`);
 * - `"invalid"`: no credential at all, unknown, expired or revoked (401 `invalid_token`);
 * - `"unauthorized"`: a credential of a kind this scheme does not take, such as a
 *   customer session on an organization's endpoint (401 `Unauthorized`).
 */
export type AuthenticateVerdict =
  boolean | "invalid" | "unauthorized" | { insufficientScope: string[] } | { notPermitted: string };

/** Decides whether a token is valid for a scheme and its scopes. */
export type Authenticate = (
  input: AuthenticateInput,
) => AuthenticateVerdict | Promise<AuthenticateVerdict>;

export interface ValidationIssue {
  pointer: string;
  keyword: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

export type Validator = (value: unknown) => ValidationIssue[];
/** The generated `validators` record (by schema name), or the whole validators module. */
export type Validators = Record<string, Validator> | { validators: Record<string, Validator> };
/** Per operation, per `in.name` (`path.id`): the schema check of a decoded parameter. */
export type ParameterChecks = Record<string, Record<string, Validator>>;

/** Something the developer must see: the client only gets a generic 500. */
export type ServerErrorEvent =
  | { kind: "handler-threw"; operationId: string; error: unknown }
  | { kind: "authenticate-threw"; operationId: string; error: unknown }
  | { kind: "undeclared-outcome"; operationId: string; status: unknown; message: string }
  | { kind: "invalid-response"; operationId: string; status: number; issues: ValidationIssue[] };

/** What a handler returns; the generated types narrow it to the documented outcomes. */
export interface AnyOutcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string> | undefined;
}

export interface HandlerContext<Params, Credential, Body = undefined> {
  params: Params;
  credential: Credential;
  /** The request body, decoded and validated: JSON as parsed, a form as an object, text as a string, bytes as `Uint8Array`. */
  body: Body;
  /** The request as received (built on first access when served through `toNodeListener`). */
  request: Request;
}

export type AnyHandler = (
  context: HandlerContext<Record<string, unknown>, ServerCredential | undefined, unknown>,
) => AnyOutcome | Promise<AnyOutcome>;

/** Per operation, per media type: the schema check of a decoded request body. */
export type BodyChecks = Record<string, Record<string, Validator>>;

/** The generated validators module: parameter and body checks, and response validators by schema name. */
export interface GeneratedValidators {
  parameters: ParameterChecks;
  requestBodies?: BodyChecks | undefined;
  validators: Record<string, Validator>;
}

export interface ServerCoreOptions {
  routes: RouteInfo[];
  handlers: Record<string, AnyHandler>;
  authenticate?: Authenticate | undefined;
  /**
   * Imports the generated validators when the server is created, not when its module is:
   * a bundle that imports only the client from index.ts then never contains them.
   */
  loadValidators?: (() => Promise<GeneratedValidators>) | undefined;
  /** `true`: the generated validators; or a record of validators by schema name. */
  validateResponses?: boolean | Validators | undefined;
  onError?: ((event: ServerErrorEvent) => void) | undefined;
  /** `polar`: Polar's error bodies (`{"error","detail"}`, `realm="polar"`); `plain`: FastAPI's `{"detail"}`. */
  errorStyle?: "polar" | "plain" | undefined;
  /** The largest request body read, in bytes; a larger one is answered 413. */
  maxBodyBytes?: number | undefined;
}

/** The Web-standard shape Node, Bun, Deno, Cloudflare Workers and Hono all accept. */
export interface FetchServer {
  fetch(request: Request): Promise<Response>;
}
