import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { splitWords, wordValue } from '../../server/src/analysis/wordValue';

function valueAt(text: string, raw: string) {
  const model = buildModel(text);
  return wordValue(model, raw, model.instructions[model.instructions.length - 1]);
}

describe('wordValue', () => {
  it('removes quotes and resolves escapes once', () => {
    expect(valueAt('FROM a\nRUN x\n', `"a b"'c d'e\\ f`)).toEqual({ value: 'a bc de f', known: true, hasVariables: false });
  });
  it('expands ARG and ENV with stage scope; single quotes stay literal', () => {
    const r = valueAt('FROM a\nARG V=1\nENV P=/opt/$V\nRUN x\n', `$P/"\${V}"/'$V'`);
    expect(r).toEqual({ value: '/opt/1/1/$V', known: true, hasVariables: true });
  });
  it('does not re-process a substituted value', () => {
    expect(valueAt('FROM a\nENV GOPATH C:\\\\go\nRUN x\n', '$GOPATH').value).toBe('C:\\go');
  });
  it('an escaped $ is no variable', () => {
    expect(valueAt('FROM a\nRUN x\n', '\\$HOME')).toEqual({ value: '$HOME', known: true, hasVariables: false });
  });
  it('unknown values: undeclared names, ARG without default', () => {
    expect(valueAt('FROM a\nRUN x\n', '$HOME/x').known).toBe(false);
    expect(valueAt('FROM a\nARG V\nRUN x\n', '${V}').known).toBe(false);
  });
  it('the backtick escape directive', () => {
    expect(valueAt('# escape=`\nFROM a\nRUN x\n', 'C:\\dir\\`"q`"').value).toBe('C:\\dir\\"q"');
  });
});

describe('splitWords', () => {
  it('splits at blanks outside quotes and keeps quotes and escapes', () => {
    expect(splitWords(`a="b c" d\\ e 'f g'`, '\\').map((w) => w.value)).toEqual(['a="b c"', 'd\\ e', "'f g'"]);
  });
});
