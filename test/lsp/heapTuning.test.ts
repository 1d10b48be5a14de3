// The server's own V8 tuning when an editor starts it with Node's defaults (server/src/lsp/heapTuning.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeHeapFlags } from '../../server/src/lsp/heapTuning';

const vscodeExecArgv = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'client', 'src', 'serverProcess.json'), 'utf8')) as { execArgv: string[] }).execArgv;

describe('runtime heap flags', () => {
  it('caps the old generation growth when the process was started with Node defaults', () => {
    expect(runtimeHeapFlags([], undefined)).toEqual(['--heap-growing-percent=60']);
    expect(runtimeHeapFlags(['--stdio'], '')).toEqual(['--heap-growing-percent=60']);
    expect(runtimeHeapFlags(['--inspect=6009', '--nolazy'], '--enable-source-maps')).toEqual(['--heap-growing-percent=60']);
  });

  it('leaves heap flags given by the editor or NODE_OPTIONS alone', () => {
    expect(vscodeExecArgv.some((a) => a.startsWith('--max-old-space-size'))).toBe(true);
    expect(runtimeHeapFlags(vscodeExecArgv, undefined)).toEqual([]);
    expect(runtimeHeapFlags([], '--enable-source-maps --max-old-space-size=2048')).toEqual([]);
    expect(runtimeHeapFlags(['--max_old_space_size=512'], undefined)).toEqual([]);
    expect(runtimeHeapFlags([], '--heap-growing-percent=30')).toEqual([]);
  });

  it('sets only flags this Node\'s V8 knows', () => {
    // V8 ignores an unknown flag (with an error line on stderr): a Node upgrade that drops it must show up here.
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of runtimeHeapFlags([], undefined)) expect(known).toContain(flag.split('=')[0]);
  });
});

describe('README for other editors', () => {
  it('starts the server with the flags VS Code uses', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Other editors'), readme.indexOf('## ', readme.indexOf('## Other editors') + 3));
    expect(section).toContain(`node ${vscodeExecArgv.join(' ')} dist/server.js --stdio`);
    // Neovim, Helix and Emacs each list the flags as separate arguments before the script.
    const asArgs = (quote: string, sep: string) => vscodeExecArgv.map((a) => `${quote}${a}${quote}`).join(sep);
    expect(section).toContain(asArgs("'", ', '));
    expect(section).toContain(asArgs('"', ', '));
    expect(section).toContain(asArgs('"', ' '));
  });
});
