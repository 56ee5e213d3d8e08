// The parts of fake.ts that name the API: the factory (`createFake{N}`), its handler
// map (Polar's modelled behaviours, the spec's examples, 501s) and `fakeCoverage`,
// which says which operation answers how.

import type { Model, OperationModel } from "../../model/types.js";
import { propertyKey } from "../escape.js";
import { jsLiteralLines } from "../js-literal.js";
import { serverNames } from "../server-file.js";
import type { AnswerKind } from "./behaviour.js";

/** The fake's exported names for an API named `name` (`Polar`: `createFakePolar`, `FakePolar`...). */
export function fakeNames(name: string): { create: string; fake: string; options: string; handlers: string; server: string } {
  const server = serverNames(name);
  return { create: `createFake${name}`, fake: `Fake${name}`, options: `Fake${name}Options`, handlers: server.handlers, server: server.create };
}

export interface Answer {
  operation: OperationModel;
  kind: AnswerKind;
  code: string;
  /** `key: code,` in the statement-lines layout, where it is modelled. */
  member: string | undefined;
}

/** Which operations the fake models, which answer their spec's example, which answer 501. */
export function coverage(answers: Answer[]): string {
  const ids = (kind: AnswerKind) => answers.filter((answer) => answer.kind === kind).map((answer) => answer.operation.id);
  const value = { modelled: ids("modelled"), examples: ids("example"), notModelled: ids("not-modelled") };
  return `
/** How the fake answers each operation: Polar's semantics, the spec's example of its success, or 501 (not modelled). */
${jsLiteralLines(value, { depth: 0, prefix: "export const fakeCoverage = ", suffix: ";" })}`;
}

export function factory(options: { model: Model; names: ReturnType<typeof fakeNames>; answers: Answer[] }): string {
  const { model, names, answers } = options;
  const handlers = answers.map((answer) => answer.member ?? `${propertyKey(answer.operation.functionName)}: ${answer.code},`);
  const code = handlers.join("\n");
  // In a block, as prettier prints it: the statement-lines layout does not break an arrow's body.
  const authenticate = model.polar
    ? `({ scheme, token, scopes, operationId }) => {
      const rule = OPERATION_RULES.get(operationId);
      return verdictFor({ credential: store.credential(token), token, scheme, scopes, rule });
    }`
    : // Another API's credentials are not Polar's tokens: the server checks they are present.
      `() => true`;
  const constants = [
    // As prettier breaks them: the outer object does not fit on its line, the inner one does or not.
    ...(code.includes("notFound")
      ? [
          `const notFound = /* @__PURE__ */ Object.freeze({
status: 404,
body: /* @__PURE__ */ Object.freeze({ error: "ResourceNotFound", detail: "Not found" }),
} as const);`,
        ]
      : []),
    ...(code.includes("alreadyCanceled")
      ? [
          `const alreadyCanceled = /* @__PURE__ */ Object.freeze({
status: 403,
body: /* @__PURE__ */ Object.freeze({
error: "AlreadyCanceledSubscription",
detail: "This subscription is already canceled or will be at the end of the period.",
}),
} as const);`,
        ]
      : []),
  ];
  return `
/** A fake ${model.polar ? "Polar with Polar's documented semantics" : `${model.name}: each operation answers its documented example`}, in memory, deterministic. */
export function ${names.create}(options: ${names.options} = {}): ${names.fake} {
  const now = options.now ?? (() => DEFAULT_NOW);
  const given = options.seed ?? {};
  const seededAt = now();
  const seed = prepareSeed({
    seed: given,
    checks: seedChecks(),
    defaults: SUBSCRIPTION_DEFAULTS,
    defaultAccessToken: DEFAULT_ACCESS_TOKEN,
    now: seededAt,
  });
  const webhooks = createWebhooks({
    webhooks: options.webhooks,
    specs: webhookEvents(),
    now,
    seedingTime: seededAt,
  });
  const store = createStore({
    seed,
    now,
    onChange: (change) => webhooks.emit({ change, state: store.state() }),
  });
  const handlers: ${names.handlers} = {
    ${code}
  };
  return {
    handlers,
    authenticate: ${authenticate},
    accessToken: ${model.polar ? "given.access_tokens === undefined ? DEFAULT_ACCESS_TOKEN.token : undefined" : "undefined"},
    state: () => ({ ...store.state(), webhooks: webhooks.records() }) as FakeState,
    webhooks: { settled: webhooks.settled, close: webhooks.close },
  };
}
${constants.length ? `\n// Frozen at every level: the server checks and serialises a constant outcome once.\n${constants.join("\n")}` : ""}`;
}
