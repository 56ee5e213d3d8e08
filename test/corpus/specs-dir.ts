// Where the corpus reads the real Polar specs: POLAR_SPECS_DIR, else ../shared/specs/polar
// (the folder beside the clone). `npm run test:corpus` checks it exists before vitest
// starts (require-specs.mjs, which holds the same default).
import { join } from "node:path";

export const SPECS_DIR = process.env.POLAR_SPECS_DIR || "../shared/specs/polar";

/** A real spec by file name, e.g. `polar-2026-10.openapi.yaml`. */
export function specFile(name: string): string {
  return join(SPECS_DIR, name);
}
