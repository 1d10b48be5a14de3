/**
 * Path helpers that skip work for the common case: `cleanPath` returns an already clean path as it is (and one
 * whose only flaw is a trailing slash without it), and `isUnder` / `topLevel` compare in place. Each is checked
 * against the straightforward implementation on every short path over a small alphabet (so every combination of
 * `/`, `.` and names is seen).
 */
import { describe, expect, it } from 'vitest';
import { cleanPath } from '../../server/src/analysis/dockerignore';
import { isUnder, joinPath, pathsOverlap, topLevel } from '../../server/src/analysis/paths';

/** Go's `path.Clean`, component by component: the reference. */
function referenceClean(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** Every string of length 0..max over `alphabet`. */
function allStrings(alphabet: string[], max: number): string[] {
  let level = [''];
  const out = [''];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    out.push(...level);
  }
  return out;
}

const SHORT = allStrings(['/', '.', 'a', 'b'], 7);

describe('cleanPath', () => {
  it('agrees with the component-by-component clean on every short path', () => {
    const wrong = SHORT.filter((p) => cleanPath(p) !== referenceClean(p));
    expect(wrong).toEqual([]);
  });

  it('returns clean paths as they are and cleans the rest', () => {
    expect(cleanPath('/opt/app/bin')).toBe('/opt/app/bin');
    expect(cleanPath('/')).toBe('/');
    expect(cleanPath('/app/')).toBe('/app');
    expect(cleanPath('/app//x/./y/../z')).toBe('/app/x/z');
    expect(cleanPath('../a/...')).toBe('../a/...');
    expect(cleanPath('a/..')).toBe('.');
  });
});

describe('joinPath', () => {
  it('resolves against the root without a double slash and cleans the result', () => {
    expect(joinPath('/', 'app')).toBe('/app');
    expect(joinPath('/', '../app/')).toBe('/app');
    expect(joinPath('/opt/app', 'bin/')).toBe('/opt/app/bin');
    expect(joinPath('/opt/app', '/usr/./bin')).toBe('/usr/bin');
    expect(joinPath('/opt/app', '.')).toBe('/opt/app');
    for (const rel of SHORT.filter((p) => p.length <= 5)) {
      expect(joinPath('/', rel)).toBe(referenceClean(rel.startsWith('/') ? rel : `//${rel}`));
      expect(joinPath('/a', rel)).toBe(referenceClean(rel.startsWith('/') ? rel : `/a/${rel}`));
    }
  });
});

describe('isUnder and topLevel', () => {
  const clean = [...new Set(SHORT.filter((p) => p.startsWith('/')).map(referenceClean))];

  it('isUnder: the path is the directory or inside it', () => {
    for (const path of clean) {
      for (const dir of clean) {
        const want = dir === '/' ? path.startsWith('/') : path === dir || path.startsWith(dir + '/');
        if (isUnder(path, dir) !== want) expect(`${path} under ${dir}: ${!want}`).toBe(`${path} under ${dir}: ${want}`);
      }
    }
    expect(isUnder('/app', '/app')).toBe(true);
    expect(isUnder('/app/x', '/app')).toBe(true);
    expect(isUnder('/apps', '/app')).toBe(false);
    expect(isUnder('/ap', '/app')).toBe(false);
    expect(pathsOverlap('/app', '/app/dist')).toBe(true);
  });

  it('topLevel: the first component', () => {
    for (const path of SHORT) expect(topLevel(path)).toBe(path.split('/')[1] ?? '');
    expect(topLevel('/usr/src/app')).toBe('usr');
    expect(topLevel('/')).toBe('');
  });
});
