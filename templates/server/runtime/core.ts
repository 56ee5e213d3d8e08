// One request, in the order Polar's FastAPI server takes it: route (404/405), body
// (400), credentials (401/403), parameters (422), then the handler, whose outcome is
// sent only if the spec documents it. Any failure past routing is a generic 500 that
// the developer hears about through `onError`.

import { authorize } from "./auth.js";
import { decodeParameters } from "./params.js";
import { checkOutcome, replies } from "./respond.js";
import { createRouter } from "./router.js";
import type { AnyHandler, FetchServer, RouteInfo, ServerCoreOptions, ServerErrorEvent, Validator, WireRequest, WireResponse } from "./types.js";

/** Where `toNodeListener` finds the handler that skips building Web `Request`/`Response` objects. */
export const WIRE_HANDLER = Symbol.for("polar-codegen.server.wire-handler");

export type WireHandler = (wire: WireRequest) => Promise<WireResponse>;

export function createServerCore(options: ServerCoreOptions): FetchServer & { [WIRE_HANDLER]: WireHandler } {
  for (const route of options.routes) {
    if (typeof options.handlers[route.handler] !== "function") throw new TypeError(`createPolarServer: no handler "${route.handler}" for ${route.id}`);
  }
  const handle = createWireHandler(options);
  return {
    fetch: (request: Request) => serveFetch({ handle, request }),
    [WIRE_HANDLER]: handle,
  };
}

function createWireHandler(options: ServerCoreOptions): WireHandler {
  const route = createRouter(options.routes);
  const wanted = options.validateResponses;
  const validators = wanted ? ("validators" in wanted && typeof wanted.validators === "object" ? wanted.validators : wanted) as Record<string, Validator> : undefined;
  const report = options.onError ?? logError;
  const context = { options, validators, report: (event: ServerErrorEvent) => safely(() => report(event)) };
  return async (wire) => {
    try {
      const { path, query } = splitTarget(wire.target);
      const match = route(wire.method, path);
      if (match.kind === "not-found") return replies.notFound();
      if (match.kind === "bad-path") return replies.badPath();
      if (match.kind === "method-not-allowed") return replies.methodNotAllowed(match.allow);
      return await serveRoute({ ...context, wire, route: match.route, path: match.values, query });
    } catch (error) {
      context.report({ kind: "handler-threw", operationId: "(runtime)", error });
      return replies.internal();
    }
  };
}

interface RouteCall {
  options: ServerCoreOptions;
  validators: Record<string, Validator> | undefined;
  report: (event: ServerErrorEvent) => void;
  wire: WireRequest;
  route: RouteInfo;
  path: Record<string, string>;
  query: string;
}

async function serveRoute(call: RouteCall): Promise<WireResponse> {
  const { wire, route, options } = call;
  if (typeof wire.hasBody === "function" ? await wire.hasBody() : wire.hasBody) return replies.bodyNotAllowed();
  const auth = await authorize({ route, wire, authenticate: options.authenticate });
  if (auth.kind === "missing") return replies.unauthorized();
  if (auth.kind === "refused") return replies.forbidden();
  if (auth.kind === "failed") {
    call.report({ kind: "authenticate-threw", operationId: route.id, error: auth.error });
    return replies.internal();
  }
  const decoded = decodeParameters({ route, path: call.path, query: call.query, header: wire.header, checks: options.parameterChecks?.[route.id] });
  if ("errors" in decoded) return replies.invalid(decoded.errors);
  const handler = options.handlers[route.handler] as AnyHandler;
  let outcome: unknown;
  try {
    outcome = await handler({ params: decoded.params, credential: auth.credential, get request() { return wire.request(); } });
  } catch (error) {
    call.report({ kind: "handler-threw", operationId: route.id, error });
    return replies.internal();
  }
  const checked = checkOutcome({ route, outcome, validators: call.validators });
  if (checked.kind === "ok") return checked.response;
  if (checked.kind === "undeclared") call.report({ kind: "undeclared-outcome", operationId: route.id, status: checked.status, message: checked.message });
  else call.report({ kind: "invalid-response", operationId: route.id, status: checked.status, issues: checked.issues });
  return replies.internal();
}

/** Path and query of a request target; an absolute-form target (`http://host/path`) loses its origin. */
function splitTarget(target: string): { path: string; query: string } {
  let start = 0;
  if (target[0] !== "/") {
    const scheme = target.indexOf("://");
    start = scheme < 0 ? target.length : target.indexOf("/", scheme + 3);
    if (start < 0) start = target.length;
  }
  const mark = target.indexOf("?", start);
  return mark < 0 ? { path: target.slice(start), query: "" } : { path: target.slice(start, mark), query: target.slice(mark + 1) };
}

async function serveFetch(options: { handle: WireHandler; request: Request }): Promise<Response> {
  const { request } = options;
  const wire: WireRequest = {
    method: request.method,
    target: request.url,
    header: (name) => request.headers.get(name) ?? undefined,
    hasBody: () => hasBody(request),
    request: () => request,
  };
  const reply = await options.handle(wire);
  return new Response(reply.body ?? null, { status: reply.status, headers: reply.headers });
}

/** Reads at most until the first byte: a DELETE's body is refused, not consumed. */
async function hasBody(request: Request): Promise<boolean> {
  if (request.body === null || request.headers.get("content-length") === "0") return false;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

function logError(event: ServerErrorEvent): void {
  const where = `polar-codegen server: ${event.operationId}:`;
  if (event.kind === "undeclared-outcome") console.error(`${where} undeclared outcome answered 500: ${event.message}`);
  else if (event.kind === "invalid-response") console.error(`${where} ${event.status} body does not match the spec, answered 500:`, event.issues);
  else console.error(`${where} ${event.kind === "handler-threw" ? "the handler" : "authenticate"} threw, answered 500:`, event.error);
}

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // A failing error hook must not turn a 500 into a crash.
  }
}
