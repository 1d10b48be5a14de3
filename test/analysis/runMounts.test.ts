import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { mountFlags, mountOption, mountTarget, mountType } from '../../server/src/analysis/runMounts';

describe('RUN --mount options', () => {
  const m = buildModel('FROM alpine\nRUN --mount=type=cache,dst=/root/.cache --mount=source=x,destination=/src --mount=type=secret,id=npm --network=none echo\n');
  const flags = mountFlags(m.instructions[1]!);

  it('lists the --mount flags only', () => {
    expect(flags).toHaveLength(3);
  });

  it('reads target under its aliases and defaults the type to bind', () => {
    expect(flags.map(mountTarget)).toEqual(['/root/.cache', '/src', undefined]);
    expect(flags.map(mountType)).toEqual(['cache', 'bind', 'secret']);
    expect(mountOption(flags[2]!, 'id')).toBe('npm');
  });
});
