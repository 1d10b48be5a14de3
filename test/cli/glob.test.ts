import { describe, expect, it } from 'vitest';
import { compilePatterns, globToRegExp, isIgnored } from '../../server/src/engine/glob';

describe('globToRegExp', () => {
  it.each([
    ['*.Dockerfile', 'app.Dockerfile', true],
    ['*.Dockerfile', 'a/app.Dockerfile', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**', 'a/x/y', true],
    ['**/x', 'x', true],
    ['**/x', 'p/q/x', true],
    ['Dockerfile.?', 'Dockerfile.a', true],
    ['Dockerfile.?', 'Dockerfile.ab', false],
    ['[ab].txt', 'b.txt', true],
    ['[!ab].txt', 'b.txt', false],
    ['a.b', 'axb', false],
    ['a**b', 'axyb', true],
  ])('%s ~ %s = %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });
});

describe('isIgnored', () => {
  const ignored = (patterns: string[], path: string, isDir = false) => isIgnored(path, compilePatterns(patterns), isDir);

  it('matches a slash-less pattern at any depth, and everything inside a matched folder', () => {
    expect(ignored(['vendor'], 'vendor/x/Dockerfile')).toBe(true);
    expect(ignored(['vendor'], 'a/vendor/Dockerfile')).toBe(true);
    expect(ignored(['Dockerfile.old'], 'a/b/Dockerfile.old')).toBe(true);
    expect(ignored(['Dockerfile.old'], 'a/b/Dockerfile')).toBe(false);
  });

  it('anchors patterns containing a slash to the config folder', () => {
    expect(ignored(['/vendor'], 'a/vendor/Dockerfile')).toBe(false);
    expect(ignored(['/vendor'], 'vendor/Dockerfile')).toBe(true);
    expect(ignored(['docker/old/**'], 'docker/old/x/Dockerfile')).toBe(true);
    expect(ignored(['./docker/old'], 'docker/old/Dockerfile')).toBe(true);
    expect(ignored(['docker/old'], 'x/docker/old/Dockerfile')).toBe(false);
  });

  it('treats a trailing slash as folders only', () => {
    expect(ignored(['build/'], 'build')).toBe(false);
    expect(ignored(['build/'], 'build', true)).toBe(true);
    expect(ignored(['build/'], 'build/Dockerfile')).toBe(true);
  });

  it('lets the last matching pattern win, so ! re-includes', () => {
    expect(ignored(['examples/**', '!examples/keep/**'], 'examples/keep/Dockerfile')).toBe(false);
    expect(ignored(['examples/**', '!examples/keep/**'], 'examples/drop/Dockerfile')).toBe(true);
  });

  it('ignores nothing without patterns and skips blanks and comments', () => {
    expect(ignored([], 'Dockerfile')).toBe(false);
    expect(ignored(['', '# Dockerfile'], 'Dockerfile')).toBe(false);
  });
});
