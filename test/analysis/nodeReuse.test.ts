/**
 * Reusing the previous version's nodes (`nodeReuse.ts`) must change nothing but speed: after any chain of edits,
 * the tree parsed with the previous tree answers every query as `DockerfileParser.parse` of the same text does,
 * and a lint of the model built from the previous model finds exactly what a lint from scratch finds. The edits
 * are the ones that move, split, join and re-escape instructions: characters, line breaks, continuations,
 * heredoc markers, CRLF, escape directives.
 */
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../server/src/analysis/astParser';
import { buildModel } from '../../server/src/analysis/buildModel';
import { ModelCache } from '../../server/src/analysis/cache';
import { ObjectMemo } from '../../server/src/analysis/memo';
import type { DockerfileModel } from '../../server/src/analysis/model';
import { generationOf, MAX_GENERATIONS } from '../../server/src/analysis/nodeReuse';
import { resolveConfig } from '../../server/src/engine/config';
import { lint, lintModel } from '../../server/src/engine/lint';
import { allRules } from '../../server/src/rules';
import { FILE_FACTS } from '../fuzz/check';
import { generatedDockerfile } from '../fuzz/generate';
import { tree } from '../support/astTree';
import { corpusFiles } from '../support/corpus';

const INSERTS = [
  'a', 'x', ' ', '\n', '\\\n', ' \\\n  ', '\r\n', '"', "'", '#', '$', '<<EOF\n', 'EOF\n', '# escape=`\n', '`\n', 'RUN echo hi\n',
  'FROM alpine AS b\n', '--mount=type=cache,target=/x ', '=', 'ONBUILD ',
];

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.constantFrom(...INSERTS) });

function apply(text: string, { at, remove, insert }: Edit): string {
  const start = text.length === 0 ? 0 : at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(start + remove);
}

/** Parses each version of `text` under `edits` with the previous version's tree and checks it against a fresh parse. */
function expectChainSameTrees(text: string, edits: readonly Edit[]) {
  let previous = parseDockerfile(text);
  for (const e of edits) {
    text = apply(text, e);
    const next = parseDockerfile(text, undefined, previous);
    expect(tree(() => next, text, 1)).toEqual(tree((t) => DockerfileParser.parse(t), text, 1));
    previous = next;
  }
}

function shared(before: Dockerfile, after: Dockerfile): number {
  const old = new Set(before.getInstructions());
  return after.getInstructions().filter((node) => old.has(node)).length;
}

const LINES = ['FROM alpine AS build', 'ARG V=1', 'RUN apk add --no-cache git \\\n    make', 'COPY . /src', 'WORKDIR /src', 'RUN make', 'FROM scratch', 'COPY --from=build /src/out /out', 'CMD ["/out"]'];
const SAMPLE = LINES.join('\n') + '\n';
/** Stages with RUN scripts, package installs, COPY --from, a comment and a root user: facts of many kinds to keep. */
const LARGER_SAMPLE = SAMPLE.repeat(4) + 'FROM debian\nRUN apt-get update && apt-get install -y curl\n# done\nUSER root\n';

describe('reusing the previous version\'s instruction nodes', () => {
  it('takes every unchanged instruction from the previous tree and builds the changed one anew', () => {
    const before = parseDockerfile(SAMPLE);
    const at = SAMPLE.indexOf('make\n');
    const text = SAMPLE.slice(0, at) + 'c' + SAMPLE.slice(at);
    const after = parseDockerfile(text, undefined, before);
    const oldNodes = new Set(before.getInstructions());
    const fresh = after.getInstructions().filter((node) => !oldNodes.has(node));
    expect(fresh.map((node) => node.getRange().start.line)).toEqual([2]);
    expect(shared(before, after)).toBe(LINES.length - 1);
    // Taken nodes read the new version: their document is the new tree's.
    const run = after.getInstructions()[5]!;
    expect(before.getInstructions()).toContain(run);
    expect(run.getArguments().map((a) => a.getValue())).toEqual(['make']);
    expect((run as unknown as { document: { getText(): string } }).document.getText()).toBe(text);
  });

  it('takes every node of an unchanged version, whose tree still organizes comments with the parser\'s own function', () => {
    const before = parseDockerfile(SAMPLE);
    const again = parseDockerfile(SAMPLE, undefined, before);
    expect(shared(before, again)).toBe(LINES.length);
    // astParser.ts installs it while building instructions; taken nodes are not built.
    expect(Object.hasOwn(again, 'organizeComments')).toBe(true);
  });

  it('takes no node that moved, and none after the escape character changed', () => {
    const before = parseDockerfile(SAMPLE);
    // A line inserted at the top moves every instruction down one line.
    expect(shared(before, parseDockerfile('# note\n' + SAMPLE, undefined, before))).toBe(0);
    const escaped = parseDockerfile('# escape=`\n' + SAMPLE);
    expect(shared(escaped, parseDockerfile('# escape=\\\n' + SAMPLE, undefined, escaped))).toBe(0);
  });

  it('keeps the nodes of one tree from at most MAX_GENERATIONS parses, and still reuses nearly all of them', () => {
    let text = SAMPLE.repeat(30);
    let previous = parseDockerfile(text);
    const count = previous.getInstructions().length;
    const offsets = [...text.matchAll(/make/g)].map((m) => m.index!);
    // Scattered edits, each in another instruction, all of the same length so that no instruction moves.
    for (let k = 0; k < 40; k++) {
      const at = offsets[(k * 7) % offsets.length]!;
      text = text.slice(0, at) + String.fromCharCode(97 + (k % 26)) + text.slice(at + 1);
      const next = parseDockerfile(text, undefined, previous);
      const generations = new Set(next.getInstructions().map(generationOf));
      expect(generations.size).toBeLessThanOrEqual(MAX_GENERATIONS);
      expect(shared(previous, next)).toBeGreaterThan(count * 0.75);
      previous = next;
    }
  });

  it('gives a fresh parse\'s tree after chains of edits of corpus files', () => {
    const files = corpusFiles().filter((_, i) => i % 8 === 0);
    expect(files.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 4 }), ({ text }, edits) => expectChainSameTrees(text, edits)),
      { seed: 20261124, numRuns: 60 },
    );
  });

  it('gives a fresh parse\'s tree after chains of edits of generated Dockerfiles and random texts', () => {
    const piece = fc.constantFrom(' ', '\t', '\n', '\r\n', '\\', '`', '#', '"', '<<EOF', 'EOF', 'a', 'FROM x\n', 'RUN a \\\n b\n', 'COPY a b\n', '# escape=`\n', 'ONBUILD RUN x\n');
    const text = fc.oneof(generatedDockerfile, fc.array(piece, { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), expectChainSameTrees), { seed: 20261124, numRuns: 300 });
  });
});

describe('models built from the previous model', () => {
  const config = resolveConfig(allRules, { file: { extends: 'all' } });
  const options = { config, files: FILE_FACTS };

  function problemsOf(model: DockerfileModel) {
    return lintModel(model, options).map(({ ruleId, range, message, fixes, related }) => ({ ruleId, range, message, fixes, related }));
  }

  it('lint to the same problems as models built from scratch', () => {
    const files = corpusFiles().filter((_, i) => i % 6 === 1);
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 4 }), ({ name, text }, edits) => {
        let previous = buildModel(text);
        problemsOf(previous);
        for (const e of edits) {
          text = apply(text, e);
          const model = buildModel(text, { previous });
          expect({ name, problems: problemsOf(model) }).toEqual({ name, problems: problemsOf(lint(text).model) });
          previous = model;
        }
      }),
      { seed: 20261124, numRuns: 60 },
    );
  });
});

describe('ModelCache', () => {
  it("builds a document's next version from its previous model, and other documents from scratch", () => {
    const cache = new ModelCache(10);
    const first = cache.get('file:///a/Dockerfile', 1, SAMPLE);
    const edited = SAMPLE.replace('make\n', 'make all\n');
    const second = cache.get('file:///a/Dockerfile', 2, edited);
    expect(shared(first.ast!, second.ast!)).toBe(LINES.length - 1);
    const other = cache.get('file:///b/Dockerfile', 1, edited);
    expect(shared(second.ast!, other.ast!)).toBe(0);
  });

  it('forgets the facts memoised on a model once the next version replaces it, and keeps what is on its nodes', () => {
    const cache = new ModelCache(10);
    const text = SAMPLE + 'ONBUILD RUN make\n';
    const first = cache.get('file:///a/Dockerfile', 1, text);
    const trigger = first.instructions.at(-1)!.trigger!;
    const facts = new ObjectMemo<object, string>();
    const keys: object[] = [first, first.stages[0]!, first.stages[1]!, first.instructions[2]!, trigger];
    for (const key of keys) facts.set(key, 'fact');
    const node = first.instructions[1]!.node;
    facts.set(node, 'node fact');
    // Asking for the same version again keeps them.
    expect(cache.get('file:///a/Dockerfile', 1, text)).toBe(first);
    expect(keys.map((k) => facts.has(k))).toEqual(keys.map(() => true));
    const second = cache.get('file:///a/Dockerfile', 2, text.replace('make\n', 'make all\n'));
    expect(keys.map((k) => facts.has(k))).toEqual(keys.map(() => false));
    expect(second.instructions[1]!.node).toBe(node);
    expect(facts.get(node)).toBe('node fact');
    // Features still reading the old model compute what they need again.
    expect(lintModel(first, { config: resolveConfig(allRules, { file: { extends: 'all' } }), files: FILE_FACTS })).toEqual(lint(text, { config: resolveConfig(allRules, { file: { extends: 'all' } }), files: FILE_FACTS }).problems);
  });
});

describe('what a reused node keeps', () => {
  // The test's own handle on V8's collector (a node's memos must not keep its first version's model alive).
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;

  /** Lints a version and the next one built from it; only weak references to the first version leave this frame. */
  function versions(): { readonly refs: readonly WeakRef<object>[]; readonly next: DockerfileModel; readonly reused: number } {
    const config = resolveConfig(allRules, { file: { extends: 'all' } });
    const lintAll = (model: DockerfileModel) => lintModel(model, { config, files: FILE_FACTS });
    const text = LARGER_SAMPLE;
    const first = buildModel(text);
    lintAll(first);
    const next = buildModel(text.replace('make\n', 'make all\n'), { previous: first });
    lintAll(next);
    return { refs: [new WeakRef(first), new WeakRef(first.instructions[1]!), new WeakRef(first.stages[0]!)], next, reused: shared(first.ast!, next.ast!) };
  }

  it('is not the records, stages or model of the version that made it', async () => {
    const { refs, next, reused } = versions();
    expect(reused).toBeGreaterThan(next.instructions.length / 2);
    // A WeakRef made in this turn keeps its target until the turn ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
    expect(refs.map((ref) => ref.deref() === undefined)).toEqual([true, true, true]);
    // The next version, whose reused nodes carry the memos, was alive through the collection.
    expect(next.instructions.length).toBeGreaterThan(0);
  });
});
