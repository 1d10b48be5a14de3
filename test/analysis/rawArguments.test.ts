/** The position finder the parser uses must answer exactly as TextDocument.positionAt, in any query order. */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineOffsetsOf, PositionFinder } from '../../server/src/analysis/rawArguments';

const TEXTS = ['', 'a', '\n', 'FROM a\nRUN b\n', 'FROM a\r\nRUN b\r\n', 'a\rb\r\nc\nd', '\r\n\r\n', '\n\r', 'x\n\n\ny', 'tail\r'];

describe('PositionFinder', () => {
  for (const text of TEXTS) {
    it(`answers as TextDocument for ${JSON.stringify(text)}`, () => {
      const document = TextDocument.create('file:///x', 'dockerfile', 0, text);
      const finder = new PositionFinder(text, lineOffsetsOf(TextDocument.create('file:///y', 'dockerfile', 0, text)));
      const offsets = [...Array(text.length + 3).keys()].map((i) => i - 1);
      // Forward, backward and jumping around (the finder starts from its last answer).
      for (const order of [offsets, [...offsets].reverse(), offsets.map((_, i) => offsets[(i * 7) % offsets.length]!)]) {
        for (const offset of order) expect({ offset, at: finder.positionAt(offset) }).toEqual({ offset, at: document.positionAt(offset) });
      }
    });
  }
});
