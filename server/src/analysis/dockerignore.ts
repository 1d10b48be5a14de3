/**
 * `.dockerignore` matching with the semantics of the Docker CLI and BuildKit (moby/patternmatcher and
 * `ignorefile.ReadAll`), so that what we call "excluded" is exactly what the builder leaves out of the context:
 *
 * - lines are trimmed; `#` lines and blank lines are skipped; a leading `!` makes an exception (re-include);
 * - each pattern is cleaned like Go's `filepath.Clean` (`./a/` → `a`, `a//b/../c` → `a/c`), so a trailing `/`
 *   has no meaning of its own, and a leading `/` is dropped (patterns are relative to the context root);
 * - `*` and `?` never cross `/`; `**` matches any number of directories (also none); `[…]` classes and `\`
 *   escapes work as in Go's `filepath.Match`;
 * - the last matching pattern wins, and a path is also excluded when one of its parent directories is
 *   (`MatchesOrParentMatches`), which is what makes `node_modules` exclude `node_modules/a/b.js`.
 *
 * Pure: no file system access. The adapters read the file; rules get its content through `FileFacts`.
 */

export interface IgnorePattern {
  /** The cleaned pattern, without the `!`. */
  readonly pattern: string;
  /** `!pattern`: re-includes what earlier patterns excluded. */
  readonly exclusion: boolean;
  /** 0-based line in the `.dockerignore`. */
  readonly line: number;
  /** Does this pattern (on its own) match `path` exactly? `path` must be cleaned and relative. */
  matches(path: string): boolean;
}

export interface DockerignoreMatcher {
  readonly patterns: readonly IgnorePattern[];
  /** False when the builder rejects the file (a lone `!`, an unclosed `[`, a trailing `\`). */
  readonly valid: boolean;
  readonly hasExclusions: boolean;
  /** True when `path` (relative to the context root) is left out of the build context. */
  excludes(path: string): boolean;
  /** The pattern that decided that `path` is excluded (the last one that matched it or a parent). */
  excludedBy(path: string): IgnorePattern | undefined;
  /**
   * True when an `!` pattern could re-include `path` or anything below it: for an excluded path, an exception
   * after the pattern that excluded it; otherwise any exception touching the path, a parent or a descendant.
   */
  mayReinclude(path: string): boolean;
}

/**
 * A path with an empty, `.` or `..` component, or a trailing slash (`/` alone aside): what `cleanPath` changes.
 * Most paths it is given are clean already and come back as they are, without splitting and joining.
 */
const UNCLEAN = /\/\/|(?:^|\/)\.\.?(?:\/|$)|.\/$/;

/** Go's `path.Clean` for slash-separated paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  if (!UNCLEAN.test(path)) return path;
  // A directory written with its trailing slash (`/opt/app/`) is the usual unclean path: drop the slash alone.
  if (path.length > 1 && path.charCodeAt(path.length - 1) === 47) {
    const trimmed = path.slice(0, -1);
    if (!UNCLEAN.test(trimmed)) return trimmed;
  }
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

/**
 * A COPY/ADD source as the context-relative path the builder looks up: cleaned, with the leading `/` or
 * `./` removed (`/` and `.` both name the context root, returned as `.`).
 */
export function contextPath(source: string): string {
  const cleaned = cleanPath(source.replace(/\\/g, '/'));
  if (cleaned === '/') return '.';
  return cleaned.startsWith('/') ? cleaned.slice(1) : cleaned;
}

const ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

type MatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

/** Compiles one cleaned pattern the way patternmatcher's `compile` does; undefined when it is invalid. */
function compile(pattern: string): ((path: string) => boolean) | undefined {
  let re = '^';
  let kind: MatchKind = 'exact';
  const chars = [...pattern];
  for (let i = 0, n = 0; i < chars.length; i++, n++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        // `**/` is read as `**`.
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          // A trailing `**` accepts everything below the prefix, like .gitignore.
          if (kind === 'exact') kind = 'prefix';
          else {
            re += '.*';
            kind = 'regexp';
          }
        } else {
          re += '(.*/)?';
          kind = 'regexp';
        }
        if (n === 0) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
    } else if (ESCAPED.has(ch)) {
      re += '\\' + ch;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        re += '\\' + chars[++i]!;
        kind = 'regexp';
      } else {
        re += '\\\\';
      }
    } else if (ch === '[' || ch === ']') {
      re += ch;
      kind = 'regexp';
    } else {
      re += ch;
    }
  }
  switch (kind) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      // `**/foo` also matches `foo` itself.
      return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    default: {
      let regexp: RegExp;
      try {
        regexp = new RegExp(re + '$');
      } catch {
        return undefined;
      }
      return (path) => regexp.test(path);
    }
  }
}

/** The syntax errors Go's `filepath.Match` reports, which make the builder reject the whole file. */
function isBadPattern(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 >= pattern.length) return true;
      i++;
    } else if (c === '[' && !inClass) {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') return true; // empty class
    } else if (c === ']' && inClass) {
      inClass = false;
    }
  }
  return inClass;
}

/** Splits the lines of a `.dockerignore` into patterns the way `ignorefile.ReadAll` does. */
function readPatterns(content: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, line) => {
    let text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const invert = text.startsWith('!');
    if (invert) text = text.slice(1).trim();
    if (text.length > 0) {
      text = cleanPath(text);
      if (text.length > 1 && text.startsWith('/')) text = text.slice(1);
    }
    out.push({ text: (invert ? '!' : '') + text, line });
  });
  return out;
}

export function parseDockerignore(content: string): DockerignoreMatcher {
  const patterns: IgnorePattern[] = [];
  let valid = true;
  for (const { text, line } of readPatterns(content)) {
    let p = cleanPath(text);
    const exclusion = p.startsWith('!');
    if (exclusion) {
      if (p.length === 1) {
        valid = false;
        continue;
      }
      p = p.slice(1);
    }
    const test = isBadPattern(p) ? undefined : compile(p);
    if (!test) {
      valid = false;
      continue;
    }
    patterns.push({ pattern: p, exclusion, line, matches: test });
  }
  const hasExclusions = patterns.some((p) => p.exclusion);

  const decide = (path: string): IgnorePattern | undefined => {
    const file = cleanPath(path);
    const slash = file.lastIndexOf('/');
    const parents = slash < 0 ? [] : file.slice(0, slash).split('/');
    let matched = false;
    let by: IgnorePattern | undefined;
    for (const pattern of patterns) {
      // An exception only matters once something matched. (An exclusion that matches again changes nothing but
      // becomes the deciding line, which `mayReinclude` needs.)
      if (pattern.exclusion && !matched) continue;
      let hit = pattern.matches(file);
      for (let i = 0; !hit && i < parents.length; i++) hit = pattern.matches(parents.slice(0, i + 1).join('/'));
      if (hit) {
        matched = !pattern.exclusion;
        by = matched ? pattern : undefined;
      }
    }
    return by;
  };

  return {
    patterns,
    valid,
    hasExclusions,
    excludes: (path) => decide(path) !== undefined,
    excludedBy: decide,
    mayReinclude: (path) => {
      const by = decide(path);
      const after = by ? patterns.slice(patterns.indexOf(by) + 1) : patterns;
      return after.some((p) => p.exclusion && couldMatchAtOrBelow(p, cleanPath(path)));
    },
  };
}

/** Could `pattern` match `path`, one of its parents, or something below `path`? */
function couldMatchAtOrBelow(pattern: IgnorePattern, path: string): boolean {
  const segments = path === '.' ? [] : path.split('/');
  for (let i = 1; i <= segments.length; i++) if (pattern.matches(segments.slice(0, i).join('/'))) return true;
  const dirs = pattern.pattern.split('/');
  for (let i = 0; i < segments.length; i++) {
    const dir = dirs[i];
    if (dir === undefined) return false;
    if (dir.includes('**')) return true;
    const segment = compile(dir);
    if (!segment || !segment(segments[i]!)) return false;
  }
  return dirs.length > segments.length;
}
