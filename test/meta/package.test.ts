/**
 * The .vsix a user installs: `npm run package` (scripts/package.mjs, @vscode/vsce) is run into a temporary folder
 * and the archive is read back with a minimal zip reader, so the test sees exactly what ships: the whitelisted
 * files and nothing else (no node_modules/, no sources, no source maps), under 1 MB. The manifest checks are the
 * Marketplace's view of the extension: categories, icon, every setting and command described.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../shared/src/protocol';

const root = join(__dirname, '..', '..');
const BUILTINS = new Set(builtinModules);

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Entries of a zip archive, from its central directory (enough for vsce's output: no zip64, no spanning). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const EOCD = 0x06054b50;
  let eocd = -1;
  // The end-of-central-directory record is the last 22 bytes plus a comment of at most 65535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory header at ${offset}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localHeaderOffset;
  if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${entry.name}: unsupported compression method ${entry.method}`);
}

/** What the extension ships, as vsce names it inside the archive (it renames LICENSE, README and CHANGELOG). */
const EXPECTED_FILES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/stageGraphWebview.js',
  'extension/images/icon.png',
  'extension/package.json',
  'extension/readme.md',
  'extension/schemas/stagelint.schema.json',
];

type Json = Record<string, unknown>;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Json;

describe('the packaged extension (npm run package)', () => {
  let dir: string;
  let zip: Buffer;
  let entries: ZipEntry[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stagelint-package-test-'));
    const vsix = join(dir, 'stagelint.vsix');
    const result = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'package.mjs'), '--out', vsix, '--stage', join(dir, 'stage'), '--quiet'],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`scripts/package.mjs failed (${result.status}):\n${result.stdout}${result.stderr}`);
    zip = readFileSync(vsix);
    entries = zipEntries(zip);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const entry = (name: string): ZipEntry => {
    const found = entries.find((e) => e.name === name);
    if (!found) throw new Error(`${name} is not in the package`);
    return found;
  };

  it('contains exactly the whitelisted files', () => {
    expect(entries.map((e) => e.name).sort()).toEqual([...EXPECTED_FILES].sort());
  });

  it('ships no node_modules, no sources and no source maps', () => {
    const names = entries.map((e) => e.name);
    expect(names.filter((n) => /node_modules|\.map$|\.ts$|\.mts$|(^|\/)src\//.test(n))).toEqual([]);
    for (const bundle of ['client', 'server', 'stageGraphWebview']) {
      const text = zipRead(zip, entry(`extension/dist/${bundle}.js`)).toString('utf8');
      expect(text, `${bundle}.js`).not.toMatch(/sourceMappingURL/);
    }
  });

  it('stays under 1 MB', () => {
    expect(zip.length).toBeLessThan(1024 * 1024);
  });

  it('ships the manifest as it is in the repository, and a 128×128 or 256×256 PNG icon', () => {
    expect(JSON.parse(zipRead(zip, entry('extension/package.json')).toString('utf8'))).toEqual(manifest);
    const icon = zipRead(zip, entry('extension/images/icon.png'));
    expect(icon.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a'); // PNG signature
    const [width, height] = [icon.readUInt32BE(16), icon.readUInt32BE(20)]; // from the IHDR chunk
    expect(width).toBe(height);
    expect([128, 256]).toContain(width);
  });

  it('runs the bundled server from the package', () => {
    const server = zipRead(zip, entry('extension/dist/server.js')).toString('utf8');
    // The client starts dist/server.js: it must be a self-contained bundle, requiring only Node built-ins.
    const requires = [...server.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
    expect(requires.filter((r) => !r.startsWith('node:') && !BUILTINS.has(r))).toEqual([]);
  });
});

describe('the extension manifest (package.json)', () => {
  const contributes = manifest.contributes as Json;

  it('describes the extension for the Marketplace', () => {
    expect(manifest.displayName).toEqual(expect.any(String));
    expect(manifest.description).toEqual(expect.any(String));
    expect(manifest.categories).toEqual(expect.arrayContaining(['Linters', 'Programming Languages']));
    expect(manifest.icon).toBe('images/icon.png');
    expect(manifest.keywords).toEqual(expect.arrayContaining(['dockerfile', 'docker', 'multi-stage']));
    expect(manifest.capabilities).toMatchObject({ untrustedWorkspaces: { supported: true } });
    expect((manifest.repository as Json).url).toMatch(/^https:\/\//);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect((manifest.bugs as Json).url).toMatch(/^https:\/\//);
    expect(contributes.jsonValidation).toEqual([{ fileMatch: '.stagelint.json', url: './schemas/stagelint.schema.json' }]);
  });

  it('documents every setting', () => {
    const properties = (contributes.configuration as Json).properties as Record<string, Json>;
    const undocumented = Object.entries(properties)
      .filter(([, p]) => typeof (p.markdownDescription ?? p.description) !== 'string' || !('default' in p))
      .map(([key]) => key);
    expect(undocumented).toEqual([]);
    for (const [key, property] of Object.entries(properties)) {
      if (Array.isArray(property.enum)) {
        expect((property.enumDescriptions as unknown[] | undefined)?.length ?? property.enum.length, key).toBe(property.enum.length);
      }
    }
  });

  it('contributes exactly the client\'s commands, each with a title and the stagelint category', () => {
    const commands = contributes.commands as { command: string; title?: string; category?: string }[];
    expect(commands.map((c) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
    for (const { command, title, category } of commands) {
      expect(title, command).toEqual(expect.any(String));
      expect(category, command).toBe('stagelint');
    }
  });
});
