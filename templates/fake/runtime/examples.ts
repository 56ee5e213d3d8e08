// The fake's answer for an operation it does not model: the spec's example of its
// documented success, held to the generated validators once, on first use. Where there
// is none, or it fails its schema, the handler throws an error marked not modelled and the server
// answers 501 naming the operation: never a 500, never a body the spec would refuse.

/** The mark the server runtime reads on a thrown error to answer 501 (server-runtime/core.ts). */
const NOT_MODELLED = /* @__PURE__ */ Symbol.for("polar-codegen.server.not-modelled");

function notModelled(operationId: string): Error {
  const error = new Error(`${operationId} is not modelled`);
  Object.defineProperty(error, NOT_MODELLED, { value: true });
  return error;
}

export interface ExampleOutcome {
  status: number;
  body?: unknown;
}

export function exampleHandler<Outcome>(options: {
  operationId: string;
  /** Candidates in order: the spec's examples, then a sample built from the schema. */
  outcomes: ExampleOutcome[];
  /** The body's schema check, when the body is a named schema. */
  check?: (() => ((value: unknown) => unknown[]) | undefined) | undefined;
}): () => Outcome {
  let chosen: ExampleOutcome | null | undefined;
  return () => {
    if (chosen === undefined) {
      const check = options.check?.();
      chosen =
        options.outcomes.find(
          (outcome) => check === undefined || check(outcome.body).length === 0,
        ) ?? null;
    }
    if (chosen === null) throw notModelled(options.operationId);
    return chosen as Outcome;
  };
}
