// What a handler is called with: its decoded parameters, credential and body, and the
// request, built only when read.

import type { HandlerContext, ServerCredential, WireRequest } from "./types.js";

/** A class: an object literal with a getter costs a closure and an accessor per request. */
export class Context implements HandlerContext<
  Record<string, unknown>,
  ServerCredential | undefined,
  unknown
> {
  readonly params: Record<string, unknown>;
  readonly credential: ServerCredential | undefined;
  readonly body: unknown;
  readonly #wire: WireRequest;
  constructor(options: {
    params: Record<string, unknown>;
    credential: ServerCredential | undefined;
    body: unknown;
    wire: WireRequest;
  }) {
    this.params = options.params;
    this.credential = options.credential;
    this.body = options.body;
    this.#wire = options.wire;
  }

  get request(): Request {
    return this.#wire.request();
  }
}
