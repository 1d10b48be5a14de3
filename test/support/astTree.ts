/**
 * A parse tree as every public query of its nodes sees it, for comparing two parsers' trees (or one parser's tree
 * built two ways): arguments, flags and their options, properties, JSON strings, heredocs, variables, FROM parts,
 * ONBUILD triggers, comments, directives, and which stage each comment belongs to.
 */
import type { Dockerfile, ImageTemplate } from 'dockerfile-ast';

/**
 * Queries not compared: the tree's per-keyword lists (`getFROMs()`, …) and stages list the same instruction
 * nodes that `getInstructions()` gives.
 */
const SKIPPED = new Set([
  'constructor', 'getARGs', 'getCMDs', 'getCOPYs', 'getENTRYPOINTs', 'getENVs', 'getFROMs', 'getHEALTHCHECKs', 'getONBUILDs',
  'getWORKDIRs', 'getFROM', 'getInitialARGs', 'getBuildStages', 'getInstructions',
]);

function isNode(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto !== null && proto !== Object.prototype;
}

function queriesOf(node: object): string[] {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(node) as object | null; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const name of Object.getOwnPropertyNames(p)) {
      const fn = (p as Record<string, unknown>)[name];
      if (typeof fn === 'function' && fn.length === 0 && !SKIPPED.has(name) && /^(get|is|has|toString)/.test(name)) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Every zero-argument query of a node, answered `rounds` times (dockerfile-ast's queries change objects they get
 * from other queries, so a second answer must not differ from the first).
 */
function project(value: unknown, depth: number, rounds: number): unknown {
  if (Array.isArray(value)) return value.map((v) => project(v, depth, rounds));
  if (!isNode(value)) return value;
  if (depth === 0) return '…';
  const out: Record<string, unknown> = {};
  for (const name of queriesOf(value)) {
    for (let round = 1; round <= rounds; round++) {
      try {
        out[`${name}#${round}`] = project((value as Record<string, () => unknown>)[name]!(), depth - 1, rounds);
      } catch (e) {
        out[`${name}#${round}`] = `throws ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }
  return out;
}

/** The initial instructions and the stages (dockerfile-ast 0.7.1 keeps them in these fields). */
function templatesOf(dockerfile: Dockerfile): ImageTemplate[] {
  const internals = dockerfile as unknown as { initialInstructions: ImageTemplate; buildStages: ImageTemplate[] };
  return [internals.initialInstructions, ...internals.buildStages];
}

export function tree(parse: (text: string) => Dockerfile, text: string, rounds = 2): unknown {
  const dockerfile = parse(text);
  return {
    dockerfile: project(dockerfile, 3, rounds),
    instructions: dockerfile.getInstructions().map((i) => project(i, 4, rounds)),
    // Which comments the parser gave to the initial instructions and to each stage (its organizeComments).
    commentsByStage: templatesOf(dockerfile).map((t) => t.getComments().map((c) => c.getRange())),
  };
}

