/**
 * The small glob dialect of `ignorePatterns` (.gitignore-like, as in ESLint):
 *   `*` any characters but `/`, `?` one such character, `[abc]` a class, `**` any number of folders;
 *   a pattern without a `/` (other than a trailing one) matches at any depth (`Dockerfile.dev`, `*.bak`);
 *   a pattern with a `/` is relative to the config file's folder (`vendor/**`, `/docker/old`);
 *   a trailing `/` matches folders only; a pattern matching a folder also matches everything inside it;
 *   a leading `!` re-includes what an earlier pattern excluded (the last matching pattern wins).
 * Paths are relative, `/`-separated. Written here rather than pulled in as a dependency: it is 60 lines.
 */

interface CompiledPattern {
  readonly negated: boolean;
  readonly directoryOnly: boolean;
  readonly regex: RegExp;
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` = zero or more folders; a final `**` = anything below.
          if (i + 2 < glob.length) {
            re += '(?:[^/]+/)*';
            i += 2;
          } else {
            re += '.*';
            i += 1;
          }
          continue;
        }
        i++;
        re += '[^/]*';
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      re += escapeRegExp(glob[++i]!);
    } else re += escapeRegExp(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function compilePatterns(patterns: readonly string[]): CompiledPattern[] {
  const compiled: CompiledPattern[] = [];
  for (const raw of patterns) {
    let p = raw.trim();
    if (!p || p.startsWith('#')) continue;
    const negated = p.startsWith('!');
    if (negated) p = p.slice(1);
    const directoryOnly = p.endsWith('/');
    p = p.replace(/\/+$/, '').replace(/^\.\//, '');
    if (!p) continue;
    const anchored = p.includes('/');
    p = p.replace(/^\//, '');
    compiled.push({ negated, directoryOnly, regex: globToRegExp(anchored ? p : `**/${p}`) });
  }
  return compiled;
}

/**
 * Whether `relativePath` (a file, or a folder when `isDirectory`) is ignored. Folders on the way count: with
 * `vendor` ignored, `vendor/x/Dockerfile` is ignored too.
 */
export function isIgnored(relativePath: string, patterns: readonly CompiledPattern[], isDirectory = false): boolean {
  if (patterns.length === 0) return false;
  const parts = relativePath.split('/').filter((s) => s && s !== '.');
  let ignored = false;
  for (const p of patterns) {
    for (let n = 1; n <= parts.length; n++) {
      const isDir = n < parts.length || isDirectory;
      if (p.directoryOnly && !isDir) continue;
      if (p.regex.test(parts.slice(0, n).join('/'))) {
        ignored = !p.negated;
        break;
      }
    }
  }
  return ignored;
}
