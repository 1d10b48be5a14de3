/**
 * The shell layer over every instruction of the real-world corpus (shared/corpus, ~230 Dockerfiles): it must
 * never throw, every word must map back to the exact text it came from, compound-command keywords must never
 * be taken for command names, and parsing must stay cheap next to dockerfile-ast's own parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { DockerfileModel } from '../../server/src/analysis/model';
import { parsePackageOps } from '../../server/src/analysis/packages';
import { runScriptsOf, type RunScript } from '../../server/src/analysis/runScript';
import { commandName, parseShell } from '../../server/src/analysis/shell';

const corpusDir = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = readdirSync(corpusDir).filter((f) => f !== 'INDEX.tsv');
const texts = files.map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const models: DockerfileModel[] = texts.map((t, i) => buildModel(t, { uri: `file:///${files[i]}` }));

function allScripts(): { model: DockerfileModel; script: RunScript }[] {
  const out: { model: DockerfileModel; script: RunScript }[] = [];
  for (const model of models) for (const i of model.instructions) for (const script of runScriptsOf(model, i)) out.push({ model, script });
  return out;
}

const KEYWORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', 'in', '{', '}', '(', ')', ';;', '&&', '||']);

describe('shell layer over the corpus', () => {
  const scripts = allScripts();

  it('covers the corpus', () => {
    expect(files.length).toBeGreaterThan(200);
    const sh = scripts.filter((s) => s.script.language === 'sh');
    expect(sh.reduce((n, s) => n + s.script.script.commands.length, 0)).toBeGreaterThan(5000);
  });

  it('maps every word and command back to the text it came from', () => {
    const problems: string[] = [];
    for (const { model, script } of scripts) {
      for (const c of script.script.commands) {
        const lo = c.parent ? c.parent.start : script.start;
        const hi = c.parent ? c.parent.end : script.end;
        if (c.start > c.end || c.start < lo || c.end > hi) problems.push(`${model.uri}: command ${c.start}-${c.end}`);
        for (const w of c.words) {
          if (model.text.slice(w.start, w.end) !== w.raw || w.start < lo || w.end > hi) problems.push(`${model.uri}: word ${JSON.stringify(w.raw)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never takes a compound-command keyword for a command name', () => {
    const offenders: string[] = [];
    for (const { script } of scripts) {
      if (script.language !== 'sh' || script.form === 'exec') continue;
      for (const c of script.script.commands) {
        const first = c.words[0];
        if (first && !first.quoted && KEYWORDS.has(first.value)) offenders.push(`${script.instr.range.start.line + 1}: ${first.value}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('finds the package installs of the corpus', () => {
    const managers = new Map<string, number>();
    for (const { script } of scripts) {
      if (script.language !== 'sh') continue;
      for (const i of parsePackageOps(script.script).installs) managers.set(i.manager, (managers.get(i.manager) ?? 0) + 1);
    }
    // Lower bounds from the corpus (grep counts `apt-get install` ~245, `apk add` ~137).
    expect(managers.get('apt-get')).toBeGreaterThan(200);
    expect(managers.get('apk')).toBeGreaterThan(100);
    expect(managers.get('pip')).toBeGreaterThan(30);
    expect(managers.get('uv')).toBeGreaterThan(20);
  });
});
