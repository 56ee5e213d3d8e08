// One request, in the order Polar's FastAPI server takes it: route (404/405), a body
// where none is taken (400), credentials (401/403), the body read (413, 415), parameters
// and body checked together (422), then the handler, whose outcome is sent only if the
// spec documents it. Any failure past routing is a generic 500 that the developer hears
// about through `onError`; a handler that throws `notModelled(id)` answers 501.
//
// Each step returns a value, or a promise only when a hook or handler returned one:
// a synchronous handler is answered without a single microtask hop, which is most of
// what separates this runtime from a bare node:http handler under load.

import { authorize, refusalReply, type Authorization } from "./auth.js";
import { loadChecks, type Checks } from "./checks.js";
import { Context } from "./context.js";
import { isNotModelled } from "./not-modelled.js";
import { readRequestBody } from "./body.js";
import { serveFetch } from "./fetch.js";
import { decodeParameters, type Decoded } from "./params.js";
import { createResponder, type Respond } from "./outcome.js";
import { plainReplies } from "./plain-replies.js";
import { json, replies as polarReplies, type Replies } from "./respond.js";
import { createRouter } from "./router.js";
import type {
  AnyHandler,
  FetchServer,
  RouteInfo,
  ServerCredential,
  ServerCoreOptions,
  ServerErrorEvent,
  WireRequest,
  WireResponse,
} from "./types.js";

/** Where `toNodeListener` finds the handler that skips building Web `Request`/`Response` objects. */
export const WIRE_HANDLER = /* @__PURE__ */ Symbol.for("polar-codegen.server.wire-handler");

export type WireHandler = (wire: WireRequest) => WireResponse | Promise<WireResponse>;

/** The largest request body read by default: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

export function createServerCore(
  options: ServerCoreOptions,
): FetchServer & { [WIRE_HANDLER]: WireHandler } {
  for (const route of options.routes) {
    if (typeof options.handlers[route.handler] !== "function")
      throw new TypeError(`server: no handler "${route.handler}" for ${route.id}`);
  }
  const handle = createWireHandler(options);
  return {
    fetch: (request: Request) => serveFetch({ handle, request }),
    [WIRE_HANDLER]: handle,
  };
}

interface Shared {
  options: ServerCoreOptions;
  checks: Checks;
  report: (event: ServerErrorEvent) => void;
  respond: Respond;
  replies: Replies;
}

interface RouteCall extends Shared {
  wire: WireRequest;
  route: RouteInfo;
  path: Record<string, string>;
  query: string;
}

function createWireHandler(options: ServerCoreOptions): WireHandler {
  const route = createRouter(options.routes);
  const report = options.onError ?? logError;
  const checks: Checks = {};
  const safeReport = (event: ServerErrorEvent) => safely(() => report(event));
  const replies = options.errorStyle === "plain" ? plainReplies : polarReplies;
  const respond = createResponder({
    validators: () => checks.responses,
    report: safeReport,
    internal: replies.internal,
  });
  const shared: Shared = { options, checks, report: safeReport, respond, replies };
  const failed = (error: unknown) => {
    shared.report({ kind: "handler-threw", operationId: "(runtime)", error });
    return replies.internal();
  };
  let ready = loadChecks({ options, checks: shared.checks });
  if (ready)
    void ready.then(
      () => (ready = undefined),
      () => {},
    );
  const handle: WireHandler = (wire) => {
    try {
      const { target } = wire;
      const mark = target.indexOf("?");
      const match = route(wire.method, pathOf(mark < 0 ? target : target.slice(0, mark)));
      if (match.kind === "not-found") return replies.notFound();
      if (match.kind === "bad-path") return replies.badPath();
      if (match.kind === "method-not-allowed") return replies.methodNotAllowed(match.allow);
      const call: RouteCall = {
        options,
        checks: shared.checks,
        report: shared.report,
        respond,
        replies,
        wire,
        route: match.route,
        path: match.values,
        query: mark < 0 ? "" : target.slice(mark + 1),
      };
      const reply = checkBody(call);
      return reply instanceof Promise ? reply.catch(failed) : reply;
    } catch (error) {
      return failed(error);
    }
  };
  // Requests that arrive while the validators load wait for them; none is checked without.
  return (wire) => (ready ? ready.then(() => handle(wire), failed) : handle(wire));
}

function checkBody(call: RouteCall): WireResponse | Promise<WireResponse> {
  if (call.route.body) return checkCredentials(call);
  const { hasBody } = call.wire;
  if (typeof hasBody === "function")
    return hasBody().then((has) => (has ? call.replies.bodyNotAllowed() : checkCredentials(call)));
  return hasBody ? call.replies.bodyNotAllowed() : checkCredentials(call);
}

function checkCredentials(call: RouteCall): WireResponse | Promise<WireResponse> {
  const auth = authorize({
    route: call.route,
    wire: call.wire,
    query: call.query,
    authenticate: call.options.authenticate,
  });
  return auth instanceof Promise
    ? auth.then((verdict) => runHandler({ call, auth: verdict }))
    : runHandler({ call, auth });
}

function runHandler(options: {
  call: RouteCall;
  auth: Authorization;
}): WireResponse | Promise<WireResponse> {
  const { call, auth } = options;
  const { route, wire } = call;
  if (auth.kind === "refused")
    return styled({
      call,
      response: refusalReply({ refusal: auth.refusal, route, replies: call.replies }),
    });
  if (auth.kind === "failed") {
    call.report({ kind: "authenticate-threw", operationId: route.id, error: auth.error });
    return call.replies.internal();
  }
  const decoded = decodeParameters({
    route,
    path: call.path,
    query: call.query,
    wire,
    checks: call.checks.parameters?.get(route),
  });
  if (!route.body)
    return callHandler({ call, decoded, credential: auth.credential, body: undefined });
  const info = route.body;
  return readRequestBody({
    info,
    wire,
    limit: call.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    check: (media) => {
      const own = call.checks.bodies?.[route.id];
      return own && Object.hasOwn(own, media) ? own[media] : undefined;
    },
  }).then((read) => {
    if ("refused" in read)
      return styled({
        call,
        response:
          read.refused === "too-large"
            ? call.replies.tooLarge()
            : call.replies.unsupportedMediaType(),
      });
    // Parameters and body fail together, as FastAPI reports them.
    if ("errors" in read) {
      const errors = "errors" in decoded ? [...decoded.errors, ...read.errors] : read.errors;
      return styled({ call, response: call.replies.invalid(errors) });
    }
    return callHandler({ call, decoded, credential: auth.credential, body: read.body });
  });
}

function callHandler(options: {
  call: RouteCall;
  decoded: Decoded;
  credential: ServerCredential | undefined;
  body: unknown;
}): WireResponse | Promise<WireResponse> {
  const { call, decoded } = options;
  const { route, wire } = call;
  if ("errors" in decoded) return styled({ call, response: call.replies.invalid(decoded.errors) });
  const handler = call.options.handlers[route.handler] as AnyHandler;
  let outcome: unknown;
  try {
    outcome = handler(
      new Context({
        params: decoded.params,
        credential: options.credential,
        body: options.body,
        wire,
      }),
    );
  } catch (error) {
    return handlerThrew({ call, error });
  }
  if (outcome instanceof Promise)
    return outcome.then(
      (settled) => call.respond(route, settled),
      (error: unknown) => handlerThrew({ call, error }),
    );
  return call.respond(route, outcome);
}

/**
 * The plain style's reply, with the body the spec documents for its status when the route
 * names one. A route that documents 400 for a bad request and no 422 refuses one with 400.
 */
function styled(options: { call: RouteCall; response: WireResponse }): WireResponse {
  const { call } = options;
  if (call.options.errorStyle !== "plain") return options.response;
  const { responses } = call.route;
  const response =
    options.response.status === 422 &&
    !Object.hasOwn(responses, 422) &&
    Object.hasOwn(responses, 400)
      ? { ...options.response, status: 400 }
      : options.response;
  const bodies = call.route.errorBodies;
  if (!bodies || !Object.hasOwn(bodies, response.status)) return response;
  const body = bodies[response.status];
  const headers = { ...response.headers };
  if (body === null) {
    delete headers["content-type"];
    return { status: response.status, headers };
  }
  return json({ status: response.status, body, headers });
}

function handlerThrew(options: { call: RouteCall; error: unknown }): WireResponse {
  if (isNotModelled(options.error)) return options.call.replies.notModelled(options.call.route.id);
  options.call.report({
    kind: "handler-threw",
    operationId: options.call.route.id,
    error: options.error,
  });
  return options.call.replies.internal();
}

/** The path of a request target; an absolute-form target (`http://host/path`) loses its origin. */
function pathOf(target: string): string {
  if (target[0] === "/") return target;
  const scheme = target.indexOf("://");
  const start = scheme < 0 ? -1 : target.indexOf("/", scheme + 3);
  return start < 0 ? "" : target.slice(start);
}

function logError(event: ServerErrorEvent): void {
  const where = `polar-codegen server: ${event.operationId}:`;
  if (event.kind === "undeclared-outcome")
    console.error(`${where} undeclared outcome answered 500: ${event.message}`);
  else if (event.kind === "invalid-response")
    console.error(
      `${where} ${event.status} body does not match the spec, answered 500:`,
      event.issues,
    );
  else
    console.error(
      `${where} ${event.kind === "handler-threw" ? "the handler" : "authenticate"} threw, answered 500:`,
      event.error,
    );
}

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // A failing error hook must not turn a 500 into a crash.
  }
}
