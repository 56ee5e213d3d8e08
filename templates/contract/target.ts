// Where the suite runs: the generated fake in process (the default), or a live server
// named by POLAR_CONTRACT_BASE_URL. These operations destroy data, so against a live
// server the destructive cases run only with POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1, and
// never against a production server the spec names.

import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ContractFixtures } from "./types.js";

export interface Target {
  baseUrl: string;
  live: boolean;
  destructive: boolean;
  /** Why destructive cases are off, when they are. */
  destructiveOff?: string | undefined;
  accessToken: string;
  customerSession: string | undefined;
  fixtures: ContractFixtures;
  close(): Promise<void>;
}

export interface InProcessFake {
  /** `(req, res)` for node:http: the generated server over the generated fake. */
  listener(
    fixtures: ContractFixtures,
  ): (request: IncomingMessage, response: ServerResponse) => void;
}

export async function openTarget(options: {
  fake: InProcessFake;
  defaultFixtures: ContractFixtures;
  productionUrls: string[];
}): Promise<Target> {
  const env = process.env;
  const fixtures = env.POLAR_CONTRACT_FIXTURES
    ? (JSON.parse(readFileSync(env.POLAR_CONTRACT_FIXTURES, "utf8")) as ContractFixtures)
    : options.defaultFixtures;
  const session = env.POLAR_CONTRACT_CUSTOMER_SESSION ?? fixtures.customer_sessions?.[0]?.token;
  const base = env.POLAR_CONTRACT_BASE_URL;
  if (base) {
    const production = options.productionUrls.some((url) => sameOrigin(url, base));
    const wanted = env.POLAR_CONTRACT_ALLOW_DESTRUCTIVE === "1";
    if (wanted && production) {
      throw new Error(
        `refusing destructive contract tests against ${base}: it is the spec's production server`,
      );
    }
    const destructiveOff = !wanted
      ? "a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1"
      : !env.POLAR_CONTRACT_FIXTURES
        ? "no POLAR_CONTRACT_FIXTURES naming records that exist on the server"
        : undefined;
    return {
      baseUrl: base.replace(/\/+$/, ""),
      live: true,
      destructive: destructiveOff === undefined,
      destructiveOff,
      accessToken: env.POLAR_CONTRACT_ACCESS_TOKEN ?? "",
      customerSession: session,
      fixtures,
      close: async () => {},
    };
  }
  const server: Server = createServer(options.fake.listener(fixtures));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    live: false,
    destructive: true,
    accessToken: env.POLAR_CONTRACT_ACCESS_TOKEN ?? "polar_oat_contract_tests",
    customerSession: session,
    fixtures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
