/**
 * Linting that gives way: a full lint of a large Dockerfile takes tens of milliseconds, during which the server
 * could neither read the next keystroke nor answer a completion. Run through `lintSteps`, the rules pause every
 * `sliceMs` for the messages that arrived meanwhile, and the lint stops when its result is no longer wanted
 * (a newer change made its version stale).
 */
import type { DockerfileModel } from '../analysis/model';
import { lintSteps, type LintOptions } from '../engine/lint';
import type { Problem } from '../engine/problem';

export interface LintPacing {
  /** Longest stretch of rules, in milliseconds, before other messages get a turn (0: after every rule). */
  readonly sliceMs: number;
  /** Asked at every pause; true stops the lint. */
  readonly cancelled: () => boolean;
}

/** The problems `lintModel` finds, or undefined when `cancelled` stopped the lint. */
export async function lintPaced(model: DockerfileModel, options: LintOptions, pacing: LintPacing): Promise<Problem[] | undefined> {
  const steps = lintSteps(model, options);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < pacing.sliceMs) continue;
    // An immediate queued now runs after the messages already received (the connection handles each on one).
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (pacing.cancelled()) return undefined;
    sliceStart = performance.now();
  }
}
