/**
 * Curated facts of operating-system and minimal base images. Sources: docker-library/{debian,ubuntu,
 * alpine,busybox,buildpack-deps} and the distributions' own images (Fedora, CentOS, Rocky, Alma,
 * Oracle Linux — whose 9-slim ships curl, as docker-library/mysql relies on —, Amazon Linux, Red Hat
 * UBI, openSUSE/BCI, Azure Linux), Microsoft's Windows base images, GoogleContainerTools/distroless
 * and Chainguard's Wolfi images.
 */
import type { ImageDraft, ImageTableEntry, LanguageName } from './baseImageTypes';
import {
  alpineLayer, asSdk, azureLinuxLayer, buildpackDepsLayer, debianLayer, debianRelease, DISTROLESS_USERS, makeDraft,
  RPM_USERS, rpmLayer, toolset, ubuntuLayer, ubuntuRelease, UNKNOWN_TOOLS, windowsLayer, withLanguage,
} from './baseImageOs';
import { extrasWithin, majorOf, type OsHint, type TagInfo } from './imageTag';

/** A moving channel that names a release (`debian:stable`), not `latest`. */
function channelRelease(tag: TagInfo): string | undefined {
  return tag.channel === 'latest' ? undefined : tag.channel;
}

/** Plain tags only: no OS hint, no slim, only the listed extra tokens. */
function plain(tag: TagInfo, extras: readonly string[] = []): boolean {
  return tag.os === undefined && !tag.slim && !tag.minimal && extrasWithin(tag, extras);
}

function describeBuildpackDeps(tag: TagInfo): ImageDraft | undefined {
  if (tag.slim || !extrasWithin(tag, ['curl', 'scm'])) return undefined;
  let os: OsHint | undefined = tag.os;
  if (os === undefined && tag.version !== undefined) {
    const ubuntu = ubuntuRelease(tag.version);
    if (ubuntu === undefined) return undefined;
    os = { family: 'ubuntu', release: ubuntu };
  }
  os ??= { family: 'debian', release: channelRelease(tag) };
  if (os.family !== 'debian' && os.family !== 'ubuntu') return undefined;
  const base = buildpackDepsLayer(os);
  if (tag.extras.length > 0) return base;
  // The full variant adds gcc, make and hundreds of -dev packages.
  const written = tag.version ?? os.release;
  const alternative = os.family === 'ubuntu'
    ? (written === undefined ? 'ubuntu' : `ubuntu:${written}`)
    : `debian:${os.release ?? 'stable'}-slim`;
  return asSdk(base, alternative);
}

const DISTROLESS_NAME = /^(static|base-nossl|base|cc|java-base|java(\d+)?|python3|nodejs(\d+)?)(?:-debian(\d+))?$/;
/** python3 of each Debian release distroless builds on. */
const DEBIAN_PYTHON: ReadonlyMap<string, string> = new Map([['10', '3.7'], ['11', '3.9'], ['12', '3.11'], ['13', '3.13']]);

/** gcr.io/distroless/*: tags latest, nonroot, debug, debug-nonroot (+ arch); debug adds busybox. */
function describeDistroless(tag: TagInfo, repository: string): ImageDraft | undefined {
  const match = DISTROLESS_NAME.exec(repository.slice('gcr.io/distroless/'.length));
  if (!match || tag.version !== undefined || !plain(tag, ['nonroot', 'debug'])) return undefined;
  const [, name = '', javaVersion, nodeVersion, debian] = match;
  const debug = tag.extras.includes('debug');
  let language: { name: LanguageName; version: string | undefined } | undefined;
  if (name === 'python3') language = { name: 'python', version: debian === undefined ? undefined : DEBIAN_PYTHON.get(debian) };
  else if (name.startsWith('nodejs')) language = { name: 'node', version: nodeVersion };
  else if (name.startsWith('java') && name !== 'java-base') language = { name: 'java', version: javaVersion };
  const base = makeDraft({
    family: 'distroless', osRelease: debian === undefined ? undefined : debianRelease(debian),
    libc: name === 'static' ? 'none' : 'glibc', packageManager: 'none',
    users: DISTROLESS_USERS, usersComplete: true, defaultUser: tag.extras.includes('nonroot') ? 'nonroot' : 'root',
    tools: debug ? toolset('no', 'unknown', 'yes', 'no', 'yes') : toolset('no', 'no', 'no', 'no', 'no'),
  });
  return language === undefined ? base : withLanguage(base, language.name, language.version);
}

const CHAINGUARD_LANGUAGE: ReadonlyMap<string, LanguageName> = new Map([
  ['python', 'python'], ['node', 'node'], ['go', 'go'], ['jdk', 'java'], ['jre', 'java'], ['maven', 'java'],
  ['gradle', 'java'], ['ruby', 'ruby'], ['php', 'php'], ['rust', 'rust'], ['dotnet-sdk', 'dotnet'],
  ['dotnet-runtime', 'dotnet'], ['aspnet-runtime', 'dotnet'],
]);
const CHAINGUARD_SDKS: ReadonlyMap<string, string | undefined> = new Map([
  ['go', 'cgr.dev/chainguard/static'], ['jdk', 'cgr.dev/chainguard/jre'], ['maven', 'cgr.dev/chainguard/jre'],
  ['gradle', 'cgr.dev/chainguard/jre'], ['rust', undefined], ['dotnet-sdk', undefined], ['gcc-glibc', undefined],
]);
const CHAINGUARD_RUNTIMES = new Set(['static', 'glibc-dynamic', 'jre', 'dotnet-runtime', 'aspnet-runtime']);

/** cgr.dev/chainguard/*: Wolfi (glibc); `-dev` tags add apk and a shell; most images run as nonroot (65532). */
function describeChainguard(tag: TagInfo, repository: string): ImageDraft | undefined {
  if (!plain(tag, ['dev'])) return undefined;
  const name = repository.slice('cgr.dev/chainguard/'.length);
  const dev = tag.extras.includes('dev');
  const wolfiBase = name === 'wolfi-base';
  let base = makeDraft({
    family: 'wolfi', libc: 'glibc', packageManager: dev || wolfiBase ? 'apk' : 'none',
    users: ['nonroot'], usersComplete: false, defaultUser: name === 'static' && !dev ? 'nonroot' : undefined,
    variant: CHAINGUARD_RUNTIMES.has(name) ? 'runtime' : 'unknown',
    tools: name === 'static' && !dev
      ? toolset('no', 'no', 'no', 'no', 'no')
      : dev || wolfiBase ? { ...UNKNOWN_TOOLS, sh: 'yes' } : UNKNOWN_TOOLS,
    language: { name: 'unknown' },
  });
  const language = CHAINGUARD_LANGUAGE.get(name);
  if (language !== undefined) base = withLanguage(base, language, tag.version);
  if (name === 'static' || name === 'glibc-dynamic' || wolfiBase) base = { ...base, language: { name: 'none' } };
  return CHAINGUARD_SDKS.has(name) ? asSdk(base, CHAINGUARD_SDKS.get(name)) : base;
}

/** Package manager of the RPM distributions by release. */
function rpmDistro(packageManager: (tag: TagInfo) => ImageDraft['packageManager'], extras: readonly string[] = []): ImageTableEntry['describe'] {
  return (tag) => {
    if (tag.os !== undefined || !extrasWithin(tag, extras)) return undefined;
    return rpmLayer(packageManager(tag), tag.version ?? channelRelease(tag));
  };
}

const UBI_NAME = /^(?:registry\.access\.redhat\.com|registry\.redhat\.io|redhat)\/(ubi\d+)(?:\/ubi)?(?:(?:-|\/ubi-)(minimal|micro|init))?$/;

export const OS_IMAGES: readonly ImageTableEntry[] = [
  {
    match: ['debian'],
    describe: (tag) => {
      if ((tag.os !== undefined && tag.os.family !== 'debian') || !extrasWithin(tag, ['backports', 'experimental'])) return undefined;
      return debianLayer(tag.os?.release ?? debianRelease(tag.version) ?? channelRelease(tag));
    },
  },
  {
    match: ['ubuntu'],
    describe: (tag) => {
      if (tag.slim || (tag.os !== undefined && tag.os.family !== 'ubuntu') || !extrasWithin(tag, [])) return undefined;
      return ubuntuLayer(tag.os?.release ?? ubuntuRelease(tag.version) ?? tag.version);
    },
  },
  {
    match: ['alpine'],
    describe: (tag) => (plain(tag) ? alpineLayer(tag.version ?? (tag.channel === 'edge' ? 'edge' : undefined)) : undefined),
  },
  {
    // docker-library/busybox: a static busybox (sh, wget applets) and a small buildroot passwd.
    match: ['busybox'],
    describe: (tag) => {
      if (!plain(tag, ['musl', 'glibc', 'uclibc'])) return undefined;
      const libc = tag.extras.includes('musl') ? 'musl' : tag.extras.includes('glibc') ? 'glibc' : 'unknown';
      return makeDraft({
        family: 'busybox', libc, packageManager: 'none',
        users: ['daemon', 'bin', 'sys', 'sync', 'mail', 'www-data', 'operator', 'nobody'], usersComplete: false,
        tools: toolset('no', 'yes', 'yes', 'no', 'yes'),
      });
    },
  },
  { match: ['buildpack-deps'], describe: describeBuildpackDeps },
  { match: ['fedora'], describe: rpmDistro(() => 'dnf', ['rawhide']) },
  {
    match: ['centos', 'quay.io/centos/centos'],
    describe: rpmDistro((tag) => {
      const major = majorOf(tag.version ?? tag.extras.find((token) => /^centos\d$/.test(token))?.slice('centos'.length));
      return major !== undefined && major <= 7 ? 'yum' : 'dnf';
    }, ['centos6', 'centos7', 'centos8', 'stream8', 'stream9', 'stream10']),
  },
  {
    match: ['rockylinux', 'rockylinux/rockylinux', 'quay.io/rockylinux/rockylinux', 'almalinux', 'quay.io/almalinuxorg/almalinux'],
    describe: (tag) => (plain({ ...tag, minimal: false }) ? rpmLayer(tag.minimal ? 'microdnf' : 'dnf', tag.version) : undefined),
  },
  {
    match: ['oraclelinux'],
    describe: (tag) => {
      if (tag.os !== undefined || !extrasWithin(tag, [])) return undefined;
      const major = majorOf(tag.version);
      if (major === undefined) return undefined;
      const layer = rpmLayer(major <= 7 ? 'yum' : tag.slim ? 'microdnf' : 'dnf', tag.version);
      return tag.slim && major >= 9 ? { ...layer, tools: { ...layer.tools, curl: 'yes' } } : layer;
    },
  },
  {
    match: ['amazonlinux'],
    describe: rpmDistro((tag) => {
      const major = majorOf(tag.version);
      return major === undefined || major >= 2022 ? 'dnf' : 'yum';
    }),
  },
  {
    // Red Hat UBI: ubi (dnf), ubi-minimal (microdnf), ubi-micro (no package manager), ubi-init (dnf + systemd).
    match: UBI_NAME,
    describe: (tag, repository) => {
      const match = UBI_NAME.exec(repository);
      if (!match || tag.os !== undefined || !tag.extras.every((token) => /^\d+$/.test(token))) return undefined;
      const kind = match[2];
      return rpmLayer(kind === 'minimal' ? 'microdnf' : kind === 'micro' ? 'none' : 'dnf', match[1]);
    },
  },
  {
    match: ['opensuse/leap', 'opensuse/tumbleweed', 'registry.suse.com/bci/bci-base', 'registry.suse.com/suse/sle15'],
    describe: (tag) => (plain(tag) ? makeDraft({
      family: 'suse', osRelease: tag.version, libc: 'glibc', packageManager: 'zypper', users: RPM_USERS,
      tools: toolset('unknown', 'unknown', 'yes', 'yes', 'no'),
    }) : undefined),
  },
  {
    match: ['mcr.microsoft.com/azurelinux/base/core', 'mcr.microsoft.com/cbl-mariner/base/core'],
    describe: (tag) => (plain(tag) ? azureLinuxLayer(tag.version) : undefined),
  },
  {
    match: [
      'mcr.microsoft.com/windows/servercore', 'mcr.microsoft.com/windows/servercore/iis', 'microsoft/windowsservercore',
      'mcr.microsoft.com/windows/nanoserver', 'microsoft/nanoserver', 'mcr.microsoft.com/windows', 'mcr.microsoft.com/windows/server',
    ],
    describe: (tag, repository) => {
      if (tag.slim || (tag.os !== undefined && tag.os.family !== 'windows') || !extrasWithin(tag, [])) return undefined;
      const edition = repository.includes('nanoserver') ? 'nanoserver' : repository.includes('servercore') ? 'servercore' : undefined;
      return windowsLayer(edition, tag.os?.release ?? tag.version);
    },
  },
  { match: /^gcr\.io\/distroless\/[a-z0-9.-]+$/, describe: describeDistroless },
  { match: /^cgr\.dev\/chainguard\/[a-z0-9][a-z0-9._-]*$/, describe: describeChainguard },
];

