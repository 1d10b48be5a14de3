/**
 * Facts of the operating-system layers every curated image sits on. Language and server images in
 * `baseImageTable.ts` start from one of these and override what their own Dockerfile changes.
 *
 * User lists are deliberately supersets across releases (a user that exists in some release is
 * listed): a listed user never makes a rule fire, so an extra name can only hide a finding, never
 * invent one.
 */
import type { ImageDraft, LanguageName, ToolAvailability, Tri } from './baseImageTypes';
import { DEBIAN_RELEASES, UBUNTU_RELEASES, ubuntuAtLeast2304, type OsHint } from './imageTag';

export function toolset(curl: Tri, wget: Tri, sh: Tri, bash: Tri, busybox: Tri): ToolAvailability {
  return { curl, wget, sh, bash, busybox };
}

export const UNKNOWN_TOOLS = toolset('unknown', 'unknown', 'unknown', 'unknown', 'unknown');

/** Debian's base-passwd (jessie … trixie); `gnats` left trixie, kept for older releases. */
export const DEBIAN_USERS: readonly string[] = [
  'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup',
  'list', 'irc', 'gnats', 'nobody', '_apt',
];

/**
 * alpine-baselayout's /etc/passwd; 3.17 dropped the rarely used accounts (adm, operator, man, …),
 * kept here for older releases. Alpine has a `www-data` group but no `www-data` user.
 */
export const ALPINE_USERS: readonly string[] = [
  'bin', 'daemon', 'adm', 'lp', 'sync', 'shutdown', 'halt', 'mail', 'news', 'uucp', 'operator', 'man', 'postmaster',
  'cron', 'ftp', 'sshd', 'at', 'squid', 'xfs', 'games', 'cyrus', 'vpopmail', 'ntp', 'smmsp', 'guest', 'nobody',
];

/** The `setup` package of RPM distributions (other packages add more, so these lists are never complete). */
export const RPM_USERS: readonly string[] = [
  'bin', 'daemon', 'adm', 'lp', 'sync', 'shutdown', 'halt', 'mail', 'operator', 'games', 'ftp', 'nobody',
];

/** GoogleContainerTools/distroless base/nonroot passwd: root (0), nonroot (65532), nobody (65534). */
export const DISTROLESS_USERS: readonly string[] = ['nonroot', 'nobody'];

export const WINDOWS_USERS: readonly string[] = ['ContainerUser', 'ContainerAdministrator'];

const NO_LANGUAGE = { name: 'none' } as const;

/** A draft with the common defaults: runtime, no language, no users, root, no alternative. */
export function makeDraft(partial: Partial<ImageDraft> & Pick<ImageDraft, 'family' | 'libc' | 'packageManager' | 'tools'>): ImageDraft {
  return {
    osRelease: undefined,
    variant: 'runtime',
    language: NO_LANGUAGE,
    users: [],
    usersComplete: false,
    defaultUser: 'root',
    runtimeAlternative: undefined,
    ...partial,
  };
}

/** debian / debian-slim (docker-library/debian): no curl, no wget, dash and bash. */
export function debianLayer(release: string | undefined): ImageDraft {
  return makeDraft({
    family: 'debian', osRelease: release, libc: 'glibc', packageManager: 'apt',
    users: DEBIAN_USERS, usersComplete: true, tools: toolset('no', 'no', 'yes', 'yes', 'no'),
  });
}

/** ubuntu (docker-library/ubuntu = Canonical's minimal cloud image): no curl/wget; user `ubuntu` from 23.04. */
export function ubuntuLayer(release: string | undefined): ImageDraft {
  // Without a release the tag tracks a current LTS (24.04 or later), which has the `ubuntu` user.
  const hasUbuntuUser = ubuntuAtLeast2304(release) ?? true;
  return makeDraft({
    family: 'ubuntu', osRelease: release, libc: 'glibc', packageManager: 'apt',
    users: hasUbuntuUser ? [...DEBIAN_USERS, 'ubuntu'] : DEBIAN_USERS, usersComplete: true,
    tools: toolset('no', 'no', 'yes', 'yes', 'no'),
  });
}

/** alpine (docker-library/alpine): musl, apk, busybox provides sh and wget; no curl, no bash. */
export function alpineLayer(release: string | undefined): ImageDraft {
  return makeDraft({
    family: 'alpine', osRelease: release, libc: 'musl', packageManager: 'apk',
    users: ALPINE_USERS, usersComplete: true, tools: toolset('no', 'yes', 'yes', 'no', 'yes'),
  });
}

/** buildpack-deps (curl, scm and full variants all install curl and wget) on Debian or Ubuntu. */
export function buildpackDepsLayer(os: OsHint | undefined): ImageDraft {
  const base = os?.family === 'ubuntu' ? ubuntuLayer(os.release) : debianLayer(os?.release);
  return { ...base, tools: { ...base.tools, curl: 'yes', wget: 'yes' } };
}

/** Windows Server Core / Nano Server: no POSIX shell; Nano Server images run as ContainerUser. */
export function windowsLayer(edition: 'servercore' | 'nanoserver' | undefined, release: string | undefined): ImageDraft {
  return makeDraft({
    family: 'windows', osRelease: release, libc: 'unknown', packageManager: 'none',
    users: WINDOWS_USERS, usersComplete: false,
    defaultUser: edition === 'nanoserver' ? 'ContainerUser' : edition === 'servercore' ? 'ContainerAdministrator' : undefined,
    tools: toolset('unknown', 'unknown', 'no', 'no', 'no'),
  });
}

/** RPM distributions (UBI, Fedora, Rocky, Alma, Oracle Linux, Amazon Linux, CentOS). */
export function rpmLayer(packageManager: ImageDraft['packageManager'], release: string | undefined): ImageDraft {
  return makeDraft({
    family: 'rhel', osRelease: release, libc: 'glibc', packageManager, users: RPM_USERS,
    tools: packageManager === 'none'
      ? UNKNOWN_TOOLS
      : toolset('unknown', 'unknown', 'yes', 'yes', 'no'),
  });
}

/** Azure Linux / CBL-Mariner base images (tdnf). */
export function azureLinuxLayer(release: string | undefined): ImageDraft {
  return makeDraft({
    family: 'azurelinux', osRelease: release, libc: 'glibc', packageManager: 'tdnf', users: RPM_USERS,
    tools: toolset('unknown', 'unknown', 'yes', 'yes', 'no'),
  });
}

/** `FROM scratch`: an empty filesystem — no libc, no passwd (only numeric USERs work), no tools. */
export function scratchLayer(): ImageDraft {
  return makeDraft({
    family: 'scratch', libc: 'none', packageManager: 'none', users: [], usersComplete: true, defaultUser: 'root',
    tools: toolset('no', 'no', 'no', 'no', 'no'),
  });
}

/** The OS layer a tag names, or undefined when the tag names none. */
export function layerForHint(os: OsHint | undefined): ImageDraft | undefined {
  switch (os?.family) {
    case 'debian': return debianLayer(os.release);
    case 'ubuntu': return ubuntuLayer(os.release);
    case 'alpine': return alpineLayer(os.release);
    case 'windows': return windowsLayer(os.edition, os.release);
    case 'rhel': return rpmLayer('unknown', os.release);
    case 'azurelinux': return azureLinuxLayer(os.release);
    default: return undefined;
  }
}

/** `12` / `12.5` → `bookworm`; codenames and suite names pass through. */
export function debianRelease(versionOrName: string | undefined): string | undefined {
  if (versionOrName === undefined) return undefined;
  const major = /^(\d+)/.exec(versionOrName)?.[1];
  if (major !== undefined) {
    for (const [name, number] of DEBIAN_RELEASES) if (number === major) return name;
    return undefined;
  }
  return versionOrName;
}

/** `24.04` → `noble`; codenames pass through. */
export function ubuntuRelease(versionOrName: string | undefined): string | undefined {
  if (versionOrName === undefined) return undefined;
  for (const [name, version] of UBUNTU_RELEASES) if (version === versionOrName || name === versionOrName) return name;
  return undefined;
}

/** Nothing is known about the OS layer (used when only the language or users are certain). */
export function unknownOsLayer(): ImageDraft {
  return makeDraft({
    family: 'unknown', libc: 'unknown', packageManager: 'unknown', tools: UNKNOWN_TOOLS, defaultUser: undefined,
  });
}

export function withLanguage(base: ImageDraft, name: LanguageName, version: string | undefined): ImageDraft {
  return { ...base, language: version === undefined ? { name } : { name, version } };
}

/** Adds users the image's own Dockerfile creates. */
export function withUsers(base: ImageDraft, ...names: string[]): ImageDraft {
  return { ...base, users: [...base.users, ...names.filter((name) => !base.users.includes(name))] };
}

export function withTools(base: ImageDraft, tools: Partial<ToolAvailability>): ImageDraft {
  return { ...base, tools: { ...base.tools, ...tools } };
}

/** Marks a build image, with the image to ship instead when one is known. */
export function asSdk(base: ImageDraft, runtimeAlternative: string | undefined): ImageDraft {
  return { ...base, variant: 'sdk', runtimeAlternative };
}
