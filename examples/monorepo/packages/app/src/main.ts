// An app that uses the workspace's generated Polar client: it erases a user's customer
// record by the app's own user id (GDPR), then deletes another customer by Polar id.
// To run offline it talks to a tiny stand-in for Polar on 127.0.0.1; point `baseUrl`
// at https://sandbox-api.polar.sh with a real token to talk to Polar itself.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createPolarClient, polarOperations, unwrap } from "@example/polar-client";

const TOKEN = "polar_oat_example";
const customers = new Map([
  ["3f1c7c9e-8a4b-4d2e-9f61-0c5b7a2d4e11", { externalId: "user-42" }],
  ["9b0e2f4a-6c1d-4e8f-a3b5-7d9c1e2f4a6b", { externalId: "user-7" }],
]);

/** DELETE /v1/customers/{id} and /v1/customers/external/{external_id}, as Polar answers them. */
function fakePolar(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (request.headers.authorization !== `Bearer ${TOKEN}`) return void response.writeHead(401).end();
  const external = /^\/v1\/customers\/external\/([^/]+)$/.exec(url.pathname);
  const byId = /^\/v1\/customers\/([^/]+)$/.exec(url.pathname);
  const id = external
    ? [...customers].find(([, customer]) => customer.externalId === decodeURIComponent(external[1]!))?.[0]
    : byId && customers.has(byId[1]!) ? byId[1] : undefined;
  if (request.method !== "DELETE" || id === undefined) {
    response.writeHead(404, { "content-type": "application/json" });
    return void response.end(JSON.stringify({ error: "ResourceNotFound", detail: "Not found" }));
  }
  customers.delete(id);
  response.writeHead(204).end();
}

async function main(): Promise<void> {
  const server = createServer(fakePolar);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const polar = createPolarClient({ baseUrl: `http://127.0.0.1:${port}`, accessToken: TOKEN });
    console.log(`operations: ${polarOperations.join(", ")}`);

    unwrap(await polar.customers.deleteExternal({ externalId: "user-42", anonymize: true }));
    console.log("erased user-42: deleted");

    const again = await polar.customers.deleteExternal({ externalId: "user-42" });
    console.log(`erased user-42 again: ${again.kind} ${again.kind === "error" ? again.status : ""}`.trim());

    const byId = await polar.customers.delete({ id: "9b0e2f4a-6c1d-4e8f-a3b5-7d9c1e2f4a6b" });
    console.log(`deleted 9b0e2f4a-…: ${byId.kind}`);
    console.log(`customers left: ${customers.size}`);
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
