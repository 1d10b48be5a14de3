/**
 * Bounded fuzzing in `npm test`: a fixed seed and 2,000 inputs (mutated corpus files and generated
 * Dockerfiles), every one linted with all rules and checked against check.ts's invariants. `npm run fuzz` runs
 * the same fuzzer with 100,000 inputs and fresh seeds. Inputs that once broke an invariant are kept in
 * crashers/ and checked here on every run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkInput, lineLengths, newSyntaxErrors, overlapping, rangeProblem } from './check';
import { corpusTexts } from '../support/corpus';
import { fuzz } from './fuzzer';

const crashersDir = join(__dirname, 'crashers');

function readCorpus(): string[] {
  // Without the shared corpus (a bare checkout), fuzz the crashers and a few small files instead.
  const texts = corpusTexts();
  return texts.length ? texts : ['FROM alpine\nRUN echo hi\n', 'FROM golang:1.22 AS build\nCOPY . .\nRUN go build\nFROM scratch\nCOPY --from=build /x /x\n'];
}

describe('fuzzing', () => {
  it('2,000 inputs (seed 20261123) keep every invariant', () => {
    const result = fuzz({ corpus: readCorpus(), runs: 2000, seed: 20261123, chunk: 500, maxFailures: 3 });
    expect(result.failures.map((f) => ({ seed: f.seed, input: f.input, failures: f.failures }))).toEqual([]);
    expect(result.runs).toBe(2000);
  }, 120_000);

  const crashers = readdirSync(crashersDir).filter((n) => n.endsWith('.Dockerfile')).sort();
  it.each(crashers)('crasher %s keeps every invariant', (name) => {
    expect(checkInput(readFileSync(join(crashersDir, name), 'utf8'))).toEqual([]);
  });

  it('the checker catches what it looks for', () => {
    const lines = lineLengths('FROM a\r\nRUN b\rX');
    expect(lines).toEqual([6, 5, 1]);
    const at = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
    expect(rangeProblem(at(0, 0, 2, 1), lines)).toBeUndefined();
    expect(rangeProblem(at(1, 6, 1, 6), lines)).toMatch(/past the end of its line/);
    expect(rangeProblem(at(3, 0, 3, 0), lines)).toMatch(/past the last line/);
    expect(rangeProblem(at(1, 2, 1, 1), lines)).toMatch(/after end/);
    const doc = TextDocument.create('file:///x', 'dockerfile', 0, 'abcdef');
    expect(overlapping(doc, [{ range: at(0, 0, 0, 3), newText: '' }, { range: at(0, 2, 0, 4), newText: '' }])).toBe(true);
    expect(overlapping(doc, [{ range: at(0, 0, 0, 2), newText: '' }, { range: at(0, 2, 0, 4), newText: '' }])).toBe(false);
    expect(newSyntaxErrors(['a'], ['b'])).toEqual([]); // turned into another problem
    expect(newSyntaxErrors(['a'], ['a', 'a'])).toEqual([]); // repeated
    expect(newSyntaxErrors(['a'], ['a', 'b'])).toEqual(['b']);
    expect(newSyntaxErrors(["Unknown flag '--chmod' for Run"], ["Unknown flag '--chmod' for RUN", 'b'])).toEqual(['b']); // recased
  });
});
