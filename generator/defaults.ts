// The operations polar-codegen generates for unless told otherwise. A module of its own
// so that reading the config (which every command does, `serve`'s warm start included)
// does not load the selection stage.

export const DEFAULT_OPERATIONS = [
  "customer_portal:subscriptions:cancel",
  "customers:delete",
  "customers:delete_external",
] as const;
