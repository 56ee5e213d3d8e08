// The programmatic API: `import { generate, check } from "polar-codegen"`.

export { generate, type GenerateResult } from "./generate.js";
export { check, type CheckResult, type FileDrift } from "./check.js";
export { buildOutput, type BuildResult } from "./pipeline.js";
export type { CodegenOptions } from "./config.js";
export { ProblemError, formatProblem, type Problem, type SourcePosition } from "./problems.js";
export type * from "./model/types.js";
export { fingerprintOperations } from "./emit/contract/fingerprint.js";
