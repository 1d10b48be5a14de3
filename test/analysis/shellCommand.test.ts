/**
 * Parsed commands (ParsedCommand) keep where their command word is, and their name, once worked out: the kept answer must be the
 * one worked out from the words (as for a plain object shaped like a command), on the corpus and on edited copies,
 * and a parsed command must look like the plain object it replaced (equality, keys, JSON).
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { runScriptsOf } from '../../server/src/analysis/runScript';
import { commandArgs, commandName, commandWordIndex, parseShell, shellScriptWord, type ShellCommand } from '../../server/src/analysis/shell';
import { corpusTexts } from '../support/corpus';

function commandsOf(text: string): ShellCommand[] {
  const model = buildModel(text, {});
  const out: ShellCommand[] = [];
  for (const instr of model.instructions) for (const s of runScriptsOf(model, instr)) out.push(...s.script.commands);
  return out;
}

/** Corpus texts and copies with a character inserted or removed at pseudo-random places. */
function texts(): string[] {
  const corpus = corpusTexts();
  const out = [...corpus];
  let seed = 11;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const inserts = ['sudo ', 'env A=1 ', ' -- ', '"', "'", '\\', '&&', '|', '/', ' ', '\n', 'timeout 5 '];
  for (let k = 0; k < 300 && corpus.length; k++) {
    const t = corpus[rnd(corpus.length)]!;
    const at = rnd(t.length + 1);
    out.push(rnd(2) ? t.slice(0, at) + inserts[rnd(inserts.length)]! + t.slice(at) : t.slice(0, at) + t.slice(at + 1));
  }
  return out;
}

describe('ParsedCommand', () => {
  it('keeps the command word index that the words give, on the corpus and edited copies', () => {
    const wrong: string[] = [];
    let n = 0;
    for (const text of texts()) {
      for (const cmd of commandsOf(text)) {
        n++;
        const plain: ShellCommand = { ...cmd };
        const fresh = commandWordIndex(plain);
        // Asked twice: worked out, then kept.
        if (commandWordIndex(cmd) !== fresh || commandWordIndex(cmd) !== fresh) wrong.push(cmd.words.map((w) => w.value).join(' '));
        const name = commandName(plain);
        if (commandName(cmd) !== name || commandName(cmd) !== name || shellScriptWord(cmd) !== shellScriptWord(plain)) wrong.push(`name/script: ${cmd.words.map((w) => w.value).join(' ')}`);
        if (commandArgs(cmd).length !== commandArgs(plain).length) wrong.push(`args: ${cmd.words.map((w) => w.value).join(' ')}`);
      }
    }
    expect(wrong).toEqual([]);
    if (corpusTexts().length) expect(n).toBeGreaterThan(5000);
  });

  it('answers for wrappers and bare assignments', () => {
    const [a, b, c] = parseShell('sudo -u app env X=1 /usr/bin/pip install x; Y=2; timeout 10').commands;
    expect([commandWordIndex(a!), commandName(a!)]).toEqual([5, 'pip']);
    expect([commandWordIndex(b!), commandName(b!)]).toEqual([-1, undefined]);
    expect([commandWordIndex(c!), commandName(c!)]).toEqual([0, 'timeout']);
  });

  it('compares, lists its keys and prints like a plain object', () => {
    const cmd = parseShell('apt-get install -y curl').commands[0]!;
    commandName(cmd);
    const plain = { ...cmd };
    expect(cmd).toEqual(plain);
    expect(Object.keys(cmd)).toEqual([
      'index', 'words', 'assignments', 'redirects', 'op', 'nextOp', 'contexts', 'inSubshell', 'inGroup', 'inCondition',
      'negated', 'background', 'parent', 'start', 'end',
    ]);
    expect(JSON.stringify(cmd)).toBe(JSON.stringify(plain));
  });
});
