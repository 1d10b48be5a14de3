/**
 * Curated facts of the official language images. Sources: each image's Dockerfile templates —
 * docker-library/{python,ruby,golang,php,gcc,openjdk}, nodejs/docker-node, rust-lang/docker-rust,
 * adoptium/containers (eclipse-temurin), carlossg/docker-maven, keeganwitt/docker-gradle,
 * corretto/corretto-docker, dotnet/dotnet-docker (src/{sdk,aspnet,runtime,runtime-deps}).
 *
 * Shared conventions of the docker-library language images: the default and `-<debian release>` tags
 * are built FROM buildpack-deps (curl, wget, gcc, headers: an SDK); `-slim` tags are FROM debian:*-slim
 * and purge their download tools; `-alpine` tags keep only busybox wget.
 */
import type { ImageDraft, ImageTableEntry, LanguageName } from './baseImageTypes';
import {
  alpineLayer, asSdk, buildpackDepsLayer, debianLayer, layerForHint, rpmLayer, scratchLayer, toolset, ubuntuLayer, unknownOsLayer,
  windowsLayer, withLanguage, withTools, withUsers,
} from './baseImageOs';
import { extrasWithin, majorMinor, majorOf, type OsHint, type TagInfo } from './imageTag';

/** Node.js LTS codenames usable as tags (`node:iron` is node 20). */
const NODE_CODENAMES: ReadonlyMap<string, string> = new Map([
  ['argon', '4'], ['boron', '6'], ['carbon', '8'], ['dubnium', '10'], ['erbium', '12'], ['fermium', '14'],
  ['gallium', '16'], ['hydrogen', '18'], ['iron', '20'], ['jod', '22'], ['krypton', '24'],
]);

/** The `-slim` sibling of a full tag: node writes `20-bookworm-slim`, python and ruby `3.12-slim-bookworm`. */
function slimSibling(repository: string, tag: TagInfo, releaseThenSlim: boolean): string {
  const tokens = tag.tokens.filter((token) => token !== 'latest' && token !== 'onbuild');
  const release = tag.os?.release;
  const at = release === undefined ? -1 : tokens.indexOf(release);
  if (at < 0) tokens.push('slim');
  else tokens.splice(releaseThenSlim ? at + 1 : at, 0, 'slim');
  return `${repository}:${tokens.join('-')}`;
}

interface BuildpackLanguageSpec {
  readonly language: LanguageName;
  readonly releaseThenSlim: boolean;
  readonly users: readonly string[];
  readonly windows: boolean;
  readonly extras: readonly string[];
  readonly version?: (tag: TagInfo) => string | undefined;
}

/** python, node, ruby: full = buildpack-deps (sdk), `-slim` = debian-slim, `-alpine`, optional Windows. */
function buildpackLanguage(spec: BuildpackLanguageSpec): ImageTableEntry['describe'] {
  return (tag, repository) => {
    if (!extrasWithin(tag, spec.extras)) return undefined;
    const os = tag.os;
    let base: ImageDraft;
    if (os === undefined || os.family === 'debian') {
      base = tag.slim
        ? debianLayer(os?.release)
        : asSdk(buildpackDepsLayer(os), slimSibling(repository, tag, spec.releaseThenSlim));
    } else if (os.family === 'alpine' && !tag.slim) base = alpineLayer(os.release);
    else if (os.family === 'windows' && spec.windows) base = windowsLayer(os.edition, os.release);
    else return undefined;
    if (os?.family !== 'windows') base = withUsers(base, ...spec.users);
    return withLanguage(base, spec.language, spec.version ? spec.version(tag) : tag.version);
  };
}

/** Go binaries built with CGO_ENABLED=0 need no libc: distroless/static of the builder's Debian release. */
function distrolessStaticFor(release: string | undefined): string {
  const debian = release === 'trixie' || release === 'forky' ? '13' : release === 'bullseye' || release === 'buster' ? '11' : '12';
  return `gcr.io/distroless/static-debian${debian}`;
}

/** `debian:<release>-slim`; without a release, stable-slim (default tags follow Debian stable). */
function debianSlim(release: string | undefined): string {
  return `debian:${release ?? 'stable'}-slim`;
}

function alpineImage(os: OsHint): string {
  return os.release === undefined ? 'alpine' : `alpine:${os.release}`;
}

/** Java feature release: `21.0.2_13` → 21, `8u402` → 8, `1.8` → 8. */
function javaMajor(version: string | undefined): number | undefined {
  const legacy = version === undefined ? undefined : /^1\.(\d+)/.exec(version)?.[1];
  return legacy === undefined ? majorOf(version) : Number(legacy);
}

/** The eclipse-temurin JRE matching a JDK on `os` (same Ubuntu release / Alpine / Windows edition / UBI). */
function temurinJre(major: number, os: OsHint | undefined): string {
  const suffix: string[] = [];
  if (os?.family === 'alpine') suffix.push('alpine');
  else if (os?.family === 'ubuntu' && os.release !== undefined) suffix.push(os.release);
  else if (os?.family === 'windows' && os.edition !== undefined) {
    suffix.push(os.edition === 'servercore' ? 'windowsservercore' : 'nanoserver');
    if (os.release !== undefined) suffix.push(os.release);
  } else if (os?.family === 'rhel' && os.release !== undefined) suffix.push(os.release, 'minimal');
  return `eclipse-temurin:${[String(major), 'jre', ...suffix].join('-')}`;
}

/** eclipse-temurin (adoptium/containers): Ubuntu by default with curl and wget; `-jre` is the runtime. */
function describeTemurin(tag: TagInfo, repository: string): ImageDraft | undefined {
  if (tag.slim || !tag.extras.every((token) => token === 'jdk' || token === 'jre' || /^b\d+$/.test(token))) return undefined;
  const os = tag.os;
  let base: ImageDraft;
  if (os === undefined || os.family === 'ubuntu') base = withTools(ubuntuLayer(os?.release), { curl: 'yes', wget: 'yes' });
  else if (os.family === 'alpine') base = withTools(alpineLayer(os.release), { curl: 'unknown' });
  else if (os.family === 'windows') base = windowsLayer(os.edition, os.release);
  else if (os.family === 'rhel') base = rpmLayer(tag.minimal ? 'microdnf' : 'dnf', os.release);
  else return undefined;
  const facts = withLanguage(base, 'java', tag.version);
  if (tag.extras.includes('jre')) return facts;
  let alternative: string | undefined;
  if (tag.version !== undefined) {
    const tokens = [...tag.tokens];
    const jdk = tokens.indexOf('jdk');
    if (jdk >= 0) tokens[jdk] = 'jre';
    else tokens.splice(tokens.indexOf(tag.version) + 1, 0, 'jre');
    alternative = `${repository}:${tokens.join('-')}`;
  }
  return asSdk(facts, alternative);
}

/** openjdk (deprecated): Debian up to 11, Oracle Linux from 12; `-jre` tags are runtimes. */
function describeOpenjdk(tag: TagInfo): ImageDraft | undefined {
  const oracle = tag.extras.some((token) => token === 'oracle' || /^oraclelinux\d$/.test(token));
  if (!tag.extras.every((token) => ['jdk', 'jre'].includes(token) || /^\d+$/.test(token) || token === 'oracle' || /^oraclelinux\d$/.test(token))) return undefined;
  const os = tag.os;
  const major = javaMajor(tag.version);
  let base: ImageDraft;
  if (os?.family === 'debian' || (os === undefined && tag.slim)) {
    base = tag.slim ? withTools(debianLayer(os?.release), { curl: 'unknown', wget: 'unknown' }) : buildpackDepsLayer(os);
  } else if (os !== undefined) {
    const layer = layerForHint(os);
    if (layer === undefined || tag.slim) return undefined;
    base = layer;
  } else if (oracle || (major !== undefined && major >= 12)) base = rpmLayer('unknown', undefined);
  else if (major !== undefined) base = buildpackDepsLayer(undefined);
  else base = unknownOsLayer();
  const facts = withLanguage(base, 'java', tag.version);
  if (tag.extras.includes('jre')) return facts;
  return asSdk(facts, major === undefined || os?.family === 'windows' ? undefined : temurinJre(major, os?.family === 'alpine' ? os : undefined));
}

/** amazoncorretto: Amazon Linux (or Alpine); `-jre`/`-headless` tags are runtimes; no JRE sibling to suggest. */
function describeCorretto(tag: TagInfo): ImageDraft | undefined {
  if (tag.slim || !extrasWithin(tag, ['jdk', 'jre', 'headless', 'al2', 'al2023'])) return undefined;
  const os = tag.os;
  if (os !== undefined && os.family !== 'alpine') return undefined;
  const base = os === undefined
    ? rpmLayer(tag.extras.includes('al2') ? 'yum' : 'unknown', undefined)
    : withTools(alpineLayer(os.release), { curl: 'unknown' });
  const facts = withLanguage(base, 'java', tag.version);
  return tag.extras.includes('jre') || tag.extras.includes('headless') ? facts : asSdk(facts, undefined);
}

/**
 * maven (`3.9-eclipse-temurin-21-alpine`, `3-amazoncorretto-17`) and gradle (`8-jdk21-jammy`,
 * `8-jdk21-corretto`): JDK vendor and release from the tag; the default vendor is eclipse-temurin.
 */
function describeJavaBuildTool(tag: TagInfo, tool: 'maven' | 'gradle'): ImageDraft | undefined {
  const vendorTokens = tool === 'maven'
    ? ['eclipse', 'temurin', 'amazoncorretto', 'ibm', 'semeru', 'sapmachine', 'openjdk', 'jdk', 'al2023']
    : ['jdk', 'graal', 'corretto', 'ubi', 'lts', 'and', 'current'];
  const numbers = tag.extras.filter((token) => /^\d+$/.test(token));
  const jdkToken = tag.extras.find((token) => /^jdk\d+$/.test(token));
  if (numbers.length > 1 || !tag.extras.every((token) => vendorTokens.includes(token) || numbers.includes(token) || token === jdkToken)) {
    return undefined;
  }
  const javaVersion = tool === 'maven' ? numbers[0] : jdkToken?.slice('jdk'.length);
  // Old maven tags (`3-jdk-11`) were built on openjdk.
  const vendor = tag.extras.find((token) => ['amazoncorretto', 'corretto', 'semeru', 'sapmachine', 'openjdk', 'graal', 'ubi'].includes(token))
    ?? (tool === 'maven' && tag.extras.includes('jdk') ? 'openjdk' : 'temurin');
  const os = tag.os;
  let base: ImageDraft;
  if (os?.family === 'alpine') base = withTools(alpineLayer(os.release), { curl: 'unknown' });
  else if (os?.family === 'windows') base = windowsLayer(os.edition, os.release);
  else if (vendor === 'amazoncorretto' || vendor === 'corretto' || vendor === 'ubi') base = rpmLayer('unknown', undefined);
  else if (vendor === 'temurin' && (os === undefined || os.family === 'ubuntu')) {
    base = withTools(ubuntuLayer(os?.release), { curl: 'yes', wget: 'yes' });
  } else if (vendor === 'semeru' || vendor === 'sapmachine') base = os?.family === 'ubuntu' || os === undefined ? ubuntuLayer(os?.release) : unknownOsLayer();
  else base = unknownOsLayer();
  if (tool === 'gradle') {
    // docker-gradle renames the `ubuntu` user to `gradle` on Ubuntu 24.04, so the passwd is not known exactly.
    base = { ...base, users: [...base.users.filter((user) => user !== 'ubuntu'), 'gradle'], usersComplete: false, defaultUser: undefined };
  }
  const major = javaVersion === undefined ? undefined : Number(javaVersion);
  const alternative = vendor === 'temurin' && major !== undefined && os?.family !== 'windows' ? temurinJre(major, os) : undefined;
  return asSdk(withLanguage(base, 'java', javaVersion), alternative);
}

/** mcr.microsoft.com/dotnet/{sdk,aspnet,runtime,runtime-deps}: Debian up to 9.0, Ubuntu from 10.0; user `app` from 8.0. */
function describeDotnet(tag: TagInfo, repository: string): ImageDraft | undefined {
  if (!extrasWithin(tag, ['chiseled', 'extra', 'composite', 'aot', 'distroless'])) return undefined;
  const os = tag.os;
  if (tag.slim && os?.family !== 'debian') return undefined;
  const major = majorOf(tag.version);
  let base = os === undefined
    ? (major !== undefined && major < 10 ? debianLayer(undefined) : ubuntuLayer(undefined))
    : layerForHint(os);
  if (base === undefined || base.family === 'rhel') return undefined;
  const kind = repository.slice(repository.lastIndexOf('/') + 1);
  if (base.family !== 'windows') {
    if (tag.extras.includes('chiseled') || tag.extras.includes('distroless')) {
      // Chiseled/distroless images hold only root and `app` in passwd, no shell, and run as `app`.
      base = {
        ...base, packageManager: 'none', users: ['app'], usersComplete: base.family === 'ubuntu', defaultUser: 'app',
        tools: toolset('no', 'no', 'no', 'no', 'no'),
      };
    } else if (major === undefined || major >= 8) base = withUsers(base, 'app');
    if (kind === 'sdk' && base.family !== 'azurelinux') base = withTools(base, { curl: 'yes', wget: 'yes' });
  }
  const facts = withLanguage(base, 'dotnet', tag.version === undefined ? undefined : majorMinor(tag.version));
  if (kind !== 'sdk') return facts;
  const aot = tag.extras.includes('aot');
  const runtimeRepository = repository.replace(/\/sdk$/, aot ? '/runtime-deps' : '/aspnet');
  const tokens = tag.tokens.filter((token) => token !== 'aot').map((token) => (token === tag.version ? majorMinor(token) : token));
  return asSdk(facts, tokens.length === 0 ? runtimeRepository : `${runtimeRepository}:${tokens.join('-')}`);
}

export const LANGUAGE_IMAGES: readonly ImageTableEntry[] = [
  {
    match: ['python'],
    describe: buildpackLanguage({ language: 'python', releaseThenSlim: false, users: [], windows: true, extras: ['onbuild'] }),
  },
  {
    match: ['node'],
    describe: buildpackLanguage({
      language: 'node', releaseThenSlim: true, users: ['node'], windows: false, extras: [...NODE_CODENAMES.keys(), 'onbuild'],
      version: (tag) => tag.version ?? tag.extras.map((token) => NODE_CODENAMES.get(token)).find((v) => v !== undefined),
    }),
  },
  {
    match: ['ruby'],
    describe: buildpackLanguage({ language: 'ruby', releaseThenSlim: false, users: [], windows: false, extras: [] }),
  },
  {
    // docker-library/golang: buildpack-deps:*-scm + gcc (curl, wget, git), alpine, Windows.
    match: ['golang'],
    describe: (tag) => {
      if (tag.slim || !extrasWithin(tag, ['onbuild'])) return undefined;
      const os = tag.os;
      let base: ImageDraft;
      if (os === undefined || os.family === 'debian') base = asSdk(buildpackDepsLayer(os), distrolessStaticFor(os?.release));
      else if (os.family === 'alpine') base = asSdk(alpineLayer(os.release), alpineImage(os));
      else if (os.family === 'windows') {
        base = asSdk(windowsLayer(os.edition, os.release), os.release === undefined ? undefined : `mcr.microsoft.com/windows/nanoserver:${os.release}`);
      } else return undefined;
      return withLanguage(base, 'go', tag.version);
    },
  },
  {
    // rust-lang/docker-rust: full = buildpack-deps; slim = debian-slim + gcc (wget removed); alpine + gcc.
    match: ['rust'],
    describe: (tag) => {
      if (!extrasWithin(tag, [])) return undefined;
      const os = tag.os;
      let base: ImageDraft;
      if (os === undefined || os.family === 'debian') {
        base = asSdk(tag.slim ? debianLayer(os?.release) : buildpackDepsLayer(os), debianSlim(os?.release));
      } else if (os.family === 'alpine' && !tag.slim) base = asSdk(alpineLayer(os.release), alpineImage(os));
      else return undefined;
      return withLanguage(base, 'rust', tag.version);
    },
  },
  {
    // docker-library/php: debian-slim or alpine plus curl (kept for `docker-php-ext-*`); Alpine adds www-data (82).
    match: ['php'],
    describe: (tag) => {
      if (tag.slim || !extrasWithin(tag, ['apache', 'fpm', 'cli', 'zts'])) return undefined;
      const os = tag.os;
      let base: ImageDraft;
      if (os === undefined || os.family === 'debian') base = debianLayer(os?.release);
      else if (os.family === 'alpine') base = withUsers(alpineLayer(os.release), 'www-data');
      else return undefined;
      return withLanguage(withTools(base, { curl: 'yes' }), 'php', tag.version);
    },
  },
  {
    // docker-library/gcc: buildpack-deps (Debian) plus a compiled GCC.
    match: ['gcc'],
    describe: (tag) => {
      if (tag.slim || !extrasWithin(tag, []) || (tag.os !== undefined && tag.os.family !== 'debian')) return undefined;
      return { ...asSdk(buildpackDepsLayer(tag.os), debianSlim(tag.os?.release)), language: { name: 'unknown' } };
    },
  },
  {
    // ghcr.io/astral-sh/uv: `python3.12-bookworm-slim` = python:3.12-slim-bookworm + uv, `bookworm-slim` =
    // debian:bookworm-slim + uv, `alpine` = alpine + uv; bare version tags hold only the uv binaries (FROM scratch).
    match: ['ghcr.io/astral-sh/uv'],
    describe: (tag, repository) => {
      const python = tag.extras.find((token) => /^python\d+\.\d+$/.test(token));
      if (!tag.extras.every((token) => token === python || token === 'debian')) return undefined;
      const os = tag.os ?? (tag.extras.includes('debian') ? { family: 'debian' as const, release: undefined } : undefined);
      if (os === undefined) return python === undefined && !tag.slim ? scratchLayer() : undefined;
      if (python === undefined) {
        if (os.family === 'alpine') return alpineLayer(os.release);
        if (os.family !== 'debian') return undefined;
        return tag.slim ? debianLayer(os.release) : asSdk(buildpackDepsLayer(os), slimSibling(repository, tag, true));
      }
      const facts = buildpackLanguage({ language: 'python', releaseThenSlim: true, users: [], windows: false, extras: [python] })(tag, repository);
      return facts && withLanguage(facts, 'python', python.slice('python'.length));
    },
  },
  { match: ['eclipse-temurin'], describe: describeTemurin },
  { match: ['openjdk'], describe: describeOpenjdk },
  { match: ['amazoncorretto'], describe: describeCorretto },
  { match: ['maven'], describe: (tag) => describeJavaBuildTool(tag, 'maven') },
  { match: ['gradle'], describe: (tag) => describeJavaBuildTool(tag, 'gradle') },
  { match: /^mcr\.microsoft\.com\/dotnet\/(?:core\/|nightly\/)?(?:sdk|aspnet|runtime|runtime-deps)$/, describe: describeDotnet },
];
