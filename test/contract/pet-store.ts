// A hand-written server for test/fixtures/contract/petstore.openapi.yaml that keeps to it
// (422 in Polar's shape for what a schema refuses, 401 without a token only where the
// operation has security), and named defects of it: what the generated contract suite of
// a spec that is not Polar's must pass, and must catch.

export const PET_TOKEN = "pet-store-contract-token";
const UUID4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/i;
const SPECIES = ["cat", "dog"];
const PET = { id: "6f9d1b2c-8a4e-4c3b-9f1a-2b3c4d5e6f70", name: "Tom", species: "cat", age: 3 };

type Handler = (request: Request) => Promise<Response>;
export type Mutation = (options: { request: Request; forward: Handler }) => Promise<Response>;

export const json = (status: number, body: unknown, type = "application/json"): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
const refused = (loc: string[], msg: string) => json(422, { error: "RequestValidationError", detail: [{ loc, msg, type: "value_error" }] });

/** The pet store as its spec says; `deleted` records the ids it deleted. */
export function petStore(deleted: string[] = []): Handler {
  return async (request) => {
    const url = new URL(request.url);
    const method = request.method;
    if (url.pathname === "/pets" && method === "GET") {
      const species = url.searchParams.get("species");
      if (species === null) return refused(["query", "species"], "Field required");
      if (!SPECIES.includes(species)) return refused(["query", "species"], "Input should be 'cat' or 'dog'");
      const limit = url.searchParams.get("limit");
      if (limit !== null && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 100)) return refused(["query", "limit"], "Input should be a valid integer");
      return json(200, { items: [PET] });
    }
    if (url.pathname === "/pets" && method === "POST") {
      if (request.headers.get("authorization") !== `Bearer ${PET_TOKEN}`) return json(401, { error: "Unauthorized" });
      let body: unknown;
      try {
        body = JSON.parse(await request.text());
      } catch {
        return refused(["body"], "Field required");
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) return refused(["body"], "Input should be an object");
      const pet = body as Record<string, unknown>;
      if (typeof pet.name !== "string" || pet.name === "") return refused(["body", "name"], "Field required");
      if (typeof pet.species !== "string" || !SPECIES.includes(pet.species)) return refused(["body", "species"], "Input should be 'cat' or 'dog'");
      if (pet.age !== undefined && !Number.isInteger(pet.age)) return refused(["body", "age"], "Input should be a valid integer");
      return json(201, { id: PET.id, name: pet.name, species: pet.species, age: pet.age ?? null });
    }
    const id = /^\/pets\/([^/]+)$/.exec(url.pathname)?.[1];
    if (id !== undefined && (method === "GET" || method === "DELETE")) {
      if (!UUID4.test(decodeURIComponent(id))) return refused(["path", "petId"], "Input should be a valid UUID");
      const shelter = request.headers.get("x-shelter-id");
      if (method === "GET" && !(shelter !== null && /^\d+$/.test(shelter) && Number(shelter) >= 1)) return refused(["header", "X-Shelter-Id"], "Input should be a valid integer");
      if (id !== PET.id) return json(404, { error: "ResourceNotFound", detail: "Not found" });
      if (method === "GET") return json(200, PET);
      deleted.push(id);
      return new Response(null, { status: 204 });
    }
    return json(404, { error: "NotFound" });
  };
}

const isList = (request: Request) => request.method === "GET" && new URL(request.url).pathname === "/pets";

/** Each defect, and the test of the suite that must fail on it. */
export const PET_MUTANTS: Record<string, { mutate: Mutation; caughtBy: RegExp }> = {
  "a documented 404 answered 200 with no body": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return request.method === "DELETE" && response.status === 404 ? new Response(null, { status: 200 }) : response;
    },
    caughtBy: /deletePet: a valid request/,
  },
  "the list sent as text/plain": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      return isList(request) && response.status === 200 ? json(200, await response.json(), "text/plain") : response;
    },
    caughtBy: /listPets: a valid request/,
  },
  "a pet in the list without its required name": {
    mutate: async ({ request, forward }) => {
      const response = await forward(request);
      if (!isList(request) || response.status !== 200) return response;
      const body = (await response.json()) as { items: Array<Record<string, unknown>> };
      return json(200, { items: body.items.map(({ name: _, ...rest }) => rest) });
    },
    caughtBy: /listPets: a valid request/,
  },
  "a create served without credentials": {
    mutate: async ({ request, forward }) => {
      if (request.method !== "POST" || request.headers.has("authorization")) return forward(request);
      const headers = new Headers(request.headers);
      headers.set("authorization", `Bearer ${PET_TOKEN}`);
      return forward(new Request(request.url, { method: "POST", headers, body: await request.text() }));
    },
    caughtBy: /createPet: without credentials answers 401/,
  },
  "a 200 with a pet where the create needs credentials": {
    mutate: async ({ request, forward }) =>
      request.method === "POST" && !request.headers.has("authorization") ? json(200, PET) : forward(request),
    caughtBy: /createPet: without credentials answers 401/,
  },
  "a required header ignored": {
    mutate: async ({ request, forward }) => {
      const headers = new Headers(request.headers);
      if (request.method === "GET" && !/^\d+$/.test(headers.get("x-shelter-id") ?? "")) headers.set("x-shelter-id", "1");
      return forward(new Request(request.url, { method: request.method, headers }));
    },
    caughtBy: /showPet: without the required header parameter X-Shelter-Id answers 422/,
  },
  "an open read asking for credentials": {
    mutate: async ({ request, forward }) =>
      request.method === "GET" && !request.headers.has("authorization") ? json(401, { error: "Unauthorized" }) : forward(request),
    caughtBy: /showPet: a valid request without credentials/,
  },
  "a species outside the enum listed": {
    mutate: async ({ request, forward }) => {
      const url = new URL(request.url);
      if (!isList(request) || SPECIES.includes(url.searchParams.get("species") ?? "cat")) return forward(request);
      url.searchParams.set("species", "cat");
      return forward(new Request(url, { method: "GET", headers: request.headers }));
    },
    caughtBy: /listPets: query parameter species a value not in the enum/,
  },
  "a body of the wrong type accepted": {
    mutate: async ({ request, forward }) => {
      if (request.method !== "POST") return forward(request);
      const text = await request.text();
      const body = (text ? JSON.parse(text) : undefined) as unknown;
      const fixed = Array.isArray(body) ? { name: "Tom", species: "cat" } : body;
      return forward(new Request(request.url, { method: "POST", headers: request.headers, body: fixed === undefined ? null : JSON.stringify(fixed) }));
    },
    caughtBy: /createPet: a body that is an array, not an object answers 422/,
  },
};
