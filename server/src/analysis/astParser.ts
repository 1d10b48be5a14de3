/**
 * dockerfile-ast's parser, minus work it repeats. The parse itself is dockerfile-ast's own (`Parser.parse`);
 * two of its habits made it the most expensive step of a lint:
 * - `getRawArguments()` re-reads an instruction's text on every call, and an instruction calls it up to five times
 *   while it is being constructed (flags, JSON form, argument range, heredoc check) and again for every later
 *   query. Here each instruction computes its arguments once (with `rawArguments`, the same algorithm in one
 *   pass) and hands out copies where callers change what they get.
 * - The parser constructs each instruction twice: once to look for heredocs when its first line ends, once to
 *   add it to the tree. When both calls cover the same text, the second gets the first's instance.
 * - Scanning for an instruction's end read every character with `charAt` and a switch (`parserScan.ts` jumps over
 *   the ones that do not matter).
 * Also: the parser reads the model's TextDocument instead of making its own (one document and one line table
 * per model, which the parser's position finder reads too), the tree's `organizeComments` computes each
 * stage's range once, and given the previous version's tree it takes the nodes of unchanged instructions from it
 * (`nodeReuse.ts`).
 * The nodes are instances of subclasses of dockerfile-ast's own classes, so every other query (flags,
 * properties, FROM parts, heredocs) is dockerfile-ast's code over the same arguments; test/analysis/astParser.test.ts
 * compares the trees with `DockerfileParser.parse`.
 */
import {
  Add, Arg, Cmd, Copy, Entrypoint, Env, From, Healthcheck, Instruction, Label, Onbuild, Run, Shell, Stopsignal, User,
  Volume, Workdir, Argument, Comment, type Dockerfile,
} from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Util } from 'dockerfile-ast/lib/util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { ObjectMemo, withMemoSlot } from './memo';
import { newGeneration, ReusableNodes, setGeneration, type Generation } from './nodeReuse';
import { processArguments } from './parserScan';
import { lineOffsetsOf, PositionFinder, rawArguments } from './rawArguments';

type InstructionClass = new (...args: ConstructorParameters<typeof Instruction>) => Instruction;
/** The parser's tree class (`Dockerfile` of the package's main module is its interface). */
type DockerfileTree = ConstructorParameters<typeof Instruction>[2];

/** What the parser and its instructions keep privately (dockerfile-ast 0.7.1), read by the overrides below. */
interface InstructionInternals {
  readonly document: TextDocument;
  readonly escapeChar: string;
  [ARGUMENTS]?: Argument[];
}
interface ParserInternals {
  readonly document: TextDocument;
  readonly escapeChar: string;
  readonly reusable: ReusableNodes | undefined;
  readonly generation: Generation;
  [LAST_CREATED]?: { start: number; instructionEnd: number; end: number; dockerfile: DockerfileTree; node: Instruction };
}

const ARGUMENTS = Symbol('arguments');
const LAST_CREATED = Symbol('lastCreated');

/** One position finder per parsed document, over the document's own line table. */
const finders = new ObjectMemo<TextDocument, PositionFinder>();

function finderOf(document: TextDocument): PositionFinder {
  let finder = finders.get(document);
  if (!finder) {
    finder = new PositionFinder(document.getText(), lineOffsetsOf(document));
    finders.set(document, finder);
  }
  return finder;
}

function computedArguments(node: Instruction): Argument[] {
  const self = node as unknown as InstructionInternals;
  let args = self[ARGUMENTS];
  if (!args) {
    const document = self.document;
    const range = node.getRange();
    const keyword = node.getInstructionRange();
    args = rawArguments(
      document.getText(), finderOf(document), document.offsetAt(keyword.start), document.offsetAt(keyword.end),
      document.offsetAt(range.start), document.offsetAt(range.end), self.escapeChar,
    );
    self[ARGUMENTS] = args;
  }
  return args;
}

/** A fresh array on every call, as dockerfile-ast makes it: `ModifiableInstruction.getArguments()` shifts the flags off it. */
function argumentsOnce(this: Instruction): Argument[] {
  return computedArguments(this).slice();
}

/**
 * Fresh arguments with fresh ranges: `From.getImageNameRange()` and `getRegistryRange()` move the ends of the first
 * one's range (they assign new positions to `range.start`/`range.end`; no dockerfile-ast code changes a position
 * object, so the positions are shared).
 */
function copiedArgumentsOnce(this: Instruction): Argument[] {
  return computedArguments(this).map(copyArgument);
}

// Read once: every access to an imported name goes through the bundler's module getters.
const ArgumentClass = Argument;

function copyArgument(arg: Argument): Argument {
  const { start, end } = arg.getRange();
  return new ArgumentClass(arg.getValue(), { start, end });
}

/**
 * A subclass of `Base` whose (private) `getRawArguments` is computed once, and which reserves the memo slot (what a
 * record reads from its node and the node's syntax issues are memoised on every node of a parse).
 */
function withArgumentsOnce(Base: InstructionClass, getRawArguments = argumentsOnce): InstructionClass {
  const Once = withMemoSlot(Base);
  Object.defineProperty(Once.prototype, 'getRawArguments', { value: getRawArguments, writable: true, configurable: true });
  return Once;
}

/** Same keyword → class table as `Parser.createInstruction` (keywords compare upper-cased). */
const CLASSES: ReadonlyMap<string, InstructionClass> = new Map<string, InstructionClass>(
  ([
    ['ADD', Add], ['ARG', Arg], ['CMD', Cmd], ['COPY', Copy], ['ENTRYPOINT', Entrypoint], ['ENV', Env], ['FROM', From],
    ['HEALTHCHECK', Healthcheck], ['LABEL', Label], ['ONBUILD', Onbuild], ['RUN', Run], ['SHELL', Shell],
    ['STOPSIGNAL', Stopsignal], ['WORKDIR', Workdir], ['USER', User], ['VOLUME', Volume],
  ] as const).map(([keyword, Base]) => [keyword, withArgumentsOnce(Base, Base === From ? copiedArgumentsOnce : argumentsOnce)]),
);
const OTHER = withArgumentsOnce(Instruction);

/**
 * Parses with the caller's `TextDocument` of the same text instead of one of its own (`parse()` assigns
 * `this.document` first thing; the assignment is ignored), so a model has one document and one line table.
 */
class ReusingParser extends Parser {
  readonly generation = newGeneration();

  constructor(shared: TextDocument, readonly reusable: ReusableNodes | undefined) {
    super();
    Object.defineProperty(this, 'document', { get: () => shared, set: () => undefined, configurable: true });
  }
}

/** What `Dockerfile.organizeComments` reads (dockerfile-ast 0.7.1). */
interface TreeInternals {
  getComments(): { getRange(): Range }[];
  readonly initialInstructions: Template;
  readonly buildStages: Template[];
  organizeComments?: () => void;
}
interface Template {
  getRange(): Range;
  addComment(comment: unknown): void;
}

/**
 * `Dockerfile.organizeComments()` as dockerfile-ast does it (each comment goes to the initial instructions or to
 * the stage that contains it), with each stage's range computed once and the stage found by binary search: the
 * original builds every stage's range anew for every comment, quadratic in comments x stages. A template's range
 * depends on its instructions only, which adding comments does not change; stages' ranges run from their FROM to
 * their last instruction, so they are disjoint and in document order, and only the last stage starting at or
 * before a comment can contain it.
 */
function organizeComments(this: TreeInternals): void {
  const comments = this.getComments();
  if (comments.length === 0) return;
  const initial = this.initialInstructions.getRange();
  const stageRanges = this.buildStages.map((stage) => stage.getRange());
  for (const comment of comments) {
    const range = comment.getRange();
    if (Util.isInsideRange(range.end, initial)) {
      this.initialInstructions.addComment(comment);
      continue;
    }
    const k = lastStartingAtOrBefore(stageRanges, range.start);
    if (k >= 0 && Util.isInsideRange(range.start, stageRanges[k]!)) this.buildStages[k]!.addComment(comment);
  }
}

/** The index of the last range (sorted by start) that starts at or before `position`, or -1. */
function lastStartingAtOrBefore(ranges: readonly Range[], position: Range['start']): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const start = ranges[mid]!.start;
    if (start.line < position.line || (start.line === position.line && start.character <= position.character)) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The tree the parser builds (made inside `parse()`) organizes its comments with the function above. */
function withOwnOrganizeComments(dockerfile: DockerfileTree): void {
  if (!Object.hasOwn(dockerfile, 'organizeComments')) (dockerfile as unknown as TreeInternals).organizeComments = organizeComments;
}

/** Replaces the parser's private `createInstruction(dockerfile, instruction, start, instructionEnd, end)`. */
function createInstruction(this: ParserInternals, dockerfile: DockerfileTree, keyword: string, start: number, instructionEnd: number, end: number): Instruction {
  withOwnOrganizeComments(dockerfile);
  const last = this[LAST_CREATED];
  if (last && last.start === start && last.instructionEnd === instructionEnd && last.end === end && last.dockerfile === dockerfile) {
    return last.node;
  }
  const positions = finderOf(this.document);
  const startPosition = positions.positionAt(start);
  const keywordRange: Range = { start: startPosition, end: positions.positionAt(instructionEnd) };
  const lineRange: Range = { start: startPosition, end: positions.positionAt(end) };
  const Class = CLASSES.get(keyword.toUpperCase()) ?? OTHER;
  const node = new Class(this.document, lineRange, dockerfile, this.escapeChar, keyword, keywordRange);
  setGeneration(node, this.generation);
  this[LAST_CREATED] = { start, instructionEnd, end, dockerfile, node };
  return node;
}

type ProcessInstruction = (this: ParserInternals, dockerfile: DockerfileTree, char: string, start: number) => number;
const scanInstruction = (Parser.prototype as unknown as { processInstruction: ProcessInstruction }).processInstruction;
const CommentClass = Comment;

/**
 * Replaces the parser's private `processInstruction(dockerfile, char, start)`, which scans an instruction from its
 * first character and returns the offset the parse goes on from: an unchanged instruction of the previous version
 * (`ReusableNodes.takeWhole`) is added without scanning it, with the comment lines its scan would have added.
 */
function processInstruction(this: ParserInternals, dockerfile: DockerfileTree, char: string, start: number): number {
  const whole = this.reusable?.takeWhole(this.document, dockerfile, this.escapeChar, finderOf(this.document).positionAt(start), start);
  if (!whole) return scanInstruction.call(this, dockerfile, char, start);
  // Taken nodes skip createInstruction, where the tree gets its organizeComments: a version with every instruction
  // unchanged would otherwise organize its comments with dockerfile-ast's quadratic original.
  withOwnOrganizeComments(dockerfile);
  const tree = dockerfile as unknown as { addComment(comment: Comment): void; addInstruction(node: Instruction): void };
  for (const range of whole.comments) tree.addComment(new CommentClass(this.document, range));
  tree.addInstruction(whole.node);
  return whole.end;
}
Object.defineProperty(ReusingParser.prototype, 'createInstruction', { value: createInstruction, writable: true, configurable: true });
Object.defineProperty(ReusingParser.prototype, 'processInstruction', { value: processInstruction, writable: true, configurable: true });
Object.defineProperty(ReusingParser.prototype, 'processArguments', { value: processArguments, writable: true, configurable: true });

/**
 * Parses like `DockerfileParser.parse(text)`; `document` (of the same text) becomes the tree's document. With
 * `previous` (the tree of an earlier version of the same document), unchanged instructions are that tree's nodes.
 */
export function parseDockerfile(text: string, document: TextDocument = TextDocument.create('', '', 0, text), previous?: Dockerfile): Dockerfile {
  return new ReusingParser(document, previous && new ReusableNodes(previous)).parse(text);
}
