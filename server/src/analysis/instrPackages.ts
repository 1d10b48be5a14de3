/**
 * Package-manager activity of one instruction, from the model: the RUN's shell scripts, with `$VAR` operands
 * that the script does not set resolved through the instruction's ARG/ENV scope (`ENV PHPIZE_DEPS="autoconf
 * g++ make"` … `apk add $PHPIZE_DEPS`). Cached per instruction, like `runScriptsOf`.
 */
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr } from './model';
import { parsePackageOps, type PackageOps, type PackageOptions } from './packages';
import { shellScriptsOf } from './runScript';

const cache = new ObjectMemo<Instr, PackageOps>();
/** The answer for instructions that run no shell script (COPY, ENV, …): most of a file, asked by every package rule. */
const NO_OPS: PackageOps = Object.freeze({ installs: Object.freeze([]), removals: Object.freeze([]), cleanups: Object.freeze([]), updates: Object.freeze([]) });

export function packageOpsOf(model: DockerfileModel, instr: Instr): PackageOps {
  const hit = cache.get(instr);
  if (hit) return hit;
  const scripts = shellScriptsOf(model, instr);
  if (scripts.length === 0) return NO_OPS;
  // Nearly every RUN has one script: no list of one.
  const ops = parsePackageOps(scripts.length === 1 ? scripts[0]!.script : scripts.map((s) => s.script), new ScopeValues(model, instr));
  cache.set(instr, ops);
  return ops;
}

/**
 * `$VAR` operands the script does not set, read in the instruction's ARG/ENV scope: the options of every RUN's
 * package ops, one object with a method (an options object and a closure over the model and instruction were two
 * objects and a context); `parsePackageOps` calls `resolve` on its options.
 */
class ScopeValues implements PackageOptions {
  constructor(
    private readonly model: DockerfileModel,
    private readonly instr: Instr,
  ) {}

  resolve(name: string): string | undefined {
    // A declared ARG without a value expands to itself: unknown, like an undeclared name.
    const query = '${' + name + '}';
    const r = this.model.expand(query, this.instr);
    return r.unresolved.length === 0 && r.value !== query ? r.value : undefined;
  }
}
