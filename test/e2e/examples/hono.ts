import { Hono } from "hono";
import { createPolarServer, type PolarServerOptions } from "../../../generated/polar/index.js";

export function createApp(options: PolarServerOptions) {
  const polar = createPolarServer(options);
  const app = new Hono();
  app.get("/health", (c) => c.text("ok"));
  // Hono hands over the Web Request as is; the server answers with a Web Response.
  app.all("/v1/*", (c) => polar.fetch(c.req.raw));
  return app;
}
