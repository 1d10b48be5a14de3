// The variable scans ask whether each `$` is single-quoted with SingleQuoteTracker instead of building a mask of the
// whole text (quoteMask below, the reference), and start findVariables at an offset instead of copying the text:
// both must answer as before.
import { describe, expect, it } from 'vitest';
import { findVariables } from '../../server/src/analysis/args';
import { SingleQuoteTracker } from '../../server/src/analysis/variableUses';

/** Which characters are single-quoted, one flag per character, and whether a '…' is open at the end. */
function quoteMask(text: string, esc: string, startOpen: boolean): { quoted: boolean[]; open: boolean } {
  const quoted: boolean[] = new Array<boolean>(text.length).fill(false);
  let single = startOpen;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (single) {
      quoted[i] = true;
      if (c === "'") single = false;
    } else if (c === esc) {
      i++;
    } else if (c === '"') {
      double = !double;
    } else if (c === "'" && !double) {
      single = true;
      quoted[i] = true;
    }
  }
  return { quoted, open: single };
}

/** Deterministic texts made of the characters the scanners react to. */
function texts(count: number): string[] {
  const alphabet = ['$', '{', '}', "'", '"', '\\', '`', ' ', 'A', 'b', '_', '1', ':-', '#', '%'];
  let seed = 20261124;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out = ['', "'", '\\', "echo '$A' \"$B\" \\$C ${D:-x}", "a'b\\'c$D'"];
  for (let k = 0; k < count; k++) {
    let t = '';
    const length = Math.floor(next() * 30);
    for (let i = 0; i < length; i++) t += alphabet[Math.floor(next() * alphabet.length)];
    out.push(t);
  }
  return out;
}

describe('SingleQuoteTracker', () => {
  it('answers quoteMask for every offset from any start, with either escape character', () => {
    for (const text of texts(2000)) {
      for (const esc of ['\\', '`']) {
        for (let from = 0; from <= Math.min(text.length, 3); from++) {
          const mask = quoteMask(text.slice(from), esc, false).quoted;
          const tracker = new SingleQuoteTracker(text, esc, from);
          const answers = [...text.slice(from)].map((_, i) => tracker.quotedAt(from + i));
          expect(answers, JSON.stringify({ text, esc, from })).toEqual(mask);
        }
      }
    }
  });

  it('starts inside a carried-over quote and says whether one is open at the end, whatever was asked before', () => {
    for (const text of texts(1000)) {
      for (const open of [false, true]) {
        for (const esc of ['\\', '`']) {
          const expected = quoteMask(text, esc, open);
          const full = new SingleQuoteTracker(text, esc, 0, open);
          expect([...text].map((_, i) => full.quotedAt(i)), JSON.stringify({ text, open, esc })).toEqual(expected.quoted);
          expect(full.openAfter(text.length)).toBe(expected.open);
          const untouched = new SingleQuoteTracker(text, esc, 0, open);
          expect(untouched.openAfter(text.length), JSON.stringify({ text, open, esc })).toBe(expected.open);
        }
      }
    }
  });

  it('answers for the offsets asked only (skipping offsets keeps the state)', () => {
    for (const text of texts(500)) {
      const mask = quoteMask(text, '\\', false).quoted;
      const tracker = new SingleQuoteTracker(text, '\\', 0);
      for (let i = 0; i < text.length; i += 3) expect(tracker.quotedAt(i), JSON.stringify({ text, i })).toBe(mask[i]);
    }
  });
});

describe('findVariables from an offset', () => {
  it('finds what it finds in the rest of the text, at offsets of the whole text', () => {
    for (const text of texts(2000)) {
      for (let from = 0; from <= text.length; from++) {
        const shifted = findVariables(text.slice(from), '\\').map((u) => ({ ...u, start: u.start + from, end: u.end + from }));
        expect(findVariables(text, '\\', from), JSON.stringify({ text, from })).toEqual(shifted);
      }
    }
  });
});
