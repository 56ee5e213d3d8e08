// What the generated contract suite knows about each operation: plain data, written
// by polar-codegen from the spec, read by the checks. Nothing here depends on the
// server or the client under test.

export interface ContractParameter {
  /** The name on the wire. */
  name: string;
  /** The name the generated client takes. */
  codeName: string;
  format?: string | undefined;
  type: "string" | "boolean" | "integer" | "number" | "other";
  /** The values its schema allows, when it is an enum. */
  enum?: Array<string | number | boolean> | undefined;
  required: boolean;
  /** Wire values its schema may accept: a valid request sends the first its validator accepts. */
  samples: string[];
  /** Wire values its schema may refuse: each a negative case when its validator refuses it. */
  invalid: Array<{ what: string; value: string }>;
}

export interface ContractBody {
  contentType: string;
  required: boolean;
  /** The component schema the body must satisfy, when it is one. */
  schema?: string | undefined;
  /** Candidates for a valid body: the first the schema's validator accepts is sent. */
  samples: unknown[];
  /** Bodies the schema refuses. */
  invalid: Array<{ what: string; value: unknown }>;
}

export interface ContractResponse {
  /** Undefined: the response has no body. */
  contentType?: string | undefined;
  /** The component schema its body must satisfy. */
  schema?: string | undefined;
  /** The component schema each item of its (array) body must satisfy. */
  items?: string | undefined;
  /** A success body's top-level fields, by the spec. */
  properties?: string[] | undefined;
}

export interface ContractOperation {
  id: string;
  /** `customers.delete` on the generated client. */
  clientPath: string[];
  method: string;
  /** The spec's template, `/v1/customers/{id}`. */
  path: string;
  /** Polar's spec, and an operation whose outcomes the suite knows (outcomes.ts, negative.ts). */
  modelled: boolean;
  pathParams: ContractParameter[];
  query: ContractParameter[];
  headers: ContractParameter[];
  /** The request body, when the operation takes one the suite can write (JSON, a form, multipart). */
  body?: ContractBody | undefined;
  /** Which client options carry the credentials it accepts: `accessToken`, `customerSession`, `shopKey`. */
  credentials: string[];
  /** Each security alternative it accepts, any one of them; none when it is open. */
  security: ContractSecurity[];
  responses: Record<string, ContractResponse>;
}

/**
 * The credentials the suite holds, one of each kind: Polar's organization, personal and
 * OpenID Connect tokens and its sessions; another API's bearer tokens and API keys are
 * its `accessToken`, its HTTP basic `user:password` its `basicAuth`.
 */
export type CredentialKind =
  | "accessToken"
  | "personalAccessToken"
  | "oidcToken"
  | "customerSession"
  | "memberSession"
  | "basicAuth";

/** One security alternative: how its credential travels, and which of the suite's it takes. */
export interface ContractSecurity {
  /** The client option that carries it. */
  credential: string;
  via: "bearer" | "basic" | "header" | "query" | "cookie";
  /** An API key's name in its header, query or cookie. */
  key?: string | undefined;
  kind: CredentialKind;
}

/** The fake's seed format: what exists on the server under test. */
export interface ContractFixtures {
  customers?:
    | Array<{ id: string; external_id?: string | null | undefined; [field: string]: unknown }>
    | undefined;
  subscriptions?: Array<{ id: string; customer_id: string; [field: string]: unknown }> | undefined;
  access_tokens?: Array<{ token: string; scopes: string[] }> | undefined;
  customer_sessions?: Array<{ token: string; customer_id: string }> | undefined;
  member_sessions?: Array<{ token: string; customer_id: string; role: string }> | undefined;
}

/** A webhook event the selected operations trigger, and the component schema of its payload. */
export interface ContractWebhook {
  event: string;
  schema: string;
}
