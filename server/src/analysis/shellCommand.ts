/**
 * The `ShellCommand`s the parser hands out. A class rather than object literals for two facts that rules ask of the
 * same command again and again: where its command word is (`commandWordIndex`, behind `commandName`,
 * `commandArgs`, `shellScriptWord`, package recognition, …) and its name (linting the corpus asks each command for
 * them about five and six times) are kept in private fields once worked out, and memos keyed by a command
 * (recognised package commands) store their values in the reserved slot of `MemoSlot` instead of defining a
 * property on every command. Private fields are no properties: commands still compare equal to plain objects
 * with the same fields and print the same JSON.
 */
import { MemoSlot } from './memo';
import type { ShellAssignment, ShellCommand, ShellContext, ShellOperator, ShellRedirect, ShellWord } from './shellTypes';

/** `#wordIndex` before it is worked out (-1 is an answer: a bare assignment). */
const UNKNOWN = -2;

export class ParsedCommand extends MemoSlot implements ShellCommand {
  readonly index: number;
  readonly words: readonly ShellWord[];
  readonly assignments: readonly ShellAssignment[];
  readonly redirects: readonly ShellRedirect[];
  readonly op: ShellOperator | null;
  readonly nextOp: ShellOperator | null;
  readonly contexts: readonly ShellContext[];
  readonly inSubshell: boolean;
  readonly inGroup: boolean;
  readonly inCondition: boolean;
  readonly negated: boolean;
  readonly background: boolean;
  readonly parent: ShellCommand | undefined;
  readonly start: number;
  readonly end: number;
  #wordIndex = UNKNOWN;
  /** `commandName`, once asked: null before. */
  #name: string | undefined | null = null;

  constructor(
    index: number,
    words: readonly ShellWord[],
    assignments: readonly ShellAssignment[],
    redirects: readonly ShellRedirect[],
    op: ShellOperator | null,
    nextOp: ShellOperator | null,
    contexts: readonly ShellContext[],
    inCondition: boolean,
    negated: boolean,
    parent: ShellCommand | undefined,
    start: number,
    end: number,
  ) {
    super();
    this.index = index;
    this.words = words;
    this.assignments = assignments;
    this.redirects = redirects;
    this.op = op;
    this.nextOp = nextOp;
    this.contexts = contexts;
    this.inSubshell = contexts.includes('subshell');
    this.inGroup = contexts.includes('group');
    this.inCondition = inCondition;
    this.negated = negated;
    this.background = nextOp === '&';
    this.parent = parent;
    this.start = start;
    this.end = end;
  }

  /**
   * `compute(cmd)` for a parsed command, worked out once; computed every time for other objects shaped like a
   * command. The words of a command never change, so neither does the answer.
   */
  static wordIndex(cmd: ShellCommand, compute: (cmd: ShellCommand) => number): number {
    if (!(cmd instanceof ParsedCommand)) return compute(cmd);
    if (cmd.#wordIndex === UNKNOWN) cmd.#wordIndex = compute(cmd);
    return cmd.#wordIndex;
  }

  /** `compute(cmd)` (the command's name), kept like `wordIndex`. */
  static commandName(cmd: ShellCommand, compute: (cmd: ShellCommand) => string | undefined): string | undefined {
    if (!(cmd instanceof ParsedCommand)) return compute(cmd);
    if (cmd.#name === null) cmd.#name = compute(cmd);
    return cmd.#name;
  }
}
