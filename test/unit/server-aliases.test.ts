// server.ts's per-operation type aliases, printed in the statement-lines layout: after
// layoutStatements they must be prettier's bytes, and those it breaks itself send prettier nothing.
import { describe, expect, it, vi } from "vitest";
import { handlerAlias, outcomeAlias, typeMember } from "../../generator/emit/server/aliases.js";
import { formatText } from "../../generator/format/format.js";
import { layoutStatements } from "../../generator/format/statement-layout.js";

const prettier = (text: string) => formatText({ text, path: "server.ts" });
const op = (id: string) => `operations[${JSON.stringify(id)}]`;
const content = (id: string, status: number) => `${op(id)}["responses"][${status}]["content"]["application/json"]`;
const variant = (id: string, status: number) => [`status: ${status}`, `body: ${content(id, status)}`, "headers?: OutcomeHeaders"];
const empty = ["status: 204", "body?: undefined", "headers?: OutcomeHeaders"];
const longId = "customer_portal:subscriptions:cancel";

const statements: Record<string, string> = {
  "a short union": outcomeAlias({ name: "AOutcome", variants: [empty, ["status: 404", "body: X", "headers?: OutcomeHeaders"]] }),
  "one long outcome": outcomeAlias({ name: "AOutcome", variants: [variant(longId, 200)] }),
  "a long union": outcomeAlias({ name: "AOutcome", variants: [empty, variant(longId, 200), variant("a", 404)] }),
  "no outcome": outcomeAlias({ name: "AOutcome", variants: [] }),
  "a short handler": handlerAlias({ name: "AHandler", contextArguments: ["AParams", "undefined"], outcome: "AOutcome" }),
  "a handler broken before its parameter": handlerAlias({ name: "CustomersDeleteHandler", contextArguments: ["CustomersDeleteHandlerParams", 'ServerCredential<"oat" | "oidc" | "pat">'], outcome: "CustomersDeleteOutcome" }),
  "a handler broken in its type arguments": handlerAlias({
    name: "CheckoutsClientConfirmHandler",
    contextArguments: ["CheckoutsClientConfirmHandlerParams", 'ServerCredential<"oidc" | "pat">', `NonNullable<${op("checkouts:client_confirm")}["requestBody"]>["content"]["application/json"]`],
    outcome: "CheckoutsClientConfirmOutcome",
  }),
  "parameters broken in their type arguments": `export type P = {\n${[
    typeMember({ member: `organizationId?: NonNullable<${op("benefit-grants:list")}["parameters"]["query"]>["organization_id"];`, depth: 1 }),
    typeMember({ member: `page: Exclude<NonNullable<${op("benefit-grants:list")}["parameters"]["query"]>["page"], undefined>;`, depth: 1 }),
    typeMember({ member: `id: ${op("a")}["parameters"]["path"]["id"];`, depth: 1 }),
  ].join("\n")}\n};`,
};

describe("server.ts type aliases", () => {
  it.each(Object.entries(statements))("%s: prettier's bytes, prettier not called", async (_name, statement) => {
    const format = vi.fn(prettier);
    const text = `${statement}\n`;
    expect(await layoutStatements({ text, format })).toBe(await prettier(text));
    expect(format).not.toHaveBeenCalled();
  });

  it("leaves a line with a quote prettier may swap on one line, for prettier", async () => {
    const statement = handlerAlias({ name: "AHandler", contextArguments: ["AParams", `ServerCredential<"it's_${"x".repeat(80)}">`], outcome: "AOutcome" });
    expect(statement.split("\n")).toHaveLength(1);
    const text = `${statement}\n`;
    expect(await layoutStatements({ text, format: prettier })).toBe(await prettier(text));
  });
});
