/**
 * Splitting a package operand into name and version, per ecosystem. Each package manager writes versions its
 * own way (`curl=7.88*`, `musl>1.2`, `flask==2.0`, `@types/node@20`, `rails:7.1`, `x/tools@latest`), and rules
 * (version pinning, build-tool detection) need the bare name.
 */

export type Ecosystem = 'deb' | 'apk' | 'rpm' | 'python' | 'conda' | 'node' | 'ruby' | 'rust' | 'go' | 'php';

export interface ParsedSpec {
  /** The package name (for `kind: 'path'`/`'url'`, the operand itself). */
  readonly name: string;
  /** An exact version (`=1.2`, `==1.2`, `@1.2`, `:1.2`); undefined for ranges and unpinned names. */
  readonly version: string | undefined;
  /** Everything after the name as written: `=7.88*`, `>=2,<3`, `@^1`. Empty when unpinned. */
  readonly constraint: string;
  /** Apt architecture (`libc6:arm64`), apk repository tag (`pkg@edge`), pip extras (`pkg[dev]`), conda channel. */
  readonly qualifier: string | undefined;
  readonly kind: 'name' | 'path' | 'url';
}

function result(name: string, constraint: string, version: string | undefined, qualifier?: string): ParsedSpec {
  return { name, version: version === '' ? undefined : version, constraint, qualifier, kind: 'name' };
}

const URL_LIKE = /^([a-z][a-z0-9+.-]*:\/\/|git\+|git@|github:|gitlab:|bitbucket:|file:|npm:)/i;

const PATH_LIKE = /^(\.{1,2}(\/|$)|\/|~\/)/;

// Every regular expression of this module is a constant: a literal in a function is a new object per call, and
// every operand of every install is read here.
const DEB_FILE = /\.deb$/;
const DEB_SPEC = /^([^=:/]+)(?::([^=/]+))?(?:\/([^=]+))?(=.*)?$/;
const APK_FILE = /\.apk$/;
const APK_SPEC = /^([^=<>~@]+)(?:@([^=<>~]+))?((?:[<>]?=|[<>~])(.*))?$/;
const RPM_FILE = /\.rpm$/;
const RPM_SPEC = /^([^<>=\s]+)\s*((?:[<>]?=|[<>])\s*(.*))?$/;
const PYTHON_FILE = /\.(whl|tar\.gz|zip|tgz)$/;
const PYTHON_SPEC = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?$/;
const PYTHON_EXACT = /^===?\s*([^,\s]+)$/;
const CONDA_SPEC = /^(?:([^:]+)::)?([^=<>!~\s]+)\s*(.*)$/;
const CONDA_EXACT = /^==?([^,|*\s]+)$/;
const NODE_FILE = /\.(tgz|tar\.gz)$/;
const PLAIN_VERSION = /^[0-9][0-9A-Za-z.+-]*$/;
const GEM_FILE = /\.gem$/;
const PHP_FILE = /\.(zip|phar)$/;
const NO_FILE = /^$/;

function pathOrUrl(spec: string, pathExt: RegExp): ParsedSpec | undefined {
  if (URL_LIKE.test(spec)) return { name: spec, version: undefined, constraint: '', qualifier: undefined, kind: 'url' };
  if (PATH_LIKE.test(spec) || pathExt.test(spec)) {
    return { name: spec, version: undefined, constraint: '', qualifier: undefined, kind: 'path' };
  }
  return undefined;
}

/** `spec` holds one of the characters of `chars`. */
function hasAny(spec: string, chars: string): boolean {
  for (let i = 0; i < spec.length; i++) if (chars.includes(spec[i]!)) return true;
  return false;
}

/** `name[:arch][/release][=version]`. */
function deb(spec: string): ParsedSpec {
  const local = pathOrUrl(spec, DEB_FILE);
  if (local) return local;
  // Most operands are a bare name: no match to make.
  if (!hasAny(spec, '=:/')) return result(spec, '', undefined);
  const m = DEB_SPEC.exec(spec);
  if (!m) return result(spec, '', undefined);
  const constraint = (m[3] ? '/' + m[3] : '') + (m[4] ?? '');
  return result(m[1]!, constraint, m[4]?.slice(1), m[2]);
}

/** `name[@tag][=|~|>|<|>=|<=version]`. */
function apk(spec: string): ParsedSpec {
  const local = pathOrUrl(spec, APK_FILE);
  if (local) return local;
  if (!hasAny(spec, '=<>~@')) return result(spec, '', undefined);
  const m = APK_SPEC.exec(spec);
  if (!m) return result(spec, '', undefined);
  const exact = m[3]?.startsWith('=') ? m[4] : undefined;
  return result(m[1]!, m[3] ?? '', exact, m[2]);
}

/**
 * RPM names: `name-version` is accepted by dnf but cannot be told apart from names with dashes
 * (`java-17-openjdk-devel`), so only explicit comparisons are split.
 */
function rpm(spec: string): ParsedSpec {
  const local = pathOrUrl(spec, RPM_FILE);
  if (local) return local;
  const m = RPM_SPEC.exec(spec);
  if (!m) return result(spec, '', undefined);
  return result(m[1]!, m[2] ?? '', m[2]?.startsWith('=') ? m[3] : undefined);
}

/** PEP 508: `name[extras] (== | >= | ~= …) version[, …][; marker]` or `name @ url`. */
function python(spec: string): ParsedSpec {
  const local = pathOrUrl(spec, PYTHON_FILE);
  if (local) return local;
  const m = PYTHON_SPEC.exec(spec);
  if (!m) return result(spec, '', undefined);
  const constraint = m[3] ?? '';
  const exact = PYTHON_EXACT.exec(constraint);
  return result(m[1]!, constraint, exact?.[1], m[2]);
}

/** `[channel::]name[=|==|>=…version]`. */
function conda(spec: string): ParsedSpec {
  const m = CONDA_SPEC.exec(spec);
  if (!m) return result(spec, '', undefined);
  const exact = CONDA_EXACT.exec(m[3] ?? '');
  return result(m[2]!, m[3] ?? '', exact?.[1], m[1]);
}

/** `name@version`, `@scope/name@version`. */
function node(spec: string): ParsedSpec {
  const local = pathOrUrl(spec, NODE_FILE);
  if (local) return local;
  const at = spec.indexOf('@', 1);
  if (at < 0) return result(spec, '', undefined);
  const version = spec.slice(at + 1);
  return result(spec.slice(0, at), '@' + version, PLAIN_VERSION.test(version) ? version : undefined);
}

/** `name[@version]` (cargo install, go install). */
function atVersion(spec: string, pathExt: RegExp): ParsedSpec {
  const local = pathOrUrl(spec, pathExt);
  if (local) return local;
  const at = spec.lastIndexOf('@');
  if (at <= 0) return result(spec, '', undefined);
  const version = spec.slice(at + 1);
  return result(spec.slice(0, at), '@' + version, version === 'latest' ? undefined : version);
}

/** `name[:version]` (gem), `vendor/name[:constraint]` (composer). */
function colon(spec: string, pathExt: RegExp): ParsedSpec {
  const local = pathOrUrl(spec, pathExt);
  if (local) return local;
  const k = spec.indexOf(':');
  if (k <= 0) return result(spec, '', undefined);
  const version = spec.slice(k + 1);
  return result(spec.slice(0, k), ':' + version, PLAIN_VERSION.test(version) ? version : undefined);
}

export function parseSpec(spec: string, ecosystem: Ecosystem): ParsedSpec {
  switch (ecosystem) {
    case 'deb': return deb(spec);
    case 'apk': return apk(spec);
    case 'rpm': return rpm(spec);
    case 'python': return python(spec);
    case 'conda': return conda(spec);
    case 'node': return node(spec);
    case 'ruby': return colon(spec, GEM_FILE);
    case 'php': return colon(spec, PHP_FILE);
    case 'rust': return atVersion(spec, NO_FILE);
    case 'go': return atVersion(spec, NO_FILE);
  }
}

const PEP503_SEPARATORS = /[-_.]+/g;

/** Name normalisation for comparing an install with a removal (PEP 503 for Python). */
export function normalizeName(name: string, ecosystem: Ecosystem): string {
  return ecosystem === 'python' ? name.toLowerCase().replace(PEP503_SEPARATORS, '-') : name;
}
