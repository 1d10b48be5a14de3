import { describe, expect, it } from 'vitest';
import { braceExpand, cleanupKinds } from '../../server/src/analysis/packageCaches';
import { parseShell } from '../../server/src/analysis/shell';

describe('brace expansion in cache cleanups', () => {
  it('expands comma lists, nested in sequence', () => {
    expect(braceExpand('/var/lib/{apt,dpkg}/')).toEqual(['/var/lib/apt/', '/var/lib/dpkg/']);
    expect(braceExpand('/a/{b,c}/{d,e}')).toEqual(['/a/b/d', '/a/b/e', '/a/c/d', '/a/c/e']);
    expect(braceExpand('/no/braces')).toEqual(['/no/braces']);
    expect(braceExpand('/one/{x}')).toEqual(['/one/{x}']);
  });
  it('rm -rf /var/lib/{apt,dpkg,cache,log}/ removes the apt lists', () => {
    const cmd = parseShell('rm -rf /var/lib/{apt,dpkg,cache,log}/').commands[0]!;
    expect(cleanupKinds(cmd).flatMap((c) => c.kinds)).toContain('apt-lists');
  });
  it('a quoted brace is literal', () => {
    const cmd = parseShell("rm -rf '/var/lib/{apt,x}'").commands[0]!;
    expect(cleanupKinds(cmd)).toEqual([]);
  });
});
