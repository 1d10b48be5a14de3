/**
 * What BuildKit's Dockerfile frontend accepts at parse time (frontend/dockerfile/instructions/parse.go and
 * bflag.go): the instruction set, the flags of each instruction with their value types, and the `--mount`
 * options of RUN. Flags that only `-labs` syntaxes enable are accepted too: we only report what no BuildKit
 * release accepts, never a flag a user may legitimately enable.
 */
import { own } from './ownKey';

export const INSTRUCTIONS: readonly string[] = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];

/** BuildKit's stage-name grammar, checked on the lower-cased name (`FROM … AS <name>` must match it). */
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export function isValidStageName(key: string): boolean {
  return STAGE_NAME.test(key);
}

/**
 * BuildKit flag value types: `bool` takes `--x`, `--x=true|false`; `string` requires `=value` and may not repeat;
 * `strings` requires `=value` and may repeat.
 */
export type FlagType = 'bool' | 'string' | 'strings';

export const INSTRUCTION_FLAGS: Readonly<Record<string, Readonly<Record<string, FlagType>>>> = {
  FROM: { platform: 'string' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  ADD: {
    chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'strings',
    unpack: 'bool',
  },
  RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

export function flagsOf(keyword: string): Readonly<Record<string, FlagType>> {
  return own(INSTRUCTION_FLAGS, keyword) ?? {};
}

export const MOUNT_TYPES: readonly string[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];

export const MOUNT_KEYS: readonly string[] = [
  'type', 'from', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'readwrite', 'rw', 'required',
  'id', 'sharing', 'mode', 'uid', 'gid', 'size', 'env',
];

export const MOUNT_SHARING: readonly string[] = ['shared', 'private', 'locked'];
export const NETWORK_MODES: readonly string[] = ['default', 'none', 'host'];
export const SECURITY_MODES: readonly string[] = ['sandbox', 'insecure'];

/** Instructions BuildKit reads heredocs for (`<<EOF`), unless written in JSON form. */
export const HEREDOC_INSTRUCTIONS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD']);

/**
 * Go's `time.ParseDuration` grammar (HEALTHCHECK intervals): `300ms`, `1m30s`, `1.5h`, `0`. The micro signs
 * (U+00B5, U+03BC) are written as escapes: one non-ASCII character in the bundle makes V8 hold the server's whole
 * source as a two-byte string (3.4 MB instead of 1.7 MB).
 */
export function isGoDuration(value: string): boolean {
  return value === '0' || /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/.test(value);
}

/** Go duration in milliseconds (NaN when unparsable). */
export function goDurationMs(value: string): number {
  if (!isGoDuration(value)) return Number.NaN;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, '\u00b5s': 1e-3, '\u03bcs': 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };
  let total = 0;
  for (const m of value.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/g)) total += Number(m[1]) * unit[m[2]!]!;
  return value.startsWith('-') ? -total : total;
}

/** The distribution reference grammar (`docker.io/library/alpine:3.19@sha256:…`). */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);

/** True when `ref` is a syntactically valid image reference (what `docker pull` would accept). */
export function isValidImageReference(ref: string): boolean {
  if (ref.length > 255 + 128 + 80) return false;
  return REFERENCE.test(ref);
}
