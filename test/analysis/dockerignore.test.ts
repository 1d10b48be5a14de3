import { describe, expect, it } from 'vitest';
import { cleanPath, contextPath, parseDockerignore } from '../../server/src/analysis/dockerignore';

function excluded(ignore: string, paths: readonly string[]): Record<string, boolean> {
  const m = parseDockerignore(ignore);
  return Object.fromEntries(paths.map((p) => [p, m.excludes(p)]));
}

describe('cleanPath (Go path.Clean)', () => {
  it.each([
    ['', '.'],
    ['.', '.'],
    ['./', '.'],
    ['a/', 'a'],
    ['./a/b/', 'a/b'],
    ['a//b', 'a/b'],
    ['a/./b', 'a/b'],
    ['a/../b', 'b'],
    ['../a', '../a'],
    ['/../a', '/a'],
    ['/', '/'],
    ['//a//', '/a'],
  ])('%j → %j', (input, output) => expect(cleanPath(input)).toBe(output));
});

describe('contextPath', () => {
  it.each([
    ['.', '.'],
    ['./', '.'],
    ['/', '.'],
    ['/app/x', 'app/x'],
    ['./src/', 'src'],
    ['src/../lib', 'lib'],
  ])('%j → %j', (input, output) => expect(contextPath(input)).toBe(output));
});

describe('parseDockerignore: Docker documentation examples', () => {
  it('*/temp* matches one level below the root only', () => {
    expect(excluded('*/temp*\n', ['somedir/temporary.txt', 'somedir/temp', 'somedir/temp/x', 'temp.txt', 'a/b/temp'])).toEqual({
      'somedir/temporary.txt': true,
      'somedir/temp': true,
      'somedir/temp/x': true,
      'temp.txt': false,
      'a/b/temp': false,
    });
  });
  it('*/*/temp* matches two levels below the root', () => {
    expect(excluded('*/*/temp*', ['somedir/subdir/temporary.txt', 'somedir/temp'])).toEqual({
      'somedir/subdir/temporary.txt': true,
      'somedir/temp': false,
    });
  });
  it('temp? matches one character', () => {
    expect(excluded('temp?', ['tempa', 'tempb', 'temp', 'tempab'])).toEqual({ tempa: true, tempb: true, temp: false, tempab: false });
  });
  it('**/*.go matches at any depth, the root included', () => {
    expect(excluded('**/*.go', ['main.go', 'a/b/c.go', 'a/b/c.got'])).toEqual({ 'main.go': true, 'a/b/c.go': true, 'a/b/c.got': false });
  });
  it('exceptions: the last matching line wins (README-secret.md stays excluded)', () => {
    const ignore = '*.md\n!README*.md\nREADME-secret.md\n';
    expect(excluded(ignore, ['README.md', 'README-secret.md', 'CHANGES.md', 'src/x.md'])).toEqual({
      'README.md': false,
      'README-secret.md': true,
      'CHANGES.md': true,
      'src/x.md': false,
    });
  });
  it('exceptions: a later exception re-includes every README', () => {
    const ignore = '*.md\nREADME-secret.md\n!README*.md\n';
    expect(excluded(ignore, ['README.md', 'README-secret.md', 'CHANGES.md'])).toEqual({
      'README.md': false,
      'README-secret.md': false,
      'CHANGES.md': true,
    });
  });
});

describe('parseDockerignore: path normalisation', () => {
  it('a leading / and ./ are dropped, a trailing / means nothing special', () => {
    for (const p of ['/node_modules', './node_modules', 'node_modules/', '/node_modules/']) {
      expect(parseDockerignore(p).excludes('node_modules'), p).toBe(true);
    }
    // A trailing slash does not restrict the pattern to directories: a file of that name is excluded too.
    expect(parseDockerignore('build/').excludes('build')).toBe(true);
  });
  it('a pattern excludes everything below a matching directory', () => {
    expect(excluded('node_modules\na/b\n', ['node_modules/x/y.js', 'a/b/c', 'a/bc', 'a'])).toEqual({
      'node_modules/x/y.js': true,
      'a/b/c': true,
      'a/bc': false,
      a: false,
    });
  });
  it('patterns are anchored at the context root (unlike .gitignore)', () => {
    expect(excluded('node_modules', ['web/node_modules/x'])).toEqual({ 'web/node_modules/x': false });
    expect(excluded('**/node_modules', ['web/node_modules/x', 'node_modules'])).toEqual({ 'web/node_modules/x': true, node_modules: true });
  });
  it('a trailing ** matches below the prefix but not the directory itself', () => {
    expect(excluded('foo/**', ['foo/x', 'foo/x/y', 'foo', 'foobar'])).toEqual({ 'foo/x': true, 'foo/x/y': true, foo: false, foobar: false });
  });
  it('a lone ** or * at the root excludes everything', () => {
    expect(excluded('**', ['a', 'a/b'])).toEqual({ a: true, 'a/b': true });
    expect(excluded('*', ['a', 'a/b'])).toEqual({ a: true, 'a/b': true });
  });
  it('character classes and escapes follow filepath.Match', () => {
    expect(excluded('[a-c].txt\n\\*.log\n', ['a.txt', 'd.txt', '*.log', 'x.log'])).toEqual({
      'a.txt': true,
      'd.txt': false,
      '*.log': true,
      'x.log': false,
    });
    expect(excluded('file[^0-9]', ['filex', 'file1'])).toEqual({ filex: true, file1: false });
  });
  it('regexp characters are literal', () => {
    expect(excluded('a.b\n(x)+\n', ['a.b', 'axb', '(x)+', 'xx'])).toEqual({ 'a.b': true, axb: false, '(x)+': true, xx: false });
  });
  it('comments, blank lines, surrounding blanks, CRLF and a BOM are handled', () => {
    const m = parseDockerignore('\uFEFF# comment\r\n\r\n   .git   \r\n!  keep\r\n');
    expect(m.patterns.map((p) => [p.pattern, p.exclusion, p.line])).toEqual([
      ['.git', false, 2],
      ['keep', true, 3],
    ]);
    expect(m.excludes('.git/HEAD')).toBe(true);
  });
  it('a # after the start of a line is part of the pattern', () => {
    expect(parseDockerignore('a#b').excludes('a#b')).toBe(true);
  });
});

describe('parseDockerignore: validity and exceptions', () => {
  it('a lone ! or an unclosed [ makes the file invalid (the builder rejects it)', () => {
    expect(parseDockerignore('!\n').valid).toBe(false);
    expect(parseDockerignore('a[b\n').valid).toBe(false);
    expect(parseDockerignore('a\\').valid).toBe(false);
    expect(parseDockerignore('a\n!b\n').valid).toBe(true);
  });
  it('reports which pattern excluded a path', () => {
    const m = parseDockerignore('*.md\n!README.md\ndocs\n');
    expect(m.excludedBy('CHANGES.md')?.line).toBe(0);
    expect(m.excludedBy('docs/a.md')?.line).toBe(2);
    expect(m.excludedBy('README.md')).toBeUndefined();
    expect(m.hasExclusions).toBe(true);
  });
  it('mayReinclude: exceptions that touch the path, a parent or something below it', () => {
    const m = parseDockerignore('*\n!src\n!docs/keep.md\n');
    expect(m.mayReinclude('.')).toBe(true);
    expect(m.mayReinclude('src/main.go')).toBe(true);
    expect(m.mayReinclude('docs')).toBe(true);
    expect(m.mayReinclude('tests')).toBe(false);
    expect(parseDockerignore('docs\n!other/x\n').mayReinclude('docs')).toBe(false);
    expect(parseDockerignore('docs\n!**/keep\n').mayReinclude('docs')).toBe(true);
    expect(parseDockerignore('docs\n!d*/keep\n').mayReinclude('docs')).toBe(true);
    // An exception before the line that finally excludes the path cannot bring it back.
    expect(parseDockerignore('a\n!a/keep\na\n').mayReinclude('a')).toBe(false);
    expect(parseDockerignore('*.md\n!README*.md\nREADME-secret.md\n').mayReinclude('README-secret.md')).toBe(false);
  });
});
