import type { FlagInfo, Instr, Stage } from '../analysis/model';
import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';
import { own } from '../analysis/ownKey';

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd',
  'openbsd', 'plan9', 'solaris', 'windows', 'zos',
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle',
  'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64',
  'wasm',
]);
const ARCH_ALIASES: Readonly<Record<string, string>> = {
  i386: '386', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm',
};

/**
 * OS and architecture of a constant platform, normalised as containerd's `platforms.Parse` does; undefined
 * when it does not parse (then the build fails anyway and this rule has nothing to add).
 */
function parsePlatform(value: string): { os: string | undefined; arch: string | undefined } | undefined {
  const parts = value.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((p) => !/^[a-z0-9_-]+$/.test(p))) return undefined;
  const os = (p: string) => (p === 'macos' ? 'darwin' : p);
  const arch = (p: string) => own(ARCH_ALIASES, p) ?? p;
  if (parts.length === 1) {
    const only = parts[0]!;
    if (KNOWN_OS.has(os(only))) return { os: os(only), arch: undefined };
    if (KNOWN_ARCH.has(arch(only))) return { os: undefined, arch: arch(only) };
    return undefined;
  }
  return { os: os(parts[0]!), arch: arch(parts[1]!) };
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** `$TARGETPLATFORM`, `${TARGETPLATFORM}` or `${TARGETPLATFORM:-…}`: the platform the stage has anyway. */
function isTargetPlatformOnly(value: string): boolean {
  return /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM(?::?-[^}]*)?\})$/.test(unquote(value));
}

/** Removes `--platform=…` and the blanks after it. */
function removeFlag(instr: Instr, flag: FlagInfo) {
  const next = instr.args[0];
  const end = next && next.range.start.line === flag.range.end.line ? next.range.start : flag.range.end;
  return replace({ start: flag.range.start, end }, '');
}

function nameMentions(stage: Stage, platform: { os: string | undefined; arch: string | undefined }): boolean {
  const name = stage.name?.key;
  if (!name) return false;
  return (platform.os !== undefined && name.includes(platform.os)) || (platform.arch !== undefined && name.includes(platform.arch));
}

export default defineRule({
  id: 'platform-flag',
  meta: {
    category: 'suspicious',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'buildkit', id: 'RedundantTargetPlatform', relation: 'same' },
      { tool: 'buildkit', id: 'FromPlatformFlagConstDisallowed', relation: 'same' },
      { tool: 'hadolint', id: 'DL3065', relation: 'same' },
      { tool: 'hadolint', id: 'DL3029', relation: 'same' },
    ],
    messages: {
      redundant: "'--platform={{value}}' is redundant: a stage is built for the target platform by default",
      constant:
        "'--platform={{value}}' pins this stage to one platform, so a multi-platform build still runs it as {{value}} (name the stage after the platform if that is intended)",
      remove: "Remove '--platform={{value}}'",
    },
    docs: {
      summary: 'FROM --platform should be a build-time variable, and not the redundant $TARGETPLATFORM',
      rationale:
        '`FROM --platform=$TARGETPLATFORM` says what BuildKit does anyway, so it only adds noise. A constant ' +
        '(`--platform=linux/amd64`) forces the stage onto one platform: `docker build --platform linux/arm64` ' +
        'then still produces amd64 binaries, or runs them under emulation. Use `--platform=$BUILDPLATFORM` for ' +
        'cross-compiling builder stages, or leave the flag out. As in BuildKit, a stage whose name contains the ' +
        "platform's OS or architecture (`build_amd64`, selected later by `FROM build_${TARGETARCH}`) is " +
        'deliberate and not reported.',
      fixSafety: 'Removing `--platform=$TARGETPLATFORM` leaves the platform the stage is built for unchanged.',
      examples: {
        invalid: ['FROM --platform=$TARGETPLATFORM alpine:3.20 AS builder\n', 'FROM --platform=linux/amd64 alpine:3.20 AS base\n'],
        valid: [
          'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
          'FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build_arm64\nFROM build_${TARGETARCH} AS build\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.flag('platform');
      if (!flag || flag.value === null || !flag.valueRange) continue;
      const value = flag.value;
      if (isTargetPlatformOnly(value)) {
        report({
          messageId: 'redundant',
          data: { value },
          range: flag.range,
          tags: ['unnecessary'],
          fixes: [{ messageId: 'remove', data: { value }, safety: 'safe', edits: [removeFlag(stage.from, flag)] }],
        });
        continue;
      }
      if (value.includes('$')) continue;
      const platform = parsePlatform(unquote(value));
      if (!platform || nameMentions(stage, platform)) continue;
      report({ messageId: 'constant', data: { value: unquote(value) }, range: flag.range });
    }
  },
});
