/**
 * `RUN --mount=…` options read one way for every query (cache directories, paths a RUN leaves out of its
 * layer, a `cd` into a mounted directory): BuildKit accepts `dst` and `destination` for `target`, and a mount
 * without `type` is a bind mount.
 */
import type { FlagInfo, Instr } from './model';

/** The `--mount` flags of `instr`. */
export function mountFlags(instr: Instr): FlagInfo[] {
  return instr.flags.filter((f) => f.name === 'mount');
}

/** The value of option `name` of a `--mount` flag; undefined when absent or written without a value. */
export function mountOption(flag: FlagInfo, name: string): string | undefined {
  return flag.options.find((o) => o.name === name)?.value ?? undefined;
}

export function mountType(flag: FlagInfo): string {
  return mountOption(flag, 'type') ?? 'bind';
}

/** Where the mount appears in the RUN's file system, as written. */
export function mountTarget(flag: FlagInfo): string | undefined {
  return mountOption(flag, 'target') ?? mountOption(flag, 'dst') ?? mountOption(flag, 'destination');
}
