import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { applyEdits } from '../../server/src/engine/applyFixes';
import { insertLinesAfter, keywordLike } from '../../server/src/engine/fixes';

describe('keywordLike', () => {
  it('writes a keyword in the casing of the instruction it goes next to', () => {
    const m = buildModel('from alpine\nRUN true\nFrom scratch\n');
    const [lower, upper, mixed] = m.instructions;
    expect(keywordLike(lower!, 'AS')).toBe('as');
    expect(keywordLike(upper!, 'LABEL')).toBe('LABEL');
    expect(keywordLike(mixed!, 'ARG')).toBe('ARG');
  });
});

describe('insertLinesAfter', () => {
  it('inserts below the heredoc body and its end marker', () => {
    const text = 'FROM alpine\nRUN <<EOF\necho hi\nEOF\nCMD ["sh"]\n';
    const m = buildModel(text);
    const edit = insertLinesAfter(m, m.instructions[1]!, ['USER app']);
    expect(edit && applyEdits(text, [edit])).toBe('FROM alpine\nRUN <<EOF\necho hi\nEOF\nUSER app\nCMD ["sh"]\n');
  });

  it('inserts nothing below a heredoc the file never ends: the line would be part of its body', () => {
    const m = buildModel('FROM alpine\nRUN <<EOF\necho hi\n');
    expect(insertLinesAfter(m, m.instructions[1]!, ['USER app'])).toBeUndefined();
  });
});
