/**
 * Shortcuts in package facts must answer as the general readings they skip: bare deb/apk operand names (no match
 * made) and rm operands without a brace list or anything to normalise (no replacement made). The general readings
 * are written out here as they were before the shortcuts, and both are compared on every operand of the corpus's
 * install and rm commands, on edited copies of them, and on hand-picked odd ones.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { cacheKindsUnder, cleanupKinds } from '../../server/src/analysis/packageCaches';
import { parseSpec, type ParsedSpec } from '../../server/src/analysis/packageSpecs';
import { runScriptsOf } from '../../server/src/analysis/runScript';
import { commandArgs, commandName, parseShell } from '../../server/src/analysis/shell';
import { corpusTexts } from '../support/corpus';

function result(name: string, constraint: string, version: string | undefined, qualifier?: string): ParsedSpec {
  return { name, version: version === '' ? undefined : version, constraint, qualifier, kind: 'name' };
}

function generalDeb(spec: string): ParsedSpec {
  const m = /^([^=:/]+)(?::([^=/]+))?(?:\/([^=]+))?(=.*)?$/.exec(spec);
  if (!m) return result(spec, '', undefined);
  const constraint = (m[3] ? '/' + m[3] : '') + (m[4] ?? '');
  return result(m[1]!, constraint, m[4]?.slice(1), m[2]);
}

function generalApk(spec: string): ParsedSpec {
  const m = /^([^=<>~@]+)(?:@([^=<>~]+))?((?:[<>]?=|[<>~])(.*))?$/.exec(spec);
  if (!m) return result(spec, '', undefined);
  const exact = m[3]?.startsWith('=') ? m[4] : undefined;
  return result(m[1]!, m[3] ?? '', exact, m[2]);
}

function generalNormalize(raw: string): string {
  let p = raw.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root').replace(/\/+/g, '/');
  const last = p.lastIndexOf('/');
  if (last >= 0 && /[*?[]/.test(p.slice(last + 1))) p = p.slice(0, last);
  return p.length > 1 ? p.replace(/\/$/, '') : p;
}

function generalBraces(word: string): string[] {
  const m = /^(.*?)\{([^{}]*,[^{}]*)\}(.*)$/s.exec(word);
  if (!m) return [word];
  return m[2]!.split(',').flatMap((part) => generalBraces(m[1]! + part + m[3]!));
}

/** The caches an rm operand removes, read the general way. */
function generalKinds(value: string, quoted: boolean): string[] | undefined {
  let kinds: string[] | undefined;
  for (const alternative of quoted ? [value] : generalBraces(value)) {
    const path = generalNormalize(alternative);
    if (path.length > 1 && path.startsWith('/')) for (const kind of cacheKindsUnder(path)) if (!(kinds ??= []).includes(kind)) kinds.push(kind);
  }
  return kinds;
}

const ODD = ['', '=', 'a=', ':', '/x', 'a:b', 'a/b', 'curl=7.*', 'libc6:arm64=2.36', 'x/bookworm-backports', '@edge', 'musl>1.2', 'a~1',
  'pkg@edge=1', '.deb', 'file.apk', './local.deb', 'http://x/y.deb', 'name\nmore', 'über', '$PKG', 'gcc-$V'];
const RM_ODD = ['/', '//', '~', '~/', '~/.cache', '$HOME/.npm/', '${HOME}//.cache/pip/*', '/var/lib/apt/lists/*', '/var//cache/apt/',
  '/tmp/{a,b}', '/var/{lib/apt/lists,cache/apt}/*', '{', '/x{', '/root/.cache/', 'relative/path', '/var/cache/apk/*.apk', '/usr/local/bundle/cache/?'];

function corpusOperands(): { specs: string[]; rm: { value: string; quoted: boolean }[] } {
  const specs = new Set<string>(ODD);
  const rm: { value: string; quoted: boolean }[] = RM_ODD.flatMap((value) => [{ value, quoted: false }, { value, quoted: true }]);
  for (const text of corpusTexts()) {
    const model = buildModel(text, {});
    for (const instr of model.instructions) {
      for (const s of runScriptsOf(model, instr)) {
        for (const c of s.script.commands) {
          const args = commandArgs(c);
          if (commandName(c) === 'rm') for (const w of args) rm.push({ value: w.value, quoted: w.quoted });
          else for (const w of args) {
            specs.add(w.value);
            specs.add(w.value.slice(1));
            specs.add(w.value + '=1');
          }
        }
      }
    }
  }
  return { specs: [...specs], rm };
}

describe('package fact shortcuts', () => {
  const { specs, rm } = corpusOperands();

  it('read deb and apk operands as the general match does', () => {
    const wrong: string[] = [];
    for (const spec of specs) {
      // Paths and URLs are told apart before either reading.
      const deb = parseSpec(spec, 'deb');
      if (deb.kind === 'name' && JSON.stringify(deb) !== JSON.stringify(generalDeb(spec))) wrong.push(`deb ${spec}`);
      const apk = parseSpec(spec, 'apk');
      if (apk.kind === 'name' && JSON.stringify(apk) !== JSON.stringify(generalApk(spec))) wrong.push(`apk ${spec}`);
    }
    expect(wrong).toEqual([]);
    if (corpusTexts().length) expect(specs.length).toBeGreaterThan(3000);
  });

  it('find the caches an rm operand removes as the general normalisation does', () => {
    const wrong: string[] = [];
    for (const { value, quoted } of rm) {
      const word = quoted ? `'${value.replace(/'/g, `'\\''`)}'` : value.replace(/([\s;&|<>()"'`\\])/g, '\\$1');
      const cmd = parseShell(`rm -rf -- ${word}`).commands[0]!;
      if (cmd.words.length !== 4 || cmd.words[3]!.value !== value) continue; // not written back as one word
      const found = cleanupKinds(cmd)[0]?.kinds;
      if (JSON.stringify(found) !== JSON.stringify(generalKinds(value, cmd.words[3]!.quoted))) wrong.push(value);
    }
    expect(wrong).toEqual([]);
    expect(rm.length).toBeGreaterThan(30);
  });
});

describe('parseSpec', () => {
  it('hands out its own object per operand, unchanged by later readings', () => {
    const a = parseSpec('curl=7.88*', 'deb');
    const b = parseSpec('./x.deb', 'deb');
    const c = parseSpec('flask[async]==2.0', 'python');
    expect(a).not.toBe(b);
    expect(a).toEqual({ name: 'curl', version: '7.88*', constraint: '=7.88*', qualifier: undefined, kind: 'name' });
    expect(b).toEqual({ name: './x.deb', version: undefined, constraint: '', qualifier: undefined, kind: 'path' });
    expect(c).toEqual({ name: 'flask', version: '2.0', constraint: '==2.0', qualifier: '[async]', kind: 'name' });
    expect(Object.keys(a)).toEqual(['name', 'version', 'constraint', 'qualifier', 'kind']);
  });
});
