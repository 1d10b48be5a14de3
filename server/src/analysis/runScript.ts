/**
 * The shell scripts an instruction runs, as rules need them: parsed, with offsets into the document so that a
 * finding lands on the exact command inside a RUN.
 *
 * - shell form `RUN apt-get … && \ …`: the arguments after the flags, continuation lines joined as BuildKit
 *   joins them;
 * - JSON form `RUN ["sh", "-c", "…"]`: the argv as one command; a `sh -c` string in it is parsed as well;
 * - heredocs `RUN <<EOF … EOF`: the body is the script when the command line is only the heredoc (or a shell
 *   reading it, `RUN bash <<EOF`). A body fed to another program (`RUN python3 <<EOF`, `RUN cat <<EOF >f`) or
 *   starting with a non-shell `#!` line is returned with `language: 'other'` and its interpreter, unparsed.
 *
 * Also CMD, ENTRYPOINT, `HEALTHCHECK CMD` and `ONBUILD RUN …`. A `SHELL` that is not a POSIX shell
 * (`powershell`, `cmd`) makes the scripts `language: 'other'`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { execFormSource, parseExecForm } from './execForm';
import type { BaseRef, DockerfileModel, HeredocInfo, Instr, Stage } from './model';
import { ObjectMemo } from './memo';
import { basename, commandName, isShellName, parseMappedShell, parseShell, shellScriptWord, type ShellCommand, type ShellScript } from './shell';
import { continuationAt, dockerfileSource, type EscapeChar } from './shellSource';

export interface RunScript {
  readonly instr: Instr;
  /** `shell`: shell-form arguments; `exec`: JSON form; `heredoc`: a heredoc body. */
  readonly form: 'shell' | 'exec' | 'heredoc';
  /** `sh` when the text is run by a POSIX shell; `other` for python heredocs, PowerShell, data heredocs. */
  readonly language: 'sh' | 'other';
  /** For `other`: the program that reads the text (`python3`, `cat`, `powershell`). */
  readonly interpreter: string | undefined;
  /** Parsed commands (empty for `other`). */
  readonly script: ShellScript;
  /** Document region of the script text. */
  readonly start: number;
  readonly end: number;
  readonly heredoc: HeredocInfo | undefined;
  readonly document: TextDocument;
  /**
   * `arguments` for a CMD whose words are handed to an ENTRYPOINT (`ENTRYPOINT ["tini", "--"]` + `CMD ["--port",
   * "80"]`): then the first word is not a program the image runs by itself.
   */
  readonly role: 'command' | 'arguments';
}

export interface RunScriptOptions {
  readonly escapeChar?: EscapeChar;
  /** The `SHELL` in force (default `["/bin/sh", "-c"]`); see `effectiveShell`. */
  readonly shell?: readonly string[];
  /** A CMD is arguments of an ENTRYPOINT of its image (see `hasEntrypoint`). */
  readonly cmdIsArguments?: boolean;
}

const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];
const SCRIPT_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Parsed scripts per instruction: every rule asking about the same RUN shares one parse. */
const cache = new ObjectMemo<Instr, readonly RunScript[]>();
/** `shellScriptsOf`, for the instructions that also run a non-shell script (usually all scripts are shell). */
const shellCache = new ObjectMemo<Instr, readonly RunScript[]>();
const NO_SCRIPTS: readonly RunScript[] = Object.freeze([]);

/**
 * The scripts of `instr` from a model: uses the model's document, escape character and the stage's SHELL.
 * Cached per instruction object (an `Instr` belongs to exactly one model version).
 */
export function runScriptsOf(model: DockerfileModel, instr: Instr): readonly RunScript[] {
  const hit = cache.get(instr);
  if (hit) return hit;
  const target = instr.trigger ?? instr;
  // Rules ask every instruction; COPY, ENV, … run no script (and need no SHELL lookup).
  if (!SCRIPT_KEYWORDS.has(target.keyword)) return NO_SCRIPTS;
  const scripts = runScripts(instr, model.document, {
    escapeChar: model.escapeChar,
    shell: effectiveShell(model, target),
    cmdIsArguments: target.keyword === 'CMD' && hasEntrypoint(target),
  });
  cache.set(instr, scripts);
  return scripts;
}

/** The scripts of `instr` that a POSIX shell runs (what shell-command rules inspect). */
export function shellScriptsOf(model: DockerfileModel, instr: Instr): readonly RunScript[] {
  const all = runScriptsOf(model, instr);
  if (allShell(all)) return all;
  let scripts = shellCache.get(instr);
  if (!scripts) {
    scripts = all.filter((s) => s.language === 'sh');
    shellCache.set(instr, scripts);
  }
  return scripts;
}

/**
 * An index loop, not `every` with an arrow nor `for…of`: asked by every shell rule of every instruction, and both
 * made an object per call (the arrow, the iterator) that showed in the allocation profile.
 */
function allShell(scripts: readonly RunScript[]): boolean {
  for (let i = 0; i < scripts.length; i++) if (scripts[i]!.language !== 'sh') return false;
  return true;
}

/** An ENTRYPOINT in the stage of `instr` or in the stages it is built FROM. */
export function hasEntrypoint(instr: Instr): boolean {
  let stage = instr.stage;
  for (let guard = 0; stage && guard < 64; guard++) {
    if (stage.instructions.some((i) => i.keyword === 'ENTRYPOINT')) return true;
    stage = stage.parent;
  }
  return false;
}

export function runScripts(instr: Instr, source: TextDocument | string, options: RunScriptOptions = {}): RunScript[] {
  if (instr.keyword === 'ONBUILD') return instr.trigger ? runScripts(instr.trigger, source, options) : [];
  if (!SCRIPT_KEYWORDS.has(instr.keyword)) return [];
  const document = typeof source === 'string' ? TextDocument.create('file:///Dockerfile', 'dockerfile', 0, source) : source;
  try {
    const role = instr.keyword === 'CMD' && options.cmdIsArguments ? 'arguments' : 'command';
    return collect(instr, document, options.escapeChar ?? '\\', options.shell ?? DEFAULT_SHELL, role);
  } catch {
    return [];
  }
}

/** Document range of `[start, end)` offsets of a script (a command, a word). */
export function rangeOf(script: RunScript, start: number, end: number): Range {
  return { start: script.document.positionAt(start), end: script.document.positionAt(Math.max(start, end)) };
}

export function commandRange(script: RunScript, cmd: ShellCommand): Range {
  return rangeOf(script, cmd.start, cmd.end);
}

function collect(instr: Instr, document: TextDocument, escapeChar: EscapeChar, shell: readonly string[], role: RunScript['role']): RunScript[] {
  const text = document.getText();
  let args = instr.args;
  if (instr.keyword === 'HEALTHCHECK') {
    if (args[0]?.value.toUpperCase() !== 'CMD') return [];
    args = args.slice(1);
  }
  const first = args[0];
  if (!first) return [];
  const start = document.offsetAt(first.range.start);
  const end = instr.heredocs.length ? logicalLineEnd(text, start, escapeChar) : document.offsetAt(instr.range.end);
  const src = dockerfileSource(text, start, end, escapeChar);
  const shellLanguage = languageOf(shell);

  // Object literals written out (not spread from a shared base): spreading was the costliest line of a RUN's parse.
  const execArgs = mayBeExecForm(src.s) ? parseExecForm(src) : undefined;
  if (execArgs) {
    // Exec form runs without the SHELL; its argv may itself start a shell (`["sh", "-c", "…"]`).
    const script = parseMappedShell(text, execFormSource(execArgs));
    return [{ instr, start, end, heredoc: undefined, document, role, form: 'exec', language: 'sh', interpreter: undefined, script }];
  }
  // The shell text is `src` already (parseShell would build it again).
  const line = parseMappedShell(text, src);
  const lineScript: RunScript | undefined = line.commands.length
    ? { instr, start, end, heredoc: undefined, document, role, form: 'shell', language: shellLanguage.language, interpreter: shellLanguage.interpreter, script: shellLanguage.language === 'sh' ? line : empty(text) }
    : undefined;
  // Most RUNs have no heredoc: a list of their one script as it is (one pushed to an empty list had room for 16 more).
  if (instr.heredocs.length === 0) return lineScript ? [lineScript] : [];
  const out: RunScript[] = lineScript ? [lineScript] : [];
  for (const heredoc of instr.heredocs) out.push(heredocScript(instr, heredoc, line, document, shellLanguage, role));
  return out;
}

/**
 * False when `parseExecForm` cannot find a JSON array in `s`: it must start with `[` after JSON blanks. Most
 * scripts are shell form, and parseExecForm makes a closure per call before it looks.
 */
function mayBeExecForm(s: string): boolean {
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 91 /* [ */) return true;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return false;
}

function heredocScript(
  instr: Instr,
  heredoc: HeredocInfo,
  line: ShellScript,
  document: TextDocument,
  shellLanguage: Language,
  role: RunScript['role'],
): RunScript {
  const text = document.getText();
  const fallback = document.offsetAt(instr.range.end);
  const start = heredoc.contentRange ? document.offsetAt(heredoc.contentRange.start) : fallback;
  const end = heredoc.contentRange ? document.offsetAt(heredoc.contentRange.end) : fallback;
  const reader = line.commands.find((c) => c.redirects.some((r) => (r.op === '<<' || r.op === '<<-') && r.target?.value === heredoc.name));
  let lang: Language;
  if (reader) {
    // The body is the standard input of `reader`: a script only when `reader` is a shell reading stdin.
    const name = commandName(reader);
    lang = isShellName(name) && shellScriptWord(reader) < 0 && !hasScriptOperand(reader) ? SH : { language: 'other', interpreter: name };
  } else {
    // A bare `RUN <<EOF`: BuildKit runs the body with the SHELL, or with its own `#!` interpreter.
    const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(heredoc.content);
    if (shebang) {
      const prog = basename(shebang[1]!) === 'env' && shebang[2] ? shebang[2] : basename(shebang[1]!);
      lang = isShellName(prog) ? SH : { language: 'other', interpreter: prog };
    } else {
      lang = shellLanguage;
    }
  }
  const script = lang.language === 'sh' && heredoc.contentRange ? parseShell(text, { mode: 'shell', start, end }) : empty(text);
  return { instr, form: 'heredoc', language: lang.language, interpreter: lang.interpreter, script, start, end, heredoc, document, role };
}

/** `bash script.sh <<EOF`: the shell runs a file and the heredoc is only that file's input. */
function hasScriptOperand(cmd: ShellCommand): boolean {
  const words = cmd.words;
  const i = words.findIndex((w) => isShellName(basename(w.value)));
  for (let j = i + 1; j < words.length; j++) {
    const v = words[j]!.value;
    if (v === '-o' || v === '+o') { j++; continue; }
    if (!v.startsWith('-') && !v.startsWith('+')) return true;
  }
  return false;
}

function empty(text: string): ShellScript {
  return { text, commands: [] };
}

type Language = { readonly language: 'sh' | 'other'; readonly interpreter: string | undefined };

/** Text run by a POSIX shell (shared: nearly every script). */
const SH: Language = { language: 'sh', interpreter: undefined };

function languageOf(shell: readonly string[]): Language {
  if (shell === DEFAULT_SHELL) return SH;
  const prog = basename((shell[0] ?? '/bin/sh').replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  return isShellName(prog) ? SH : { language: 'other', interpreter: prog };
}

/** End of the logical line starting at `start` (continuations followed), before its newline. */
function logicalLineEnd(text: string, start: number, escapeChar: EscapeChar): number {
  let lineStart = start;
  for (;;) {
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) return text.length;
    if (continuationAt(text, lineStart, nl, escapeChar.charCodeAt(0)) < 0) return nl;
    lineStart = nl + 1;
  }
}

/**
 * The SHELL in force at `instr`: the last `SHELL` before it in its stage, else in the stages it is built
 * `FROM`, else the platform default: `cmd /S /C` for Windows base images (BuildKit's default there), else
 * `/bin/sh -c`.
 */
export function effectiveShell(model: DockerfileModel, instr: Instr): readonly string[] {
  let stage = instr.stage;
  let limit = instr.index;
  for (let guard = 0; stage && guard < 64; guard++) {
    const shells = shellsOf(stage);
    for (let k = shells.length - 1; k >= 0; k--) {
      const i = shells[k]!;
      if (i.index >= limit || !i.args[0]) continue;
      const start = model.document.offsetAt(i.args[0].range.start);
      const argv = parseExecForm(dockerfileSource(model.text, start, model.document.offsetAt(i.range.end), model.escapeChar));
      if (argv?.length) return argv.map((a) => a.value);
    }
    limit = Number.POSITIVE_INFINITY;
    if (!stage.parent && isWindowsBase(stage.base)) return WINDOWS_SHELL;
    stage = stage.parent;
  }
  return DEFAULT_SHELL;
}

const WINDOWS_SHELL: readonly string[] = ['cmd', '/S', '/C'];
/** Asked for the first stage of every RUN's chain that has no SHELL. */
const WINDOWS_IMAGE = /windows|nanoserver|servercore|ltsc20\d\d/i;

/**
 * The SHELL instructions of a stage, in order (usually none). Every RUN asks for its SHELL: scanning the whole
 * stage each time made the scripts of a stage quadratic in its length.
 */
const stageShells = new ObjectMemo<Stage, readonly Instr[]>();

function shellsOf(stage: Stage): readonly Instr[] {
  let shells = stageShells.get(stage);
  if (!shells) {
    shells = stage.instructions.filter((i) => i.keyword === 'SHELL');
    stageShells.set(stage, shells);
  }
  return shells;
}

function isWindowsBase(base: BaseRef): boolean {
  return base.kind === 'image' && WINDOWS_IMAGE.test(base.resolved ?? base.text);
}
