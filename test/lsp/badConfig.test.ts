/**
 * Bad `.stagelint.json` files in the editor: each invalid entry is one clear diagnostic on the config file, at the
 * entry's line, and the rest of the configuration — or the defaults — still applies to the Dockerfiles.
 * (Unknown rule ids and malformed JSON are covered in config.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { fileUri, LspHarness } from '../support/lspHarness';
import { demoRules } from './demoRules';

let h: LspHarness | undefined;
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stagelint-bad-config-'));
});
afterEach(async () => {
  await h?.dispose();
  h = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** Lints `from alpine` (one demo-keyword-case warning by default) next to a config with `configText`. */
async function lintWith(configText: string) {
  const config = join(root, '.stagelint.json');
  writeFileSync(config, configText);
  const dockerfile = join(root, 'Dockerfile');
  writeFileSync(dockerfile, '');
  h = await LspHarness.start({ rules: demoRules, workspaceFolders: [root] });
  const uri = fileUri(dockerfile);
  await h.open(uri, 'from alpine\n');
  const diagnostics = await h.currentDiagnostics(uri);
  const onConfig = (await h.waitForDiagnostics(fileUri(config))).diagnostics;
  return { dockerfile: diagnostics.map((d) => [d.code, d.severity]), config: onConfig.map((d) => ({ line: d.range.start.line, severity: d.severity, code: d.code, message: d.message })) };
}

describe('a bad .stagelint.json in the editor', () => {
  it('a wrong severity: one warning on its line, the rule keeps its default severity', async () => {
    const r = await lintWith('{\n  "rules": {\n    "demo-keyword-case": "loud"\n  }\n}\n');
    expect(r.config).toEqual([{ line: 2, severity: DiagnosticSeverity.Warning, code: 'config', message: expect.stringMatching(/^Invalid severity "loud" for 'demo-keyword-case' \(use error, warning, info, hint or off\); this entry is ignored$/) }]);
    expect(r.dockerfile).toEqual([['demo-keyword-case', DiagnosticSeverity.Warning]]);
  });

  it('a severity that is not a string (a number, an object)', async () => {
    const r = await lintWith('{\n  "rules": {\n    "demo-keyword-case": 2,\n    "demo-maintainer": {"level": "off"}\n  }\n}\n');
    expect(r.config.map((d) => [d.line, d.message.split(' for ')[0]])).toEqual([[2, 'Invalid severity 2'], [3, 'Invalid severity {"level":"off"}']]);
    expect(r.dockerfile).toEqual([['demo-keyword-case', DiagnosticSeverity.Warning]]);
  });

  it('a config that is not an object: one error, defaults apply', async () => {
    const r = await lintWith('["demo-keyword-case"]\n');
    expect(r.config).toHaveLength(1);
    expect(r.config[0]!.message).toMatch(/must be a JSON object/);
    expect(r.dockerfile).toEqual([['demo-keyword-case', DiagnosticSeverity.Warning]]);
  });

  it('wrong types for extends, targets and rules: one diagnostic each, on its own line', async () => {
    const r = await lintWith('{\n  "extends": "strict",\n  "targets": "build",\n  "rules": ["demo-keyword-case"],\n  "ignorePatterns": [1]\n}\n');
    expect(r.config.map((d) => d.line)).toEqual([1, 2, 3, 4]);
    expect(r.config.map((d) => d.message)).toEqual([
      expect.stringContaining("'extends' must be one of"),
      expect.stringContaining("'targets' must be an array of strings"),
      expect.stringContaining("'rules' must be an object"),
      expect.stringContaining("'ignorePatterns' must be an array of strings"),
    ]);
    expect(r.dockerfile).toEqual([['demo-keyword-case', DiagnosticSeverity.Warning]]);
  });

  it('an empty file and a JSON-with-comments file are invalid JSON: one error each, defaults apply', async () => {
    for (const text of ['', '{\n  // no comments in JSON\n  "rules": {}\n}\n']) {
      const r = await lintWith(text);
      expect(r.config).toHaveLength(1);
      expect(r.config[0]!.severity).toBe(DiagnosticSeverity.Error);
      expect(r.config[0]!.message).toMatch(/^Invalid JSON: .*; the default configuration applies$/);
      expect(r.dockerfile).toEqual([['demo-keyword-case', DiagnosticSeverity.Warning]]);
      await h!.dispose();
      h = undefined;
    }
  });
});
