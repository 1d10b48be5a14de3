/**
 * Is a package a build tool (needed only to compile or fetch sources) or something the running container
 * uses? `no-build-tools-in-final-stage` and `prefer-multi-stage-build` report build tools left in the final
 * image, so a wrong "build-tool" answer is a false positive in front of the user: every rule here errs towards
 * `unknown`, and exact lists win over name patterns.
 *
 * Reasoning, per kind of name:
 * - Compilers, assemblers, build systems and code generators (gcc, clang, make, cmake, ninja, autoconf, bison,
 *   pkg-config, …) and the meta packages that pull them (build-essential, build-base, alpine-sdk): build-only.
 * - Header/static-library packages (`*-dev` on Debian/Alpine, `*-devel` on RPM, `*-static`, kernel/linux
 *   headers): only a compiler reads them. Their runtime counterparts are the shared-library packages (`libpq5`,
 *   `libssl3`, `libffi8`), which are runtime.
 * - Language toolchains (golang/go, rustc/cargo, JDKs, maven/gradle/ant): build-only; a JRE is runtime.
 * - `git` (and svn/hg): fetches sources; almost never used by the running service.
 * - Explicit runtime list: TLS roots, init processes, process supervisors, timezone data, interpreters.
 *   `curl`/`wget` are runtime because health checks and entrypoints call them.
 * - Everything else is `unknown`, and so are dual-use tools (`gnupg`, `unzip`, `npm`, `pip`).
 */
import type { Ecosystem } from './packageSpecs';
import { own } from './ownKey';

export type PackageClass = 'build-tool' | 'runtime' | 'unknown';

export interface Classification {
  readonly class: PackageClass;
  /** Why, in words a diagnostic can show (`C compiler`, `development headers`). */
  readonly reason: string;
}

const SYSTEM_BUILD_TOOLS: Readonly<Record<string, string>> = {
  gcc: 'C compiler', 'g++': 'C++ compiler', 'gcc-c++': 'C++ compiler', cpp: 'C preprocessor', clang: 'C compiler',
  llvm: 'compiler toolchain', lld: 'linker', 'binutils-gold': 'linker', gfortran: 'Fortran compiler', binutils: 'assembler and linker',
  make: 'build tool', cmake: 'build tool', ninja: 'build tool', 'ninja-build': 'build tool', meson: 'build tool',
  scons: 'build tool', bazel: 'build tool', ccache: 'compiler cache',
  'build-essential': 'compiler meta package', 'build-base': 'compiler meta package', 'alpine-sdk': 'compiler meta package',
  'dpkg-dev': 'package build tools', debhelper: 'package build tools', devscripts: 'package build tools',
  fakeroot: 'package build tools', 'rpm-build': 'package build tools', rpmdevtools: 'package build tools',
  'pkg-config': 'build configuration tool', pkgconf: 'build configuration tool', pkgconfig: 'build configuration tool',
  autoconf: 'build configuration tool', automake: 'build configuration tool', libtool: 'build configuration tool',
  'libtool-bin': 'build configuration tool', m4: 'macro processor used by autotools', 'autoconf-archive': 'build configuration tool',
  bison: 'parser generator', flex: 'lexer generator', byacc: 'parser generator', gperf: 'code generator', re2c: 'code generator',
  swig: 'binding generator', 'protobuf-compiler': 'code generator', 'protobuf-c-compiler': 'code generator',
  protoc: 'code generator', yasm: 'assembler', nasm: 'assembler', autogen: 'build configuration tool',
  'util-macros': 'build configuration tool', xorgproto: 'development headers', 'xcb-proto': 'development headers',
  texinfo: 'documentation build tool', quilt: 'patch management tool', abuild: 'package build tools',
  equivs: 'package build tools', chrpath: 'binary patching tool', patchelf: 'binary patching tool', upx: 'executable packer',
  'linux-headers': 'kernel headers', 'kernel-headers': 'kernel headers', 'linux-libc-dev': 'kernel headers',
  git: 'source checkout tool', 'git-core': 'source checkout tool', 'git-lfs': 'source checkout tool', subversion: 'source checkout tool', mercurial: 'source checkout tool',
  golang: 'Go toolchain', 'golang-go': 'Go toolchain', go: 'Go toolchain', rustc: 'Rust compiler', cargo: 'Rust toolchain',
  rust: 'Rust toolchain', 'default-jdk': 'Java compiler (JDK)', 'default-jdk-headless': 'Java compiler (JDK)',
  maven: 'Java build tool', gradle: 'Java build tool', ant: 'Java build tool', 'node-gyp': 'native addon build tool',
};

const SYSTEM_RUNTIME: Readonly<Record<string, string>> = {
  'ca-certificates': 'TLS root certificates', tzdata: 'time zone data', tini: 'init process', 'dumb-init': 'init process',
  gosu: 'privilege drop tool', 'su-exec': 'privilege drop tool', curl: 'HTTP client used by health checks',
  wget: 'HTTP client used by health checks', bash: 'shell', openssl: 'TLS tool', netbase: 'network configuration',
  'libc6': 'C library', musl: 'C library', libgcc: 'compiler runtime library', 'libstdc++': 'C++ runtime library',
  python3: 'interpreter', python: 'interpreter', nodejs: 'runtime', ruby: 'interpreter', perl: 'interpreter',
  'default-jre': 'Java runtime', 'default-jre-headless': 'Java runtime', supervisor: 'process supervisor',
  'locales': 'locale data', 'procps': 'process tools',
};

/** Ordered pattern rules for system package names: first match wins. */
const SYSTEM_PATTERNS: readonly (readonly [RegExp, PackageClass, string])[] = [
  // `libpq-dev`, `musl-dev`, `libc-dev-bin`; `udev` has no dash and stays unknown.
  [/-dev(-bin)?$/, 'build-tool', 'development headers'],
  [/-devel$/, 'build-tool', 'development headers'],
  // `libcudnn9-devel-cuda-13`, `libc6-dev-arm64-cross`: headers for a variant or another architecture.
  [/-devel?-/, 'build-tool', 'development headers'],
  [/-cross$/, 'build-tool', 'cross-compilation support'],
  // Static libraries (`libstdc++-static`, `glibc-static`, `zlib-static`); not `qemu-user-static`, an emulator.
  [/^(lib[\w.+-]*|glibc|musl|zlib|openssl(-libs)?|ncurses|[\w.+-]+-libs)-static$/, 'build-tool', 'static libraries'],
  [/^gcc-toolset-\d+(-gcc|-gcc-c\+\+|-gcc-gfortran|-binutils|-make|-annobin[\w-]*)?$/, 'build-tool', 'compiler toolchain'],
  [/-headers$|^linux-headers-/, 'build-tool', 'kernel headers'],
  // Versioned and cross compilers (`gcc-12`, `g++-aarch64-linux-gnu`); not `gcc-12-base`, a runtime dependency of libgcc.
  [/^(gcc|g\+\+|cpp|clang|gfortran|llvm|lld|binutils)(-\d+(\.\d+)*)?(-multilib|-[a-z0-9_-]+-linux-gnu[a-z0-9_]*|-arm-none-eabi)?$/, 'build-tool', 'compiler'],
  [/^golang-\d+(\.\d+)*(-go)?$/, 'build-tool', 'Go toolchain'],
  [/^(openjdk|temurin)-\d+-jdk(-headless)?$|^openjdk\d+-jdk$|^java-[\d.]+-openjdk-devel$/, 'build-tool', 'Java compiler (JDK)'],
  // Alpine names the full JDK `openjdk17`; its runtime is `openjdk17-jre`.
  [/^openjdk\d+$/, 'build-tool', 'Java compiler (JDK)'],
  [/-jre(-headless)?$/, 'runtime', 'Java runtime'],
  // Library packages that are not headers (`libpq5`, `libssl3`, Alpine's `libpq`): what binaries load at run time.
  [/^lib/, 'runtime', 'shared library'],
  [/^python3\.\d+$/, 'runtime', 'interpreter'],
];

/** Python packages that only build other packages (wheels for C extensions); setuptools/wheel stay unknown. */
const PYTHON_BUILD_TOOLS = new Set(['cython', 'maturin', 'pybind11', 'scikit-build', 'scikit-build-core', 'meson-python', 'setuptools-rust', 'nuitka', 'pyinstaller']);
/** Node packages that compile or bundle sources; installed globally in a final image they are leftovers. */
const NODE_BUILD_TOOLS = new Set(['node-gyp', 'typescript', 'webpack', 'webpack-cli', 'esbuild', 'vite', 'rollup', 'parcel', '@babel/cli', '@babel/core', 'gulp', 'gulp-cli', 'grunt-cli', '@vercel/ncc', 'prebuild', 'node-pre-gyp', '@mapbox/node-pre-gyp', 'turbo', 'nx']);
const CONDA_BUILD_TOOLS = new Set(['compilers', 'c-compiler', 'cxx-compiler', 'fortran-compiler', 'make', 'cmake', 'ninja', 'pkg-config', 'git', 'conda-build', 'boa']);

const UNKNOWN: Classification = { class: 'unknown', reason: 'not a known build tool or runtime package' };

/**
 * Classifies a package name (without version: use `PackageRef.name`). `ecosystem` selects the naming
 * conventions; system managers (deb, apk, rpm) share the build-tool lists.
 */
export function classifyPackage(name: string, ecosystem: Ecosystem = 'deb'): Classification {
  const n = name.trim().toLowerCase();
  if (!n) return UNKNOWN;
  switch (ecosystem) {
    case 'python':
      return PYTHON_BUILD_TOOLS.has(n.replace(/[-_.]+/g, '-')) ? { class: 'build-tool', reason: 'Python extension build tool' } : UNKNOWN;
    case 'node':
      return NODE_BUILD_TOOLS.has(n) ? { class: 'build-tool', reason: 'JavaScript build tool' } : UNKNOWN;
    case 'rust':
      // `cargo install cargo-chef`/`cargo-watch`: cargo subcommands are developer tools.
      return /^cargo-/.test(n) || n === 'sccache' ? { class: 'build-tool', reason: 'Cargo build tool' } : UNKNOWN;
    case 'conda':
      return CONDA_BUILD_TOOLS.has(n) || /^(gcc|gxx|gfortran|clang)(_\w+)?(-\d+)?$/.test(n) ? { class: 'build-tool', reason: 'compiler toolchain' } : UNKNOWN;
    case 'deb': case 'apk': case 'rpm':
      return classifySystem(n);
    default:
      return UNKNOWN;
  }
}

function classifySystem(n: string): Classification {
  const exactBuild = own(SYSTEM_BUILD_TOOLS, n);
  if (exactBuild) return { class: 'build-tool', reason: exactBuild };
  const exactRuntime = own(SYSTEM_RUNTIME, n);
  if (exactRuntime) return { class: 'runtime', reason: exactRuntime };
  for (const [re, cls, reason] of SYSTEM_PATTERNS) if (re.test(n)) return { class: cls, reason };
  return UNKNOWN;
}

export function isBuildTool(name: string, ecosystem: Ecosystem = 'deb'): boolean {
  return classifyPackage(name, ecosystem).class === 'build-tool';
}
