// Types of the credentials a generated client takes (test/fixtures/specs/client-auth.openapi.yaml):
// an API key is a string or a function returning one, HTTP basic is `{ username, password }`,
// and a call must carry one the operation accepts unless the client's options surely do.
// A usage file next to the generated folder, compiled under every strict flag: each
// `@ts-expect-error` must meet an error (TS2578 otherwise).

import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generateClient } from "../fixtures/client/generate.js";
import { diagnosticsOf, STRICTEST } from "../helpers/strict-compile.js";
import { tempFolders } from "../helpers/temp-folders.js";

const USAGE = `
import { createAuthClient, type AuthCredentials, type BasicCredential } from "./client.js";

export async function usage(): Promise<void> {
  const keyed = createAuthClient({ headerKey: "k", queryKey: async () => "q", basic: { username: "u", password: "p" } });
  await keyed.header.get({});
  await keyed.query.get({ page: 1 });
  await keyed.basic.create({ body: { name: "n" } });
  // The call's own credential, of the operation's kind.
  await keyed.basic.create({ body: { name: "n" }, basic: async () => ({ username: "u", password: "p" }) });
  // @ts-expect-error: basic takes a user and a password, not "user:password"
  await keyed.basic.create({ body: { name: "n" }, basic: "u:p" });
  // @ts-expect-error: an API key is a string
  createAuthClient({ headerKey: { username: "u", password: "p" } });
  // @ts-expect-error: this operation takes no basic credential
  await keyed.header.get({ basic: { username: "u", password: "p" } });

  const bare = createAuthClient({});
  await bare.cookie.get({ cookieKey: "c" });
  // @ts-expect-error: the client has no cookie key, so the call must carry one
  await bare.cookie.get({});
  await bare.either.get({ token: "t" });
  await bare.either.get({ headerKey: "k" });
  // @ts-expect-error: an API key or a token is needed
  await bare.either.get({});
  await bare.open.get({});

  const credentials: AuthCredentials = { basic: { username: "u", password: "p" } };
  const basic: BasicCredential = () => ({ username: "u", password: "p" });
  void credentials;
  void basic;
}
`;

const folders = tempFolders("polar-client-auth-types-");

describe("client credential types", () => {
  it("types each credential by its scheme, under every strict flag, and refuses the rest", async () => {
    const dir = await folders.folderWith({ "package.json": JSON.stringify({ type: "module" }), "usage.ts": USAGE });
    await generateClient({ spec: "test/fixtures/specs/client-auth.openapi.yaml", dir, operations: ["*"] });
    const options = { ...STRICTEST, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.asynciterable.d.ts"] };
    expect(diagnosticsOf({ root: dir, options })).toStrictEqual([]);
  });
});
