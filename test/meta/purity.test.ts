/**
 * Layering and security, enforced by reading the sources:
 * - analysis/, engine/, rules/, features/ and refactors/ are pure: no Node built-ins, no process globals, no LSP connection
 *   package (its types are fine), no import of the lsp/ or cli/ adapters;
 * - nothing in server/ or shared/ spawns processes, opens sockets, starts workers or evaluates strings as code
 *   (a global `fetch(` is not searched for: methods named fetch are common and harmless);
 * - nothing loads code from a computed path (`require(x)`, `import(x)`): workspace content and configuration
 *   (JSON only) are read as data, never executed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');
const PURE_DIRS = ['analysis', 'engine', 'rules', 'features', 'refactors'].map((d) => join(root, 'server', 'src', d));
const SCANNED_DIRS = [join(root, 'server', 'src'), join(root, 'shared', 'src')];
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
const FORBIDDEN_EVERYWHERE = new Set([
  'child_process', 'cluster', 'dgram', 'dns', 'net', 'tls', 'http', 'https', 'http2', 'worker_threads',
  // Evaluating code (vm, repl), attaching a debugger (inspector), HTTP clients outside the built-ins.
  'vm', 'repl', 'inspector', 'undici', 'ws',
]);

interface Import {
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

function tsFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

export function importsOf(source: string): Import[] {
  const out: Import[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const patterns = [
    /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const [i, re] of patterns.entries()) {
    for (const m of source.matchAll(re)) {
      const specifier = i === 0 ? m[3]! : m[1]!;
      out.push({ specifier, typeOnly: i === 0 && m[2] !== undefined, line: lineAt((m.index ?? 0) + m[0].lastIndexOf(specifier)) });
    }
  }
  return out;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const bare = (specifier: string) => specifier.replace(/^node:/, '').split('/')[0]!;

export function purityViolations(source: string, file: string): string[] {
  const problems: string[] = [];
  for (const imp of importsOf(source)) {
    const name = bare(imp.specifier);
    if (imp.specifier.startsWith('node:') || BUILTINS.has(name)) problems.push(`${file}:${imp.line} imports the Node built-in '${imp.specifier}'`);
    if (!imp.typeOnly && (imp.specifier === 'vscode-languageserver' || imp.specifier.startsWith('vscode-languageserver/'))) {
      problems.push(`${file}:${imp.line} imports the LSP connection package '${imp.specifier}' (use vscode-languageserver-types)`);
    }
    if (imp.specifier.startsWith('.')) {
      const target = relative(join(root, 'server', 'src'), resolve(join(root, file, '..'), imp.specifier)).split(sep);
      if (target[0] === 'lsp' || target[0] === 'cli') problems.push(`${file}:${imp.line} imports the ${target[0]}/ adapter ('${imp.specifier}')`);
    }
  }
  const code = withoutComments(source);
  for (const global of ['process', '__dirname', '__filename', 'Buffer', 'require']) {
    if (new RegExp(`\\b${global}\\s*[.(]`).test(code)) problems.push(`${file} uses the Node global '${global}'`);
  }
  return problems;
}

export function securityViolations(source: string, file: string): string[] {
  const problems: string[] = [];
  for (const imp of importsOf(source)) {
    if (FORBIDDEN_EVERYWHERE.has(bare(imp.specifier))) problems.push(`${file}:${imp.line} imports '${imp.specifier}'`);
  }
  const code = withoutComments(source);
  const patterns: [RegExp, string][] = [
    [/(?<![\w.])eval\s*\(/, 'eval('],
    [/\bnew\s+Function\s*\(/, 'new Function('],
    [/\bnew\s+WebSocket\b/, 'WebSocket'],
    [/\bnew\s+(?:XMLHttpRequest|EventSource)\b/, 'XMLHttpRequest/EventSource'],
    [/\bnew\s+(?:Shared)?Worker\s*\(/, 'new Worker('],
    [/\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/, 'a timer with a string of code'],
    [/\bprocess\s*\.\s*(?:binding|_linkedBinding|dlopen)\s*\(/, 'process.binding/dlopen'],
    [/(?<![\w.])(?:require|import)\s*\(\s*(?!['"])[^)\s]/, 'require()/import() of a computed path'],
  ];
  for (const [re, what] of patterns) if (re.test(code)) problems.push(`${file} uses ${what}`);
  return problems;
}

describe('the scanners detect what they look for', () => {
  it('purity', () => {
    const src = [
      "import { readFileSync } from 'node:fs';",
      "import * as path from 'path';",
      "import type { Connection } from 'vscode-languageserver';",
      "import { createConnection } from 'vscode-languageserver/node';",
      "import { Range } from 'vscode-languageserver-types';",
      "import { x } from '../lsp/documents';",
      'const home = process.env.HOME;',
      '// process.exit() in a comment is fine',
    ].join('\n');
    expect(purityViolations(src, 'server/src/engine/x.ts')).toEqual([
      "server/src/engine/x.ts:1 imports the Node built-in 'node:fs'",
      "server/src/engine/x.ts:2 imports the Node built-in 'path'",
      "server/src/engine/x.ts:4 imports the LSP connection package 'vscode-languageserver/node' (use vscode-languageserver-types)",
      "server/src/engine/x.ts:6 imports the lsp/ adapter ('../lsp/documents')",
      "server/src/engine/x.ts uses the Node global 'process'",
    ]);
  });

  it('security', () => {
    const src = [
      "import { spawn } from 'node:child_process';",
      "const net = require('net');",
      "export { get } from 'https';",
      "const w = import('worker_threads');",
      'const f = new Function("return 1");',
      'eval("1");',
      'const ws = new WebSocket(url);',
      "const evaluate = (s: string) => s; evaluate('x'); obj.eval('fine');",
    ].join('\n');
    const more = [
      "import { runInNewContext } from 'node:vm';",
      "const r = require('inspector');",
      'const w = new Worker(url);',
      "setTimeout('alert(1)', 10); setTimeout(() => 1, 10);",
      "process.binding('spawn_sync');",
      'const config = require(configPath);',
      'const plugin = await import(`./${name}`);',
      "type R = import('vscode-languageserver-types').Range; const ok = require('./fine');",
    ].join('\n');
    expect(securityViolations(more, 'g.ts')).toEqual([
      "g.ts:1 imports 'node:vm'",
      "g.ts:2 imports 'inspector'",
      'g.ts uses new Worker(',
      'g.ts uses a timer with a string of code',
      'g.ts uses process.binding/dlopen',
      'g.ts uses require()/import() of a computed path',
    ]);
    expect(securityViolations(src, 'f.ts')).toEqual([
      "f.ts:1 imports 'node:child_process'",
      "f.ts:3 imports 'https'",
      "f.ts:2 imports 'net'",
      "f.ts:4 imports 'worker_threads'",
      'f.ts uses eval(',
      'f.ts uses new Function(',
      'f.ts uses WebSocket',
    ]);
  });
});

describe('the sources', () => {
  it('keep analysis/, engine/, rules/, features/ and refactors/ pure', () => {
    const files = PURE_DIRS.flatMap(tsFiles);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((f) => purityViolations(readFileSync(f, 'utf8'), relative(root, f)));
    expect(problems).toEqual([]);
  });

  it('never spawn processes, open sockets, start workers or evaluate strings (server/src, shared/src)', () => {
    const files = SCANNED_DIRS.flatMap(tsFiles);
    const problems = files.flatMap((f) => securityViolations(readFileSync(f, 'utf8'), relative(root, f)));
    expect(problems).toEqual([]);
  });
});
