/**
 * The system packages the runtime stage installs: what the original image installed, minus build tools
 * (compilers, build systems, headers), minus what the same RUN removed again. A header package (`libpq-dev`)
 * pulled in a shared library the compiled code now loads, so it is replaced by that library (`libpq5`); when
 * the library is not known for the distribution release, the split is not offered.
 */
import type { DockerfileModel, Instr } from '../../analysis/model';
import { classifyPackage } from '../../analysis/packageClasses';
import { packageOpsOf } from '../../analysis/instrPackages';
import { removalOf } from '../../analysis/packages';
import { commandName } from '../../analysis/shell';
import { runCommands } from './runKinds';
import { continued, keyword, type FileStyle } from '../style';
import { own } from '../../analysis/ownKey';

export type SystemFamily = 'deb' | 'apk';

/** Library packages per header package; a function of the Debian/Ubuntu release when the name changed (t64). */
type LibraryFor = string | ((release: string | undefined) => string | undefined);

const DEB_RELEASES_T64 = new Set(['trixie', 'forky', 'sid', 'noble', 'oracular', 'plucky', 'questing']);
const DEB_RELEASES_CLASSIC = new Set(['bookworm', 'jammy']);
const byRelease = (classic: string, t64: string): LibraryFor => (release) =>
  release !== undefined && DEB_RELEASES_CLASSIC.has(release) ? classic : release !== undefined && DEB_RELEASES_T64.has(release) ? t64 : undefined;

/** '' = nothing to install at run time (headers of libraries every image has, kernel headers, …). */
const DEB_LIBRARIES: Readonly<Record<string, LibraryFor>> = {
  'libpq-dev': 'libpq5',
  'libffi-dev': 'libffi8',
  // Packages depending on the release's libssl/libcurl, so the name does not depend on the release.
  'libssl-dev': 'openssl',
  'libcurl4-openssl-dev': 'curl',
  'libsqlite3-dev': 'libsqlite3-0',
  'libmariadb-dev': 'libmariadb3',
  'libmariadb-dev-compat': 'libmariadb3',
  'default-libmysqlclient-dev': 'libmariadb3',
  'libxml2-dev': 'libxml2',
  'libxslt1-dev': 'libxslt1.1',
  'libyaml-dev': 'libyaml-0-2',
  'libgmp-dev': 'libgmp10',
  'libgeos-dev': 'libgeos-c1v5',
  'libsasl2-dev': 'libsasl2-2',
  'libkrb5-dev': 'libgssapi-krb5-2',
  'libfreetype6-dev': 'libfreetype6',
  'libfreetype-dev': 'libfreetype6',
  'libcairo2-dev': 'libcairo2',
  'libbz2-dev': 'libbz2-1.0',
  'liblzma-dev': 'liblzma5',
  'libpng-dev': byRelease('libpng16-16', 'libpng16-16t64'),
  'libmagic-dev': byRelease('libmagic1', 'libmagic1t64'),
  'zlib1g-dev': '',
  'libc6-dev': '',
  'libc-dev': '',
  'linux-libc-dev': '',
  'python3-dev': '',
  'python-dev': '',
  'libpython3-dev': '',
};

const APK_LIBRARIES: Readonly<Record<string, LibraryFor>> = {
  'postgresql-dev': 'libpq',
  'libpq-dev': 'libpq',
  'libffi-dev': 'libffi',
  'openssl-dev': 'openssl',
  'curl-dev': 'curl',
  'sqlite-dev': 'sqlite-libs',
  'mariadb-dev': 'mariadb-connector-c',
  'mariadb-connector-c-dev': 'mariadb-connector-c',
  'libxml2-dev': 'libxml2',
  'libxslt-dev': 'libxslt',
  'yaml-dev': 'yaml',
  'gmp-dev': 'gmp',
  'geos-dev': 'geos',
  'krb5-dev': 'krb5-libs',
  'freetype-dev': 'freetype',
  'libpng-dev': 'libpng',
  'jpeg-dev': 'libjpeg-turbo',
  'libjpeg-turbo-dev': 'libjpeg-turbo',
  'cairo-dev': 'cairo',
  'bzip2-dev': 'libbz2',
  'xz-dev': 'xz-libs',
  'zlib-dev': 'zlib',
  'musl-dev': '',
  'libc-dev': '',
  'linux-headers': '',
  'python3-dev': '',
};

/** Libraries the official Python images already carry (CPython links them), by header package. */
const PYTHON_IMAGE_LIBRARIES = new Set([
  'libffi-dev', 'libssl-dev', 'openssl-dev', 'libsqlite3-dev', 'sqlite-dev', 'libbz2-dev', 'bzip2-dev', 'liblzma-dev',
  'xz-dev', 'zlib1g-dev', 'zlib-dev', 'libreadline-dev', 'readline-dev', 'libncurses-dev', 'libncursesw5-dev', 'ncurses-dev',
  'libgdbm-dev', 'gdbm-dev', 'libexpat1-dev', 'expat-dev', 'uuid-dev', 'util-linux-dev',
]);

export interface RuntimePackageOptions {
  readonly family: SystemFamily;
  /** Debian/Ubuntu/Alpine release of the runtime image, when the tag says. */
  readonly release: string | undefined;
  /** The artifacts load shared libraries (C extensions, native addons, dynamically linked binaries). */
  readonly linksLibraries: boolean;
  /** The runtime image is an official Python image (its libraries are already there). */
  readonly pythonImage: boolean;
  /** Packages the ecosystem needs only to build, when installed next to a compiler (python3 for node-gyp). */
  readonly buildOnly: readonly string[];
}

/** Commands that add package sources: packages installed after them may not exist in the default repositories. */
const SOURCE_SETUP = new Set(['curl', 'wget', 'gpg', 'apt-key', 'add-apt-repository', 'dpkg', 'rpm']);

/**
 * Package specs (as written: `curl=7.88.*`) the runtime image needs, in install order; undefined when they
 * cannot be determined (package names from variables, third-party repositories, unknown libraries).
 */
export function runtimePackages(model: DockerfileModel, runs: readonly Instr[], options: RuntimePackageOptions): { specs: string[]; dropped: number } | undefined {
  const out: string[] = [];
  let dropped = 0;
  for (const run of runs) {
    const ops = packageOpsOf(model, run);
    const system = ops.installs.filter((i) => i.ecosystem === 'deb' || i.ecosystem === 'apk' || i.ecosystem === 'rpm');
    if (system.length === 0) continue;
    if (system.some((i) => i.ecosystem !== options.family)) return undefined;
    const commands = runCommands(model, run);
    if (!commands || commands.some((c) => SOURCE_SETUP.has(commandName(c) ?? ''))) return undefined;
    for (const install of system) {
      const withCompiler = install.packages.some((p) => /^(gcc|g\+\+|make|build-base|build-essential|clang)$/.test(p.name));
      if (install.subcommand !== 'install' && install.subcommand !== 'add') return undefined;
      for (const pkg of install.packages) {
        if (removalOf(ops, install, pkg)) continue;
        if (pkg.kind !== 'name') return undefined;
        if (withCompiler && options.buildOnly.includes(pkg.name)) {
          dropped++;
          continue;
        }
        const needed = neededAtRuntime(pkg.name, pkg.spec, options);
        if (needed === undefined) return undefined;
        if (needed.length === 0 || needed[0] !== pkg.spec) dropped++;
        for (const spec of needed) if (!out.includes(spec)) out.push(spec);
      }
    }
  }
  return { specs: out, dropped };
}

/** Whether the RUN installs system packages. */
export function installsSystemPackages(model: DockerfileModel, run: Instr): boolean {
  return packageOpsOf(model, run).installs.some((i) => i.ecosystem === 'deb' || i.ecosystem === 'apk' || i.ecosystem === 'rpm');
}

/** [] when the package is build-only, [spec] when it stays, the library when it is a header package. */
function neededAtRuntime(name: string, spec: string, options: RuntimePackageOptions): string[] | undefined {
  const cls = classifyPackage(name, options.family);
  if (cls.class !== 'build-tool') return [spec];
  const table = options.family === 'deb' ? DEB_LIBRARIES : APK_LIBRARIES;
  const entry = own(table, name);
  const isHeaders = /-dev(el)?$|-headers$/.test(name) || entry !== undefined;
  if (!isHeaders || !options.linksLibraries) return [];
  if (options.pythonImage && PYTHON_IMAGE_LIBRARIES.has(name)) return [];
  if (entry === undefined) return undefined;
  const library = typeof entry === 'string' ? entry : entry(options.release);
  if (library === undefined) return undefined;
  return library === '' ? [] : [library];
}

/** The RUN installing `specs` in the file's style, with the cleanup the cache rules ask for. */
export function installInstruction(style: FileStyle, family: SystemFamily, specs: readonly string[]): string[] {
  const run = keyword(style, 'RUN');
  if (family === 'apk') return [`${run} apk add --no-cache ${specs.join(' ')}`];
  return continued(style, run, ['apt-get update', `apt-get install -y --no-install-recommends ${specs.join(' ')}`, 'rm -rf /var/lib/apt/lists/*']);
}
