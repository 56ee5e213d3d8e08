// The targets a generating command works on: every target of the config, or those
// picked with --target. Reports name the target only when the config has several.

import { relative } from "node:path";
import type { ResolvedTarget, ResolveOptions } from "../config.js";
import { ProblemError } from "../problems.js";
import { cliIo } from "../io.js";

export interface TargetSelection {
  targets: ResolvedTarget[];
  /** The config uses the `targets` form. */
  multi: boolean;
}

export async function selectTargets(options: ResolveOptions): Promise<TargetSelection> {
  const { resolveTargets } = await import("../config.js");
  const resolved = await resolveTargets(options);
  if (!resolved.targets) throw new ProblemError(resolved.problems);
  return { targets: resolved.targets, multi: resolved.multi };
}

/** `generated/polar`, or `[production] generated/polar` in a multi-target config. */
export function targetLabel(input: { target: ResolvedTarget; multi: boolean }): string {
  const out = relative(cliIo().cwd, input.target.out) || ".";
  return input.multi ? `[${input.target.name}] ${out}` : out;
}

/** Run `work` on each target in turn; a failing target is reported and the others still run. */
export async function eachTarget(input: {
  selection: TargetSelection;
  work: (target: ResolvedTarget) => Promise<number>;
  report: (error: unknown) => number;
}): Promise<number> {
  let worst = 0;
  for (const target of input.selection.targets) {
    let code: number;
    try {
      code = await input.work(target);
    } catch (error) {
      if (!input.selection.multi) throw error;
      cliIo().stderr.write(`polar-codegen: target ${target.name} failed:\n`);
      code = input.report(error);
    }
    worst = Math.max(worst, code);
  }
  return worst;
}
