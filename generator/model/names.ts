// Names the generated modules declare or key by, derived from the spec: each operation's
// function (and the types named after it), its place in the client's tree, its
// parameters' fields, and the credential each security scheme travels as. A name that is
// only ever a key works whatever it holds (escape.ts quotes it). A declared name is ours
// to choose, so it is mapped deterministically (`operationFunctionName`); what no mapping
// can make faithful (two operations or parameters landing on one name, an id with no
// letter or digit) is a positioned problem, found before any emitter runs.

import { isDeclarableIdentifier, RESERVED_WORDS, stringLiteral } from "../emit/escape.js";
import { isObject, toPointer, type OpenApiDocument } from "../openapi.js";
import { problem, type Problem } from "../problems.js";
import { camelCase, upperFirst } from "./naming.js";
import type { Model, OperationModel, ParameterModel, SecuritySchemeModel } from "./types.js";

/**
 * Top-level names of client.ts and server.ts (declared, imported or exported) that do not
 * come from an operation, for the API named `name` (`{N}` below); index.ts re-exports both,
 * and adds `operationIds` and the types of types.ts. test/unit/names.test.ts holds this
 * list to the generated modules.
 */
export function GENERATED_NAMES(name: string): ReadonlySet<string> {
  return new Set(
    (
      "AnyOf Aborted AnyHandler AnyResult Authenticate AuthenticateInput AuthenticateVerdict BaseOptions BasicCredential BasicPair CallCredentials " +
      "CallOptions Credential Failure FetchServer HandlerContext Hooks InvalidBody InvalidRequest KnownOptions NetworkError " +
      "NodeListener NodeRequestLike NodeResponseLike OperationInfo OutcomeHeaders {N}Client {N}ClientOptions {N}Core " +
      "{N}Credentials {N}Error {N}Handlers {N}Server {N}ServerOptions ProbablySucceeded Problem RateLimited " +
      "RequestInfo ResponseValidators Result RetryOptions RouteInfo ServerCredential ServerErrorEvent SpecInfo Success " +
      "Timeout UnexpectedStatus Unsuccessful Unwrapped ValidationIssue Validator Validators components create{N}Client " +
      "create{N}Core create{N}Server createClient createServerCore notModelled operationIds operations paths routes send spec toNodeListener unwrap " +
      "Paginated PageItem paginate formBody headerParams jsonBody Multipart multipartBody rawBody queryList queryDeep"
    )
      .replaceAll("{N}", name)
      .split(" "),
  );
}

/** What fake.ts and webhooks.ts declare besides GENERATED_NAMES's; `{N}` is the API's name. */
const MODULE_NAMES = "createFake{N} Fake{N} Fake{N}Options FakeCustomer FakeSeed FakeState FakeSubscription {N}WebhookEvents {N}WebhookEventType {N}WebhookEvent";

/**
 * The names an API name gives to the generated modules' own declarations that another
 * declaration has already, whatever the name (`Fetch` → `FetchServer`, the server's
 * `FetchServer`; `Seed` → `FakeSeed`).
 */
export function apiNameClashes(name: string): string[] {
  const marker = "\u0000";
  const all = [...GENERATED_NAMES(marker), ...MODULE_NAMES.split(" ")];
  const fixed = new Set(all.filter((each) => !each.includes(marker) && !each.includes("{N}")));
  const named = all.filter((each) => each.includes(marker) || each.includes("{N}")).map((each) => each.replaceAll(marker, name).replaceAll("{N}", name));
  return [...new Set(named.filter((each) => fixed.has(each)))].sort();
}

/** The client's call options and client options: no parameter or credential may take their field. */
const CALL_FIELDS = new Set(["client", "signal"]);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const OPTION_FIELDS = new Set(["server", "baseUrl", "fetch", "timeoutMs", "retry", "userAgent", "hooks", "validateResponses", "validateRequests"]);

/** Everything client.ts and server.ts declare for one operation, by its function name. */
export function operationDeclarations(functionName: string): string[] {
  const type = upperFirst(functionName);
  return [functionName, `${functionName}Operation`, ...["Params", "Input", "Result", "HandlerParams", "Outcome", "Handler"].map((suffix) => type + suffix)];
}

/**
 * The function an operation becomes: its id camelCased in ASCII letters and digits (accents
 * dropped, `kündigen` → `kundigen`; any other character separates words), `_` before it
 * when it would start with a digit (`1x` → `_1x`), and `_` after it while it or a name
 * derived from it is a reserved word or a name the modules use already (`class` →
 * `class_`, `send` → `send_`). Empty when the id has no letter or digit to keep. ASCII,
 * because TypeScript and JavaScript engines know different versions of Unicode's letters.
 */
export function operationFunctionName(options: { operationId: string; apiName: string; taken?: ReadonlySet<string> }): string {
  const { operationId } = options;
  // `taken`: GENERATED_NAMES(apiName), made once by a caller naming many operations.
  const taken = options.taken ?? GENERATED_NAMES(options.apiName);
  const folded = operationId.normalize("NFKD").replace(/\p{M}/gu, "");
  let name = camelCase(folded.replace(/[^A-Za-z0-9]+/g, "_"));
  if (name === "") return name;
  if (!/^[\p{ID_Start}$_]/u.test(name)) name = `_${name}`;
  while (RESERVED_WORDS.has(name) || operationDeclarations(name).some((declared) => taken.has(declared))) name += "_";
  return name;
}

/**
 * The API's name from the spec's title, as an identifier: ASCII letters and digits of each
 * word, each word capitalised, a trailing "API" word dropped ("Polar API" → `Polar`,
 * "Swagger Petstore - OpenAPI 3.0" → `SwaggerPetstoreOpenAPI30`); `Api` when nothing is left.
 */
export function apiNameFromTitle(title: string): string {
  const words = title.normalize("NFKD").replace(/\p{M}/gu, "").split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length > 1 && /^api$/i.test(words.at(-1)!)) words.pop();
  let name = words.map(upperFirst).join("");
  if (!/^[A-Za-z]/.test(name)) name = `Api${name}`;
  // A title is no choice of the user's: a name that would clash gets "Api" instead of an error.
  while (apiNameClashes(name).length > 0) name += "Api";
  return name;
}

export function checkNames(input: { model: Model; document: OpenApiDocument }): Problem[] {
  const { model, document } = input;
  const named = model.operations.filter((operation) => isDeclarableIdentifier(operation.functionName));
  return [...operationNames(model), ...treeNames(named), ...parameterNames({ model, document }), ...credentialNames(model), ...schemaNames(model), ...apiNameProblems(model)];
}

/** A name from the config or `--name` (one from the title never clashes: see apiNameFromTitle). */
function apiNameProblems(model: Model): Problem[] {
  const clashes = apiNameClashes(model.name);
  if (clashes.length === 0) return [];
  const message = `the API name "${model.name}" would declare ${clashes.join(", ")}, which the generated modules declare already; choose another ("name" in the config, or --name)`;
  return [problem({ code: "api-name-clash", message, path: "" })];
}

/** A `$ref` to a schema named "" (`#/components/schemas/`) reads as one to every schema at once (openapi-typescript). */
function schemaNames(model: Model): Problem[] {
  if (!model.schemas.some((schema) => schema.name === "")) return [];
  const path = toPointer(["components", "schemas", ""]);
  return [problem({ code: "schema-name-empty", message: "a schema is named with the empty string; give it a name", path })];
}

function operationPointer(operation: OperationModel): string {
  return toPointer(["paths", operation.path, operation.method, "operationId"]);
}

function operationNames(model: Model): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, OperationModel>();
  for (const operation of model.operations) {
    const path = operationPointer(operation);
    if (!isDeclarableIdentifier(operation.functionName)) {
      const message = `operationId ${stringLiteral(operation.id)} gives no function name: it needs a letter or digit to start one`;
      problems.push(problem({ code: "operation-id-unusable", message, path }));
      continue;
    }
    for (const name of operationDeclarations(operation.functionName)) {
      const other = owners.get(name);
      if (other && other !== operation) {
        const message = `operationIds ${stringLiteral(other.id)} and ${stringLiteral(operation.id)} would both declare ${name}; rename one`;
        problems.push(problem({ code: "operation-name-clash", message, path }));
        break;
      }
      owners.set(name, operation);
    }
  }
  return problems;
}

/** The client groups methods as the ids say (`customers.delete`): a method and a group, or two methods, cannot share a place. */
function treeNames(operations: OperationModel[]): Problem[] {
  const problems: Problem[] = [];
  const leaves = new Map<string, OperationModel>();
  const branches = new Map<string, OperationModel>();
  for (const operation of operations) {
    const key = (names: string[]) => names.join("\0");
    const path = operationPointer(operation);
    const place = `client.${operation.group.join(".")}`;
    if (operation.group[0] === "options") {
      problems.push(problem({ code: "operation-name-clash", message: `operationId ${stringLiteral(operation.id)} would be ${place}, where the client keeps its options`, path }));
      continue;
    }
    const prefixes = operation.group.slice(0, -1).map((_, index) => key(operation.group.slice(0, index + 1)));
    const clash = leaves.get(key(operation.group)) ?? branches.get(key(operation.group)) ?? prefixes.map((prefix) => leaves.get(prefix)).find(Boolean);
    if (clash) {
      problems.push(problem({ code: "operation-name-clash", message: `operationIds ${stringLiteral(clash.id)} and ${stringLiteral(operation.id)} would share ${place}; rename one`, path }));
      continue;
    }
    leaves.set(key(operation.group), operation);
    for (const prefix of prefixes) branches.set(prefix, operation);
  }
  return problems;
}

/** A call's input holds its parameters, the call options and the credentials, each under one field. */
function parameterNames(input: { model: Model; document: OpenApiDocument }): Problem[] {
  const { model, document } = input;
  const credentialOf = new Map(model.securitySchemes.map((scheme) => [scheme.name, scheme.credential]));
  const problems: Problem[] = [];
  for (const operation of model.operations) {
    const taken = new Map<string, string>([...CALL_FIELDS].map((field) => [field, `the call option "${field}"`]));
    if (operation.requestBody) taken.set("body", "the request body");
    for (const { scheme } of operation.security.flatMap((alternative) => alternative.schemes)) {
      const credential = credentialOf.get(scheme);
      if (credential !== undefined) taken.set(credential, `the credential of security scheme ${stringLiteral(scheme)}`);
    }
    for (const parameter of [...operation.pathParams, ...operation.query, ...operation.headers]) {
      const holder = taken.get(parameter.codeName);
      if (LONE_SURROGATE.test(parameter.name)) {
        const message = `${stringLiteral(operation.id)}: parameter ${stringLiteral(parameter.name)} holds half of a UTF-16 surrogate pair, which no URL can carry`;
        problems.push(problem({ code: "parameter-name-unusable", message, path: parameterPointer({ document, operation, parameter }) }));
      } else if (holder) {
        const message = `${stringLiteral(operation.id)}: parameter ${stringLiteral(parameter.name)} would be the field "${parameter.codeName}" of a call's input, which holds ${holder}`;
        problems.push(problem({ code: "parameter-name-clash", message, path: parameterPointer({ document, operation, parameter }) }));
      }
      taken.set(parameter.codeName, `parameter ${stringLiteral(parameter.name)}`);
    }
  }
  return problems;
}

/** Where a parameter is declared: the operation's list, else the path's, else the operation. */
function parameterPointer(input: { document: OpenApiDocument; operation: OperationModel; parameter: ParameterModel }): string {
  const { operation, parameter } = input;
  const item = input.document.paths?.[operation.path];
  for (const at of [[operation.method, "parameters"], ["parameters"]]) {
    const owner = at.length === 2 ? item?.[operation.method] : item;
    const list = isObject(owner) ? owner.parameters : undefined;
    const index = Array.isArray(list) ? list.findIndex((entry) => isObject(entry) && entry.name === parameter.name && entry.in === parameter.in) : -1;
    if (index >= 0) return toPointer(["paths", operation.path, ...at, index, "name"]);
  }
  return toPointer(["paths", operation.path, operation.method]);
}

/** Each security scheme's credential is one client option: not one the client has already, nor another scheme's. */
function credentialNames(model: Model): Problem[] {
  const used = new Set(model.operations.flatMap((operation) => operation.security.flatMap((alternative) => alternative.schemes.map((each) => each.scheme))));
  const problems: Problem[] = [];
  const owners = new Map<string, SecuritySchemeModel>();
  for (const scheme of model.securitySchemes.filter((each) => used.has(each.name))) {
    const path = toPointer(["components", "securitySchemes", scheme.name]);
    const sharing = owners.get(scheme.credential);
    if (OPTION_FIELDS.has(scheme.credential) || CALL_FIELDS.has(scheme.credential)) {
      const message = `security scheme ${stringLiteral(scheme.name)} would be the client option "${scheme.credential}", which the client has already`;
      problems.push(problem({ code: "security-scheme-name-clash", message, path }));
    } else if (sharing !== undefined && !(sharing.bearer && scheme.bearer)) {
      // Bearer schemes may share one (`oidc`, `pat`, `oat` all travel as `accessToken`): a token is a token.
      const message = `security schemes ${stringLiteral(sharing.name)} and ${stringLiteral(scheme.name)} would both be the client option "${scheme.credential}"; rename one`;
      problems.push(problem({ code: "security-scheme-name-clash", message, path }));
    }
    owners.set(scheme.credential, scheme);
  }
  return problems;
}
