/**
 * Reads the conventions official images use in their tags (`3.12-slim-bookworm`, `20-alpine3.19`,
 * `17-jdk-jammy`, `8.0-nanoserver-ltsc2022`, `10.0-noble-chiseled-amd64`) into a structured form the
 * base-image table can match on. The tag is split on `-`; each token is classified once.
 */

export type OsHintFamily = 'debian' | 'ubuntu' | 'alpine' | 'windows' | 'rhel' | 'azurelinux';

export interface OsHint {
  readonly family: OsHintFamily;
  /** `bookworm`, `noble`, `3.19`, `ltsc2022`, `ubi9`, `3.0`; undefined when the tag names only the family. */
  readonly release: string | undefined;
  /** Windows only. */
  readonly edition?: 'servercore' | 'nanoserver';
}

export interface TagInfo {
  /** The tag as written; '' when the reference has none (Docker then pulls `latest`). */
  readonly raw: string;
  readonly tokens: readonly string[];
  /** First token that starts with a digit (`3.12`, `8u402`, `21.0.2_13`, `v3.0`). */
  readonly version: string | undefined;
  /** A moving name instead of (or besides) a version: `latest`, `lts`, `stable`, `mainline`, `edge`, … */
  readonly channel: string | undefined;
  readonly os: OsHint | undefined;
  readonly slim: boolean;
  /** `minimal` (UBI / Rocky / Alma minimal images). */
  readonly minimal: boolean;
  readonly arch: string | undefined;
  /** Tokens none of the above explain, in order (`jdk`, `apache`, `chiseled`, `eclipse`, `21`, …). */
  readonly extras: readonly string[];
}

/** Debian codenames with their release numbers (debian:12 is bookworm). */
export const DEBIAN_RELEASES: ReadonlyMap<string, string> = new Map([
  ['squeeze', '6'], ['wheezy', '7'], ['jessie', '8'], ['stretch', '9'], ['buster', '10'], ['bullseye', '11'],
  ['bookworm', '12'], ['trixie', '13'], ['forky', '14'], ['duke', '15'], ['sid', 'unstable'],
]);

/** Ubuntu codenames in release order with their versions. */
export const UBUNTU_RELEASES: ReadonlyMap<string, string> = new Map([
  ['trusty', '14.04'], ['xenial', '16.04'], ['bionic', '18.04'], ['focal', '20.04'], ['jammy', '22.04'],
  ['kinetic', '22.10'], ['lunar', '23.04'], ['mantic', '23.10'], ['noble', '24.04'], ['oracular', '24.10'],
  ['plucky', '25.04'], ['questing', '25.10'], ['resolute', '26.04'],
]);

const CHANNELS = new Set([
  'latest', 'lts', 'current', 'stable', 'mainline', 'rolling', 'devel', 'edge', 'nightly', 'beta', 'rc', 'tip',
  'ea', 'oldstable', 'testing', 'unstable',
]);

const ARCHES = new Set([
  'amd64', 'arm64', 'arm64v8', 'arm32v7', 'arm32v6', 'arm32v5', 'armhf', 'armel', 'i386', 'ppc64le', 's390x',
  'riscv64', 'x86_64', 'aarch64', 'mips64le', 'loong64',
]);

const WINDOWS_BUILDS = /^(?:ltsc\d{4}|1809|1903|1909|2004|20h2|21h2)$/;

/** Splits a tag (without the leading `:`) into version, channel, OS hint, flags and leftovers. */
export function parseTag(tag: string | undefined): TagInfo {
  const raw = tag ?? '';
  const tokens = raw === '' ? [] : raw.toLowerCase().split('-');
  const windowsEdition = tokens.includes('windowsservercore') || tokens.includes('servercore')
    ? 'servercore'
    : tokens.includes('nanoserver') ? 'nanoserver' : undefined;
  let version: string | undefined;
  let channel: string | undefined;
  let os: OsHint | undefined;
  let slim = false;
  let minimal = false;
  let arch: string | undefined;
  const extras: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const alpine = /^alpine(\d+\.\d+)?$/.exec(token);
    if (DEBIAN_RELEASES.has(token)) os = { family: 'debian', release: token };
    else if (UBUNTU_RELEASES.has(token)) os = { family: 'ubuntu', release: token };
    else if (alpine) {
      let release = alpine[1];
      // eclipse-temurin writes the Alpine release as its own token: `21-jre-alpine-3.21`.
      const next = tokens[i + 1];
      if (release === undefined && next !== undefined && /^3\.\d+$/.test(next)) {
        release = next;
        i++;
      }
      os = { family: 'alpine', release };
    } else if (token === 'windowsservercore' || token === 'servercore' || token === 'nanoserver') {
      os = { family: 'windows', release: os?.family === 'windows' ? os.release : undefined, edition: windowsEdition };
    } else if (WINDOWS_BUILDS.test(token) && (windowsEdition !== undefined || token.startsWith('ltsc'))) {
      os = { family: 'windows', release: token, ...(windowsEdition ? { edition: windowsEdition } : {}) };
    } else if (/^ubi\d+$/.test(token)) os = { family: 'rhel', release: token };
    else if (/^azurelinux\d+(\.\d+)?$/.test(token)) os = { family: 'azurelinux', release: token.slice('azurelinux'.length) };
    else if (token === 'cbl' && tokens[i + 1]?.startsWith('mariner')) {
      os = { family: 'azurelinux', release: tokens[i + 1] };
      i++;
    } else if (token === 'slim') slim = true;
    else if (token === 'minimal') minimal = true;
    else if (ARCHES.has(token)) arch = token;
    else if (version === undefined && /^v?\d/.test(token)) version = token;
    else if (channel === undefined && CHANNELS.has(token)) channel = token;
    else extras.push(token);
  }
  return { raw, tokens, version, channel, os, slim, minimal, arch, extras };
}

/** `major.minor` prefix of a version (`8.0.100` → `8.0`, `3.12.1` → `3.12`, `3` → `3`). */
export function majorMinor(version: string): string {
  const match = /^v?(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) return version;
  return match[2] === undefined ? (match[1] ?? version) : `${match[1]}.${match[2]}`;
}

/** Leading integer of a version (`21.0.2_13` → 21, `8u402` → 8). */
export function majorOf(version: string | undefined): number | undefined {
  if (version === undefined) return undefined;
  const match = /^v?(\d+)/.exec(version);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** True when every extra token is in `allowed` (tables reject tags with tokens they do not understand). */
export function extrasWithin(tag: TagInfo, allowed: readonly string[]): boolean {
  return tag.extras.every((token) => allowed.includes(token));
}

/** True when the Ubuntu release (codename or version) is 23.04 or later, undefined when unknown. */
export function ubuntuAtLeast2304(release: string | undefined): boolean | undefined {
  if (release === undefined) return undefined;
  const version = UBUNTU_RELEASES.get(release) ?? release;
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number(match[2]) >= 2304;
}
