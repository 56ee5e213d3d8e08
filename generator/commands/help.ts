export const HELP = `polar-codegen: generate a typed client, server stubs, a fake Polar and contract tests
from the Polar OpenAPI spec, for customers:delete, customers:delete_external and
customer_portal:subscriptions:cancel.

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
  --operations IDS        comma-separated operationIds; default: the three Polar operations
  --config FILE           config file; default: ./polar-codegen.config.json when present
  --target NAMES          comma-separated targets of a config with "targets"; default: all
  --allow-remote-refs     allow $ref to http(s) URLs
  --check                 exit 0 when in sync, 1 (with a diff) when out of date
  -w, --watch             keep running; regenerate on every change (Ctrl-C stops)
  --force                 regenerate even when the build stamp says nothing changed
  --format text|json      output of --check and diff
  -q, --quiet             print nothing on success
  -h, --help              this help
  -v, --version           the generator's version

Exit codes: 0 success or in sync, 1 out of date (--check), 2 bad input or error.
`;
