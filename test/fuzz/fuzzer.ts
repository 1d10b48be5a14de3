/**
 * The fuzzer: inputs are mutated corpus files or generated Dockerfiles (fast-check), each checked against the
 * invariants in check.ts. Runs in chunks with consecutive seeds so the long mode can report progress; a failing
 * input is shrunk by fast-check and returned with the seed that finds it again.
 */
import fc from 'fast-check';
import { checkInput, type Failure } from './check';
import { generatedDockerfile } from './generate';
import { mutatedCorpus } from './mutations';

export interface FuzzFailure {
  readonly seed: number;
  readonly input: string;
  readonly failures: readonly Failure[];
}

export interface FuzzOptions {
  readonly corpus: readonly string[];
  readonly runs: number;
  readonly seed: number;
  /** Inputs per chunk (one fast-check run, one progress report). */
  readonly chunk?: number;
  readonly onProgress?: (done: number, failures: number) => void;
  /** Stop after this many distinct failures (each costs a shrink). */
  readonly maxFailures?: number;
}

export function fuzzInputs(corpus: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: mutatedCorpus(corpus) }, { weight: 2, arbitrary: generatedDockerfile });
}

export function fuzz(options: FuzzOptions): { runs: number; failures: FuzzFailure[] } {
  const chunk = options.chunk ?? 1000;
  const inputs = fuzzInputs(options.corpus);
  const failures: FuzzFailure[] = [];
  let done = 0;
  for (let seed = options.seed; done < options.runs; seed++) {
    const numRuns = Math.min(chunk, options.runs - done);
    const details = fc.check(fc.property(inputs, (text) => checkInput(text).length === 0), { seed, numRuns });
    if (details.failed && details.counterexample) {
      const [input] = details.counterexample;
      failures.push({ seed, input, failures: checkInput(input) });
      done += details.numRuns;
    } else {
      done += numRuns;
    }
    options.onProgress?.(done, failures.length);
    if (failures.length >= (options.maxFailures ?? 20)) break;
  }
  return { runs: done, failures };
}
