// Where the suite runs: the generated fake in process (the default), or a live server
// named by POLAR_CONTRACT_BASE_URL. These operations destroy data, so against a live
// server the destructive cases run only with POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1 and a
// POLAR_CONTRACT_FIXTURES file naming records that exist there, and never against a
// production server the spec names (by host name, however the URL spells it). A live
// server's state is read only from POLAR_CONTRACT_STATE_URL, when set.

import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ContractFixtures, CredentialKind } from "./types.js";

/**
 * Where a user sets each credential for a live server: Polar's organization token
 * (and another API's bearer token or API key), its personal access token, an OpenID
 * Connect (OAuth) access token, a customer or member session (else the fixtures' first),
 * and HTTP basic's `user:password`.
 */
export const CREDENTIAL_VARIABLES: Record<CredentialKind, string> = {
  accessToken: "POLAR_CONTRACT_ACCESS_TOKEN",
  personalAccessToken: "POLAR_CONTRACT_PERSONAL_ACCESS_TOKEN",
  oidcToken: "POLAR_CONTRACT_OIDC_TOKEN",
  customerSession: "POLAR_CONTRACT_CUSTOMER_SESSION",
  memberSession: "POLAR_CONTRACT_MEMBER_SESSION",
  basicAuth: "POLAR_CONTRACT_BASIC_AUTH",
};

/**
 * The fake's own credentials (polar-codegen seeds these tokens in the fixtures; Polar's
 * prefixes say their kind); a fake of another API takes any credential that is present.
 */
const FAKE_CREDENTIALS: Record<CredentialKind, string | undefined> = {
  accessToken: "polar_oat_contract_tests",
  personalAccessToken: "polar_pat_contract_tests",
  oidcToken: "polar_at_u_contract_tests",
  customerSession: undefined,
  memberSession: undefined,
  basicAuth: "contract-user:contract-password",
};

/** Decided when the suite is collected, before any request: which cases run, and where. */
export type TargetPlan =
  | { live: false; destructive: true }
  | {
      live: true;
      /** Origin and path only, rebuilt from the parsed URL: no user info, query or fragment. */
      baseUrl: string;
      destructive: boolean;
      /** Why the destructive cases do not run, when they do not. */
      destructiveOff?: string | undefined;
      /** Where the server's state can be read (the fake's state format), when it can. */
      stateUrl?: string | undefined;
    };

export interface Target {
  baseUrl: string;
  live: boolean;
  /** The credential of each kind the suite holds. */
  credentials: Partial<Record<CredentialKind, string>>;
  fixtures: ContractFixtures;
  /** The server's state, in the fake's state format; only where the plan can read it. */
  state(): Promise<unknown>;
  close(): Promise<void>;
}

export interface InProcessFake {
  /**
   * `(req, res)` for node:http: the generated server over the generated fake, and the
   * fake's state; the fake sends its webhooks to `webhooks`.
   */
  start(
    fixtures: ContractFixtures,
    webhooks?: { url: string; secret: string | undefined } | undefined,
  ): {
    listener: (request: IncomingMessage, response: ServerResponse) => void;
    state: () => unknown;
  };
}

type Env = Record<string, string | undefined>;

/**
 * Throws, before any test runs, on a base URL that is no http(s) URL or a destructive run
 * against production. `needsFixtures`: the destructive cases act on records the fixtures
 * name (Polar's outcome sequences); the schema-level checks need none.
 */
export function planTarget(options: {
  env: Env;
  productionUrls: string[];
  needsFixtures?: boolean | undefined;
}): TargetPlan {
  const { env } = options;
  const base = env["POLAR_CONTRACT_BASE_URL"];
  if (!base) return { live: false, destructive: true };
  const url = parseHttpUrl(base);
  if (!url)
    throw new Error(`POLAR_CONTRACT_BASE_URL ${JSON.stringify(base)} is not an http(s) URL`);
  const wanted = env["POLAR_CONTRACT_ALLOW_DESTRUCTIVE"] === "1";
  if (wanted && isProductionUrl({ url: base, productionUrls: options.productionUrls }))
    throw new Error(
      `refusing destructive contract tests against ${base}: it is the spec's production server`,
    );
  const stateUrl = env["POLAR_CONTRACT_STATE_URL"];
  if (stateUrl !== undefined && !parseHttpUrl(stateUrl))
    throw new Error(`POLAR_CONTRACT_STATE_URL ${JSON.stringify(stateUrl)} is not an http(s) URL`);
  const destructiveOff = !wanted
    ? "a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1"
    : options.needsFixtures !== false && !env["POLAR_CONTRACT_FIXTURES"]
      ? "a live server without POLAR_CONTRACT_FIXTURES naming records that exist on it"
      : undefined;
  return {
    live: true,
    baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, "")}`,
    destructive: destructiveOff === undefined,
    destructiveOff,
    ...(stateUrl ? { stateUrl } : {}),
  };
}

/**
 * True when `url` names the host of one of `productionUrls`, compared as a resolver
 * would see them: the URL parser's host (lower case, percent-decoded, IDNA-mapped, so
 * `%2e`, `。` and full-width letters are dots and letters), trailing dots stripped.
 * Scheme and port are ignored: `http://` or `:8443` reach the same machine.
 */
export function isProductionUrl(options: { url: string; productionUrls: string[] }): boolean {
  const host = hostOf(options.url);
  return host !== undefined && options.productionUrls.some((each) => hostOf(each) === host);
}

function hostOf(text: string): string | undefined {
  const url = parseHttpUrl(text);
  return url ? url.hostname.toLowerCase().replace(/\.+$/, "") : undefined;
}

function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

export async function openTarget(options: {
  plan: TargetPlan;
  fake: InProcessFake;
  defaultFixtures: ContractFixtures;
  env: Env;
  webhooks?: { url: string; secret: string | undefined } | undefined;
}): Promise<Target> {
  const { plan, env } = options;
  // A live server knows nothing of the built-in fixtures: only a fixtures file describes it.
  const fixtures = env["POLAR_CONTRACT_FIXTURES"]
    ? (JSON.parse(readFileSync(env["POLAR_CONTRACT_FIXTURES"], "utf8")) as ContractFixtures)
    : plan.live
      ? {}
      : options.defaultFixtures;
  const credentials: Partial<Record<CredentialKind, string>> = {};
  const sessions: Partial<Record<CredentialKind, string | undefined>> = {
    customerSession: fixtures.customer_sessions?.[0]?.token,
    memberSession: fixtures.member_sessions?.[0]?.token,
  };
  for (const [kind, variable] of Object.entries(CREDENTIAL_VARIABLES) as Array<
    [CredentialKind, string]
  >) {
    const value =
      env[variable] || sessions[kind] || (plan.live ? undefined : FAKE_CREDENTIALS[kind]);
    if (value) credentials[kind] = value;
  }
  if (plan.live) {
    const { stateUrl } = plan;
    return {
      baseUrl: plan.baseUrl,
      live: true,
      credentials,
      fixtures,
      state: async () => {
        if (!stateUrl)
          throw new Error("contract tests: no POLAR_CONTRACT_STATE_URL to read the state from");
        const response = await fetch(stateUrl);
        if (!response.ok) throw new Error(`POLAR_CONTRACT_STATE_URL answered ${response.status}`);
        return response.json();
      },
      close: async () => {},
    };
  }
  const fake = options.fake.start(fixtures, options.webhooks);
  const server: Server = createServer(fake.listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    live: false,
    credentials,
    fixtures,
    state: async () => fake.state(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
