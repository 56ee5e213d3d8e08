export const HELP = `polar-codegen: generate a typed client, server stubs, a fake and contract tests
from the Polar OpenAPI spec (by default for customers:delete, customers:delete_external
and customer_portal:subscriptions:cancel), or from any OpenAPI 3.0 or 3.1 spec, for the
operations you select.

Usage:
  polar-codegen [options]            generate into the output folder
  polar-codegen --check [options]    compare the output folder with the spec; write nothing
  polar-codegen --watch [options]    regenerate whenever the spec, a file it $refs or the config changes
  polar-codegen inspect [options]    print the intermediate model as JSON
  polar-codegen diff OLD NEW         the changes to the selected operations between two specs,
                                     each marked breaking or not; --fail-on breaking|any exits 1
  polar-codegen serve [--port N] [--seed FILE] [--webhook-url URL] [--webhook-secret SECRET]
                                     run the fake Polar on 127.0.0.1 (serve --help for more)
  polar-codegen scaffold-handlers FILE
                                     write a typed handler skeleton to FILE, importing from the
                                     output folder; never overwrites (exit 2 if FILE exists)
  polar-codegen test [--base-url URL] [--fixtures FILE] [--allow-destructive]
                                     run the generated contract suite (vitest) against the fake,
                                     or a live server; tokens from POLAR_CONTRACT_* variables

Options:
  --spec FILE|URL         the OpenAPI spec (YAML or JSON); default: the embedded Polar spec
  --out DIR               output folder; default: generated/polar
  --operations IDS        comma-separated selectors: operationIds, tag:NAME (every operation
                          tagged NAME), or '*' (every operation; quote it in a shell);
                          default: the three Polar operations
  --name NAME             the API's name in generated code: --name Petstore gives
                          createPetstoreClient, createPetstoreServer, createFakePetstore;
                          default: from the spec's title ("Polar API" gives Polar)
  --config FILE           config file; default: ./polar-codegen.config.json when present
  --target NAMES          comma-separated targets of a config with "targets"; default: all
  --allow-remote-refs     allow $ref to http(s) URLs, and redirects to other origins
  --import-extension ts|js
                          the extension of imports between generated files; default: js
                          (ts: runnable by Node 24's type stripping, Deno and Bun without a build)
  --check                 exit 0 when in sync, 1 (with a diff) when out of date
  -w, --watch             keep running; regenerate on every change (Ctrl-C stops)
  --force                 regenerate even when the build stamp says nothing changed
  --format text|json      output of --check and diff
  -q, --quiet             print nothing on success
  -h, --help              this help
  -v, --version           the generator's version

Exit codes: 0 success or in sync, 1 out of date (--check), 2 bad input or error.
`;

export const TEST_HELP = `polar-codegen test: run the generated contract suite (<out>/contract, with vitest).

Usage:
  polar-codegen test [--spec FILE] [--out DIR] [--config FILE] [--base-url URL]
                     [--fixtures FILE] [--allow-destructive]

Generates for the spec first (nothing is written when the output is current), so the
suite always matches the spec it is run for. Without --base-url it runs against the
generated fake, in process.

Options:
  --base-url URL          a live server instead of the fake; needs its credentials in
                          POLAR_CONTRACT_ACCESS_TOKEN and, for the customer portal,
                          POLAR_CONTRACT_CUSTOMER_SESSION (never on the command line)
  --fixtures FILE         records that exist on that server (the fake's seed format)
  --allow-destructive     run the cases that change data for real: every non-GET
                          operation's checks, and Polar's deletes and cancels (which
                          need --fixtures)
  --spec, --out, --config, --operations, --target   as for generating

Exit codes: 0 the suite passed, 1 it failed, 2 bad input or error.
`;

export const DIFF_HELP = `polar-codegen diff: the changes to the selected operations between two specs.

Usage:
  polar-codegen diff OLD NEW [--operations IDS] [--config FILE] [--target NAME]
                     [--format text|json] [--fail-on breaking|any] [--allow-remote-refs]

--operations takes operationIds, tag:NAME and '*' as when generating; a tag or '*'
covers the operations of both specs, so one added or removed under it is reported.
Each change is marked breaking or not for a client. --format json prints one JSON
report on stdout (or, on bad input, {"problems": [...]}). --fail-on breaking exits 1
when a change breaks clients; --fail-on any, on any change.
`;

export const INSPECT_HELP = `polar-codegen inspect: print the intermediate model (IR) as JSON.

Usage:
  polar-codegen inspect [--spec FILE] [--operations IDS] [--name NAME] [--config FILE] [--target NAME]

The model's "name" is the API name generated code is built on, and "polar" says
whether Polar-only behaviour (the Polar-Version header) applies.
`;

export const SCAFFOLD_HELP = `polar-codegen scaffold-handlers: write a typed handler skeleton.

Usage:
  polar-codegen scaffold-handlers FILE [--spec FILE] [--out DIR] [--config FILE]

FILE imports the generated server from the output folder. An existing FILE is never
overwritten (exit 2), and FILE may not be inside the output folder.
`;
