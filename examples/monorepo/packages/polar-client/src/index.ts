// The package's public face: the generated client (src/polar/, written by the build step)
// plus whatever the team adds around it.
export * from "./polar/index.js";

/** The operations this package was generated for, for logs and health checks. */
export { operationIds as polarOperations } from "./polar/index.js";
