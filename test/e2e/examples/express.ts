import express from "express";
import { createPolarServer, toNodeListener, type PolarServerOptions } from "../../../generated/polar/index.js";

export function createApp(options: PolarServerOptions) {
  const polar = toNodeListener(createPolarServer(options));
  const app = express();
  app.get("/health", (_request, response) => {
    response.send("ok");
  });
  // Polar's paths at the root, after your own routes: anything else gets Polar's 404.
  app.use(polar);
  return app;
}

export function createAppUnderPrefix(options: PolarServerOptions) {
  const app = express();
  // Or under a prefix: Express strips it, so /polar/v1/customers/... reaches /v1/customers/...
  app.use("/polar", toNodeListener(createPolarServer(options)));
  return app;
}
