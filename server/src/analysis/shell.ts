/**
 * The shell layer of the model: `parseShell` turns the text of a RUN (or CMD/ENTRYPOINT/HEALTHCHECK) into a flat
 * list of simple commands, each with its words, leading `NAME=value` assignments, redirections, the operator
 * joining it to the previous command and the compound constructs around it. It is deliberately not a full
 * shell grammar: rules ask "which commands run, with which words, joined how", and that has to work on every
 * Dockerfile in the wild, including broken ones, so the parser recovers from anything and never throws.
 *
 * Words carry document offsets (`start`/`end`), so a rule can report on `apt-get install` inside a ten-line RUN.
 * `sh -c '…'` / `bash -c "…"` strings are parsed too; their commands follow the `sh` command in the list, with
 * `parent` pointing at it and offsets mapped through the quotes and escapes back into the document.
 *
 * The query helpers (`commandName`, `findCommands`, `hasOption`, …) live in `shellQuery.ts` and are re-exported.
 */
import { tokenize, WordTok, type OpTok, type RedirTok, type Tok } from './shellLexer';
import { shellScriptWord } from './shellQuery';
import { dockerfileSource, endOffsetAt, OffsetMappedSource, offsetAt, plainSource, type MappedSource } from './shellSource';
import type { ParseShellOptions, ShellAssignment, ShellCommand, ShellContext, ShellOperator, ShellRedirect, ShellScript } from './shellTypes';
import { readWord } from './shellWord';

export * from './shellQuery';
export type * from './shellTypes';
export type { EscapeChar } from './shellSource';

/** `sh -c "sh -c '…'"` is followed this deep; further strings stay plain words. */
const MAX_NESTING = 3;
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'select', 'while', 'until', 'do', 'done', 'case', 'esac', '{', '}', '!', 'function', 'in']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/;

export function parseShell(text: string, options: ParseShellOptions = {}): ShellScript {
  const start = clamp(options.start ?? 0, 0, text.length);
  const end = clamp(options.end ?? text.length, start, text.length);
  const src =
    options.mode === 'shell'
      ? plainSource(text, start, end)
      : dockerfileSource(text, start, end, options.escapeChar ?? '\\');
  return parseMappedShell(text, src);
}

/** Parses an already prepared logical text (see `shellSource.ts`, `execForm.ts`) whose map points into `text`. */
export function parseMappedShell(text: string, src: MappedSource): ShellScript {
  const commands: ShellCommand[] = [];
  try {
    parseInto(text, src, undefined, 0, commands);
  } catch {
    // Defensive: the parser is written not to throw; if it ever does, keep what was found so far.
  }
  return { text, commands };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : lo, lo), hi);
}

type FrameKind = 'subshell' | 'group' | 'if' | 'loop' | 'case';
interface Frame {
  kind: FrameKind;
  phase: 'cond' | 'body' | 'header';
  fn: boolean;
}

type Mode = 'normal' | 'for-name' | 'for-in' | 'for-words' | 'case-word' | 'case-in' | 'case-pattern' | 'func-name' | 'func-parens' | 'dbracket';

interface Builder {
  words: WordTok[];
  /** Made at the first one (most commands have none). */
  assignments: WordTok[] | undefined;
  redirects: RedirTok[] | undefined;
  a: number;
  b: number;
  /** `name (` seen: a `)` next makes this a function definition. */
  maybeFunction: boolean;
}

function parseInto(text: string, src: MappedSource, parent: ShellCommand | undefined, depth: number, out: ShellCommand[]): void {
  const frames: Frame[] = [];
  let mode: Mode = 'normal';
  let cur: Builder | undefined;
  let pendingOp: ShellOperator | null = null;
  let negate = false;
  let pendingFunction = false;
  let afterCompound = false;

  const newBuilder = (a: number): Builder => ({ words: [], assignments: undefined, redirects: undefined, a, b: a, maybeFunction: false });
  const extend = (b: Builder, t: Tok): void => {
    b.a = Math.min(b.a, t instanceof WordTok ? WordTok.startIndex(t) : t.a);
    b.b = Math.max(b.b, t instanceof WordTok ? WordTok.endIndex(t) : t.b);
  };
  /** An operator inside `[[ … ]]`: a word of the test command. */
  const operatorWord = (t: OpTok | RedirTok, op: string): WordTok => new WordTok(text, src, t.a, t.b, op, false, false);
  const popThrough = (kind: FrameKind): boolean => {
    for (let k = frames.length - 1; k >= 0; k--) {
      if (frames[k]!.kind === kind) {
        frames.length = k;
        return true;
      }
    }
    return false;
  };
  const nearest = (kind: FrameKind): Frame | undefined => {
    for (let k = frames.length - 1; k >= 0; k--) if (frames[k]!.kind === kind) return frames[k];
    return undefined;
  };
  const push = (kind: FrameKind, phase: Frame['phase']): void => {
    frames.push({ kind, phase, fn: pendingFunction && (kind === 'group' || kind === 'subshell') });
    if (kind === 'group' || kind === 'subshell') pendingFunction = false;
  };

  const finish = (next: ShellOperator | null): void => {
    const b = cur;
    cur = undefined;
    if (!b || (b.words.length === 0 && !b.assignments)) return;
    const contexts = contextsOf(frames);
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
      for (const r of b.redirects) list.push({ op: r.op, fd: r.fd, target: r.target, start: offsetAt(src, r.a), end: endOffsetAt(src, r.b) });
      redirects = list;
    }
    const cmd: ShellCommand = {
      index: out.length,
      // The builder's list, now complete: the tokens are the words.
      words: b.words,
      assignments,
      redirects,
      op: pendingOp,
      nextOp: next,
      contexts,
      inSubshell: contexts.includes('subshell'),
      inGroup: contexts.includes('group'),
      inCondition: inCondition(frames),
      negated: negate,
      background: next === '&',
      parent,
      start: offsetAt(src, b.a),
      end: endOffsetAt(src, b.b),
    };
    out.push(cmd);
    pendingOp = null;
    negate = false;
    if (depth < MAX_NESTING) parseNested(text, src, cmd, b, depth, out);
  };

  const separator = (op: string): void => {
    const norm: ShellOperator = op === '|&' ? '|' : op.startsWith(';') ? ';' : (op as ShellOperator);
    if (cur) finish(norm);
    // A newline after `&&`, `||` or `|` continues the list: keep the stronger operator.
    if (!(norm === '\n' && (pendingOp === '&&' || pendingOp === '||' || pendingOp === '|'))) pendingOp = norm;
    afterCompound = false;
  };

  const reserved = (w: WordTok): boolean => {
    switch (w.value) {
      case 'if': push('if', 'cond'); break;
      case 'while': case 'until': push('loop', 'cond'); break;
      case 'then': case 'else': { const f = nearest('if'); if (f) f.phase = 'body'; break; }
      case 'elif': { const f = nearest('if'); if (f) f.phase = 'cond'; break; }
      case 'do': { const f = nearest('loop'); if (f) f.phase = 'body'; break; }
      case 'fi': popThrough('if'); afterCompound = true; break;
      case 'done': popThrough('loop'); afterCompound = true; break;
      case 'esac': popThrough('case'); afterCompound = true; break;
      case '}': popThrough('group'); afterCompound = true; break;
      case '{': push('group', 'body'); break;
      case 'for': case 'select': push('loop', 'header'); mode = 'for-name'; break;
      case 'case': push('case', 'header'); mode = 'case-word'; break;
      case '!': negate = true; break;
      case 'function': mode = 'func-name'; break;
      default: return false; // `in` outside for/case: ignore it
    }
    return true;
  };

  const onWord = (t: WordTok): void => {
    switch (mode) {
      case 'for-name': mode = 'for-in'; return;
      case 'for-in':
        if (t.value === 'in') mode = 'for-words';
        else if (t.value === 'do') { mode = 'normal'; reserved(t); }
        return;
      case 'for-words': return;
      case 'case-word': mode = 'case-in'; return;
      case 'case-in': if (t.value === 'in') mode = 'case-pattern'; return;
      case 'case-pattern':
        if (t.value === 'esac' && !t.quoted) { mode = 'normal'; reserved(t); }
        return;
      case 'func-name': mode = 'func-parens'; pendingFunction = true; return;
      case 'dbracket':
        if (cur) { cur.words.push(t); extend(cur, t); }
        if (t.value === ']]' && !t.quoted) mode = 'normal';
        return;
      case 'func-parens': mode = 'normal'; break;
      default: break;
    }
    if (cur && (cur.words.length > 0 || !isAssignment(t))) {
      cur.words.push(t);
      extend(cur, t);
      if (cur.words.length === 1 && t.value === '[[' && !t.quoted) mode = 'dbracket';
      return;
    }
    if (!cur && !t.quoted && !t.expansion && RESERVED.has(t.value)) {
      reserved(t);
      return;
    }
    if (!cur && WordTok.isArith(t)) { afterCompound = true; return; }
    cur ??= newBuilder(WordTok.startIndex(t));
    afterCompound = false;
    if (isAssignment(t) && cur.words.length === 0) (cur.assignments ??= []).push(t);
    else {
      cur.words.push(t);
      if (t.value === '[[' && !t.quoted) mode = 'dbracket';
    }
    extend(cur, t);
  };

  const onOp = (t: Extract<Tok, { kind: 'op' }>): void => {
    const op = t.op;
    if (mode === 'dbracket') {
      if (cur && op !== '\n') { cur.words.push(operatorWord(t, op)); extend(cur, t); }
      return;
    }
    if (mode === 'case-pattern') {
      if (op === ')') { mode = 'normal'; const f = nearest('case'); if (f) f.phase = 'body'; }
      return;
    }
    if (mode === 'for-words' || mode === 'for-in' || mode === 'for-name') {
      if (op === ';' || op === '\n') mode = 'for-in';
      return;
    }
    if (mode === 'func-parens' || mode === 'func-name') {
      if (op === '(' || op === ')') { mode = 'func-parens'; pendingFunction = true; return; }
      mode = 'normal';
    }
    if (op === '(') {
      if (cur && cur.words.length === 1 && !cur.assignments && !cur.words[0]!.quoted) {
        cur.maybeFunction = true;
      } else if (!cur) {
        push('subshell', 'body');
      }
      return;
    }
    if (op === ')') {
      if (cur?.maybeFunction) { cur = undefined; pendingFunction = true; return; }
      finish(null);
      popThrough('subshell');
      afterCompound = true;
      return;
    }
    if (op === ';;' || op === ';&' || op === ';;&') {
      separator(op);
      if (nearest('case')) mode = 'case-pattern';
      return;
    }
    separator(op);
  };

  for (const t of tokenize(text, src)) {
    if (t instanceof WordTok) onWord(t);
    else if (t.kind === 'op') onOp(t);
    else if ((mode as Mode) === 'dbracket') {
      if (cur) { cur.words.push(operatorWord(t, t.op)); extend(cur, t); }
      if (cur && t.target) cur.words.push(t.target);
    } else if (mode === 'normal' && !afterCompound) {
      cur ??= newBuilder(t.a);
      (cur.redirects ??= []).push(t);
      extend(cur, t);
    }
  }
  finish(null);
}

function isAssignment(t: WordTok): boolean {
  // The name part must be written plainly (`"A"=1` is a command word, not an assignment).
  const m = ASSIGNMENT.exec(t.value);
  return !!m && !t.value.slice(0, m[1]!.length).includes('\\') && !/^['"$]/.test(t.value);
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
function parseNested(text: string, src: MappedSource, cmd: ShellCommand, b: Builder, depth: number, out: ShellCommand[]): void {
  const at = shellScriptWord(cmd);
  if (at < 0) return;
  const tok = b.words[at];
  if (!tok) return;
  const idx: number[] = [];
  const r = readWord(src.s, WordTok.startIndex(tok), idx);
  const map: number[] = [];
  for (let k = 0; k < r.value.length; k++) map.push(src.offset(idx[k]!));
  const end = r.value.length ? map[r.value.length - 1]! + 1 : offsetAt(src, WordTok.startIndex(tok));
  parseInto(text, new OffsetMappedSource(r.value, map, end), cmd, depth + 1, out);
}
