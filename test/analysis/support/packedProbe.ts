// Run by packedArrays.test.ts with `node --allow-natives-syntax` (bundled first): builds the same model thousands
// of times, as linting a workspace does, so that V8 moves buildModel and the helpers it calls from the interpreter to
// its optimising compiler on the way, and prints which lists were ever holey and whether buildModel ran optimised long enough.
import { buildModel } from '../../../server/src/analysis/buildModel';

declare const process: { argv: string[]; stdout: { write(s: string): void } };

const [, , text, rounds] = process.argv as [string, string, string, string];
const natives = (body: string) => new Function('f', body) as (f: unknown) => unknown;
const status = natives('return %GetOptimizationStatus(f)') as (f: unknown) => number;
const holey = natives('return %HasHoleyElements(f)') as (a: unknown) => boolean;
// V8's OptimizationStatus bit for code compiled by TurboFan (src/runtime/runtime.h).
const TURBOFANNED = 1 << 6;

const holeyLists = new Set<string>();
// `rounds` models once buildModel runs optimised (its compilation runs on another thread, later on a busy machine),
// at most ten times that many in all.
let optimisedRounds = 0;
for (let i = 0; i < 10 * Number(rounds) && optimisedRounds < Number(rounds); i++) {
  if (status(buildModel) & TURBOFANNED) optimisedRounds++;
  const model = buildModel(text);
  if (holey(model.instructions)) holeyLists.add('instructions');
  for (const instr of model.instructions) {
    if (instr.flags.length > 0 && holey(instr.flags)) holeyLists.add('flags');
    if (instr.args.length > 0 && holey(instr.args)) holeyLists.add('args');
  }
}
process.stdout.write(JSON.stringify({ optimized: optimisedRounds === Number(rounds), holey: [...holeyLists].sort() }));
