/**
 * The parser behind `parseShell` (shell.ts): a tolerant state machine over the lexer's tokens that builds the flat
 * list of simple commands with their words, assignments, redirections, joining operators and enclosing constructs,
 * and parses `sh -c '…'` strings into commands that follow their `sh` command.
 */
import { ShellLexer, WordTok, type OpTok, type RedirTok, type Tok } from './shellLexer';
import { ScratchList } from './scratchList';
import { ParsedCommand } from './shellCommand';
import { shellScriptWord } from './shellQuery';
import { endOffsetAt, OffsetMappedSource, offsetAt, type MappedSource } from './shellSource';
import type { ShellAssignment, ShellCommand, ShellContext, ShellOperator, ShellRedirect } from './shellTypes';
import { readWord } from './shellWord';

/** `sh -c "sh -c '…'"` is followed this deep; further strings stay plain words. */
const MAX_NESTING = 3;
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'select', 'while', 'until', 'do', 'done', 'case', 'esac', '{', '}', '!', 'function', 'in']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/;
/** A word starting with a quote or an expansion names no variable (`"A"=1`, `$X=1`). */
const QUOTED_OR_EXPANDED_START = /^['"$]/;

type FrameKind = 'subshell' | 'group' | 'if' | 'loop' | 'case';
interface Frame {
  kind: FrameKind;
  phase: 'cond' | 'body' | 'header';
  fn: boolean;
}

type Mode = 'normal' | 'for-name' | 'for-in' | 'for-words' | 'case-word' | 'case-in' | 'case-pattern' | 'func-name' | 'func-parens' | 'dbracket';

/** The command being read. One per parser, reused: its word list is copied out, at its final size, when it ends. */
interface Builder {
  readonly words: ScratchList<WordTok>;
  /** Where each word starts in the logical text (-1 for the operators and targets of `[[ … ]]`, never a script). */
  readonly starts: ScratchList<number>;
  /** Made at the first one (most commands have none). */
  assignments: WordTok[] | undefined;
  redirects: RedirTok[] | undefined;
  a: number;
  b: number;
  /** `name (` seen: a `)` next makes this a function definition. */
  maybeFunction: boolean;
}

export function parseInto(text: string, src: MappedSource, parent: ShellCommand | undefined, depth: number, out: ScratchList<ShellCommand>): void {
  (parsers[depth] ??= new ShellParser(depth)).parse(text, src, parent, out);
}

/**
 * One parser per nesting depth, reused by every parse: its state, lexer and command builder were a good part of
 * what parsing a short RUN allocated. A parse never starts another at its own depth (the string of a `sh -c` is
 * parsed at the next one), and `parse` sets every field before reading and lets go of the text after.
 */
const parsers: ShellParser[] = [];

/** What an idle parser points at, so that it holds no document. */
const NO_TEXT: MappedSource = { s: '', end: 0, offset: () => 0 };
const NO_OUT = new ScratchList<ShellCommand>();

/** The parser of one logical text at a time: turns its tokens into commands (appended to `out`). */
class ShellParser {
  private readonly frames: Frame[] = [];
  private mode: Mode = 'normal';
  private cur: Builder | undefined;
  private pendingOp: ShellOperator | null = null;
  private negate = false;
  private pendingFunction = false;
  private afterCompound = false;
  /** The builder `cur` points at while a command is read (see `newBuilder`). */
  private readonly spare: Builder = { words: new ScratchList(), starts: new ScratchList(), assignments: undefined, redirects: undefined, a: 0, b: 0, maybeFunction: false };
  private readonly lexer = new ShellLexer();
  private text = '';
  private src: MappedSource = NO_TEXT;
  private parent: ShellCommand | undefined;
  private out: ScratchList<ShellCommand> = NO_OUT;

  constructor(private readonly depth: number) {}

  parse(text: string, src: MappedSource, parent: ShellCommand | undefined, out: ScratchList<ShellCommand>): void {
    this.text = text;
    this.src = src;
    this.parent = parent;
    this.out = out;
    this.frames.length = 0;
    this.mode = 'normal';
    this.cur = undefined;
    this.pendingOp = null;
    this.negate = false;
    this.pendingFunction = false;
    this.afterCompound = false;
    try {
      this.run();
    } finally {
      // Nothing of this parse is kept alive by the parser until the next one.
      this.text = '';
      this.src = NO_TEXT;
      this.parent = undefined;
      this.out = NO_OUT;
      this.cur = undefined;
      this.spare.words.clear();
      this.spare.starts.clear();
      this.spare.assignments = undefined;
      this.spare.redirects = undefined;
      this.lexer.reset('', NO_TEXT);
    }
  }

  private run(): void {
    const lexer = this.lexer.reset(this.text, this.src);
    for (let t = lexer.next(); t; t = lexer.next()) {
      if (t instanceof WordTok) this.onWord(t);
      else if (t.kind === 'op') this.onOp(t);
      else if ((this.mode as Mode) === 'dbracket') {
        if (this.cur) { this.addWord(this.cur, this.operatorWord(t, t.op), -1); this.extend(this.cur, t.a, t.b); }
        if (this.cur && t.target) this.addWord(this.cur, t.target, -1);
      } else if (this.mode === 'normal' && !this.afterCompound) {
        this.cur ??= this.newBuilder(t.a);
        (this.cur.redirects ??= []).push(t);
        this.extend(this.cur, t.a, t.b);
      }
    }
    this.finish(null);
  }

  private newBuilder(a: number): Builder {
    const b = this.spare;
    b.words.clear();
    b.starts.clear();
    b.assignments = undefined;
    b.redirects = undefined;
    b.a = a;
    b.b = a;
    b.maybeFunction = false;
    return b;
  }

  /** Widens the command to a token read from `a` to `end` in the logical text. */
  private extend(b: Builder, a: number, end: number): void {
    b.a = Math.min(b.a, a);
    b.b = Math.max(b.b, end);
  }

  /** Adds a word, written from `start` on, to the command. */
  private addWord(b: Builder, w: WordTok, start: number): void {
    b.words.push(w);
    b.starts.push(start);
  }

  /** An operator inside `[[ … ]]`: a word of the test command. */
  private operatorWord(t: OpTok | RedirTok, op: string): WordTok {
    return new WordTok(this.text, this.src, t.a, t.b, op, false, false);
  }

  private popThrough(kind: FrameKind): boolean {
    for (let k = this.frames.length - 1; k >= 0; k--) {
      if (this.frames[k]!.kind === kind) {
        this.frames.length = k;
        return true;
      }
    }
    return false;
  }

  private nearest(kind: FrameKind): Frame | undefined {
    for (let k = this.frames.length - 1; k >= 0; k--) if (this.frames[k]!.kind === kind) return this.frames[k];
    return undefined;
  }

  private push(kind: FrameKind, phase: Frame['phase']): void {
    this.frames.push({ kind, phase, fn: this.pendingFunction && (kind === 'group' || kind === 'subshell') });
    if (kind === 'group' || kind === 'subshell') this.pendingFunction = false;
  }

  private finish(next: ShellOperator | null): void {
    const b = this.cur;
    this.cur = undefined;
    if (!b || (b.words.length === 0 && !b.assignments)) return;
    const contexts = contextsOf(this.frames);
    let assignments: readonly ShellAssignment[] = NONE;
    if (b.assignments) {
      const list: ShellAssignment[] = [];
      for (const t of b.assignments) {
        const m = ASSIGNMENT.exec(t.value);
        list.push({ name: m?.[1] ?? '', value: t.value.slice(m?.[0].length ?? 0), word: t });
      }
      assignments = list;
    }
    let redirects: readonly ShellRedirect[] = NONE;
    if (b.redirects) {
      const list: ShellRedirect[] = [];
      for (const r of b.redirects) list.push({ op: r.op, fd: r.fd, target: r.target, start: offsetAt(this.src, r.a), end: endOffsetAt(this.src, r.b) });
      redirects = list;
    }
    const cmd = new ParsedCommand(
      this.out.length,
      // A copy at its final size: the builder's list is reused.
      b.words.copy(),
      assignments,
      redirects,
      this.pendingOp,
      next,
      contexts,
      inCondition(this.frames),
      this.negate,
      this.parent,
      offsetAt(this.src, b.a),
      endOffsetAt(this.src, b.b),
    );
    this.out.push(cmd);
    this.pendingOp = null;
    this.negate = false;
    if (this.depth < MAX_NESTING) parseNested(this.text, this.src, cmd, b.starts, this.depth, this.out);
  }

  private separator(op: string): void {
    const norm: ShellOperator = op === '|&' ? '|' : op.startsWith(';') ? ';' : (op as ShellOperator);
    if (this.cur) this.finish(norm);
    // A newline after `&&`, `||` or `|` continues the list: keep the stronger operator.
    if (!(norm === '\n' && (this.pendingOp === '&&' || this.pendingOp === '||' || this.pendingOp === '|'))) this.pendingOp = norm;
    this.afterCompound = false;
  }

  private reserved(w: WordTok): boolean {
    switch (w.value) {
      case 'if': this.push('if', 'cond'); break;
      case 'while': case 'until': this.push('loop', 'cond'); break;
      case 'then': case 'else': { const f = this.nearest('if'); if (f) f.phase = 'body'; break; }
      case 'elif': { const f = this.nearest('if'); if (f) f.phase = 'cond'; break; }
      case 'do': { const f = this.nearest('loop'); if (f) f.phase = 'body'; break; }
      case 'fi': this.popThrough('if'); this.afterCompound = true; break;
      case 'done': this.popThrough('loop'); this.afterCompound = true; break;
      case 'esac': this.popThrough('case'); this.afterCompound = true; break;
      case '}': this.popThrough('group'); this.afterCompound = true; break;
      case '{': this.push('group', 'body'); break;
      case 'for': case 'select': this.push('loop', 'header'); this.mode = 'for-name'; break;
      case 'case': this.push('case', 'header'); this.mode = 'case-word'; break;
      case '!': this.negate = true; break;
      case 'function': this.mode = 'func-name'; break;
      default: return false; // `in` outside for/case: ignore it
    }
    return true;
  }

  private onWord(t: WordTok): void {
    switch (this.mode) {
      case 'for-name': this.mode = 'for-in'; return;
      case 'for-in':
        if (t.value === 'in') this.mode = 'for-words';
        else if (t.value === 'do') { this.mode = 'normal'; this.reserved(t); }
        return;
      case 'for-words': return;
      case 'case-word': this.mode = 'case-in'; return;
      case 'case-in': if (t.value === 'in') this.mode = 'case-pattern'; return;
      case 'case-pattern':
        if (t.value === 'esac' && !t.quoted) { this.mode = 'normal'; this.reserved(t); }
        return;
      case 'func-name': this.mode = 'func-parens'; this.pendingFunction = true; return;
      case 'dbracket':
        if (this.cur) { this.addWord(this.cur, t, this.lexer.a); this.extend(this.cur, this.lexer.a, this.lexer.b); }
        if (t.value === ']]' && !t.quoted) this.mode = 'normal';
        return;
      case 'func-parens': this.mode = 'normal'; break;
      default: break;
    }
    if (this.cur && (this.cur.words.length > 0 || !isAssignment(t))) {
      this.addWord(this.cur, t, this.lexer.a);
      this.extend(this.cur, this.lexer.a, this.lexer.b);
      if (this.cur.words.length === 1 && t.value === '[[' && !t.quoted) this.mode = 'dbracket';
      return;
    }
    if (!this.cur && !t.quoted && !t.expansion && RESERVED.has(t.value)) {
      this.reserved(t);
      return;
    }
    if (!this.cur && WordTok.isArith(t)) { this.afterCompound = true; return; }
    this.cur ??= this.newBuilder(this.lexer.a);
    this.afterCompound = false;
    if (isAssignment(t) && this.cur.words.length === 0) (this.cur.assignments ??= []).push(t);
    else {
      this.addWord(this.cur, t, this.lexer.a);
      if (t.value === '[[' && !t.quoted) this.mode = 'dbracket';
    }
    this.extend(this.cur, this.lexer.a, this.lexer.b);
  }

  private onOp(t: Extract<Tok, { kind: 'op' }>): void {
    const op = t.op;
    if (this.mode === 'dbracket') {
      if (this.cur && op !== '\n') { this.addWord(this.cur, this.operatorWord(t, op), -1); this.extend(this.cur, t.a, t.b); }
      return;
    }
    if (this.mode === 'case-pattern') {
      if (op === ')') { this.mode = 'normal'; const f = this.nearest('case'); if (f) f.phase = 'body'; }
      return;
    }
    if (this.mode === 'for-words' || this.mode === 'for-in' || this.mode === 'for-name') {
      if (op === ';' || op === '\n') this.mode = 'for-in';
      return;
    }
    if (this.mode === 'func-parens' || this.mode === 'func-name') {
      if (op === '(' || op === ')') { this.mode = 'func-parens'; this.pendingFunction = true; return; }
      this.mode = 'normal';
    }
    if (op === '(') {
      if (this.cur && this.cur.words.length === 1 && !this.cur.assignments && !this.cur.words.at(0)!.quoted) {
        this.cur.maybeFunction = true;
      } else if (!this.cur) {
        this.push('subshell', 'body');
      }
      return;
    }
    if (op === ')') {
      if (this.cur?.maybeFunction) { this.cur = undefined; this.pendingFunction = true; return; }
      this.finish(null);
      this.popThrough('subshell');
      this.afterCompound = true;
      return;
    }
    if (op === ';;' || op === ';&' || op === ';;&') {
      this.separator(op);
      if (this.nearest('case')) this.mode = 'case-pattern';
      return;
    }
    this.separator(op);
  }
}

function isAssignment(t: WordTok): boolean {
  // The name part must be written plainly (`"A"=1` is a command word, not an assignment).
  const m = ASSIGNMENT.exec(t.value);
  return !!m && !t.value.slice(0, m[1]!.length).includes('\\') && !QUOTED_OR_EXPANDED_START.test(t.value);
}

/** Inside the condition of an `if` or a loop. */
function inCondition(frames: readonly Frame[]): boolean {
  for (const f of frames) if (f.phase === 'cond' && (f.kind === 'if' || f.kind === 'loop')) return true;
  return false;
}

/**
 * Shared by the commands that have none of a kind (most commands have no assignment, redirection or compound
 * construct around them). Frozen: nothing may add to an answer other rules read too.
 */
const NONE: readonly never[] = Object.freeze([]);

function contextsOf(frames: readonly Frame[]): readonly ShellContext[] {
  if (frames.length === 0) return NONE;
  const out: ShellContext[] = [];
  for (const f of frames) {
    if (f.fn) out.push('function-body');
    if (f.kind === 'subshell') out.push('subshell');
    else if (f.kind === 'group') out.push('group');
    else if (f.kind === 'if') out.push(f.phase === 'cond' ? 'if-condition' : 'if-body');
    else if (f.kind === 'loop') out.push(f.phase === 'cond' ? 'loop-condition' : 'loop-body');
    else if (f.kind === 'case' && f.phase === 'body') out.push('case-body');
  }
  return out;
}

/** Parses the string of `sh -c '…'` as commands, mapping each character back to its document offset. */
function parseNested(text: string, src: MappedSource, cmd: ShellCommand, starts: ScratchList<number>, depth: number, out: ScratchList<ShellCommand>): void {
  const at = shellScriptWord(cmd);
  if (at < 0) return;
  const start = starts.at(at) ?? -1;
  if (start < 0) return;
  const idx: number[] = [];
  const r = readWord(src.s, start, idx);
  const map: number[] = [];
  for (let k = 0; k < r.value.length; k++) map.push(src.offset(idx[k]!));
  const end = r.value.length ? map[r.value.length - 1]! + 1 : offsetAt(src, start);
  parseInto(text, new OffsetMappedSource(r.value, map, end), cmd, depth + 1, out);
}
