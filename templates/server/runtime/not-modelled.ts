// A handler with no answer to give (the fake, for an operation it cannot model) throws
// `notModelled(operationId)`: the runtime answers it 501, naming the operation, and does
// not report it as a failure. fake-runtime/examples.ts marks its errors with the same key.

const NOT_MODELLED = /* @__PURE__ */ Symbol.for("polar-codegen.server.not-modelled");

/** The error a handler throws to answer 501: this operation is not modelled. */
export function notModelled(operationId: string): Error {
  const error = new Error(`${operationId} is not modelled`);
  Object.defineProperty(error, NOT_MODELLED, { value: true });
  return error;
}

export function isNotModelled(error: unknown): boolean {
  return typeof error === "object" && error !== null && Object.hasOwn(error, NOT_MODELLED);
}
