/**
 * Types of the shell layer (see `shell.ts`): a parsed script is a flat list of simple commands with their
 * words, assignments, redirections, joining operators and surrounding compound constructs.
 */
import type { EscapeChar } from './shellSource';

export interface ShellWord {
  /** Unquoted and unescaped (best effort); `$VAR`, `$(…)` and backticks are kept as written. */
  readonly value: string;
  /** The word as written in the document (continuations included). */
  readonly raw: string;
  /** Document offsets: `text.slice(start, end) === raw`. */
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** The value holds a `$` expansion, command substitution or backticks. */
  readonly expansion: boolean;
}

export interface ShellAssignment {
  readonly name: string;
  /** The value after `=`, unquoted (best effort). */
  readonly value: string;
  readonly word: ShellWord;
}

export interface ShellRedirect {
  readonly op: string;
  readonly fd: string | undefined;
  readonly target: ShellWord | undefined;
  readonly start: number;
  readonly end: number;
}

/** How a command is joined to the one before it. `|&` is reported as `|`, case terminators (`;;`) as `;`. */
export type ShellOperator = '&&' | '||' | ';' | '|' | '&' | '\n';

/** A compound construct around a command, outermost first in `ShellCommand.contexts`. */
export type ShellContext =
  | 'subshell'
  | 'group'
  | 'if-condition'
  | 'if-body'
  | 'loop-condition'
  | 'loop-body'
  | 'case-body'
  | 'function-body';

export interface ShellCommand {
  /** Position in `ShellScript.commands`. */
  readonly index: number;
  /** Command name and arguments; assignments and redirections are kept apart. */
  readonly words: readonly ShellWord[];
  /** Leading `NAME=value` words (`DEBIAN_FRONTEND=noninteractive apt-get …`). */
  readonly assignments: readonly ShellAssignment[];
  readonly redirects: readonly ShellRedirect[];
  /** Operator between the previous command and this one; null for the first command of a script. */
  readonly op: ShellOperator | null;
  /** Operator right after this command, when one follows it directly (`cmd || true` → `||`). */
  readonly nextOp: ShellOperator | null;
  readonly contexts: readonly ShellContext[];
  readonly inSubshell: boolean;
  readonly inGroup: boolean;
  /** Inside the condition of an `if`/`elif`/`while`/`until`: a failure there does not stop the script. */
  readonly inCondition: boolean;
  /** Preceded by `!`. */
  readonly negated: boolean;
  /** Followed by `&`. */
  readonly background: boolean;
  /** The `sh -c` / `bash -c` command whose string this command comes from. */
  readonly parent: ShellCommand | undefined;
  /** Document offsets of the whole command (assignments and redirections included). */
  readonly start: number;
  readonly end: number;
}

export interface ShellScript {
  /** The document text the offsets refer to. */
  readonly text: string;
  /** Every simple command in source order; commands of a `sh -c` string follow their `sh` command. */
  readonly commands: readonly ShellCommand[];
}

export interface ParseShellOptions {
  /** The Dockerfile escape character (`# escape=` directive). Default `\`. */
  readonly escapeChar?: EscapeChar;
  /**
   * `dockerfile` (default): the region is shell-form instruction text, whose continuation lines BuildKit joins
   * (dropping comment lines inside them) before the shell runs it. `shell`: plain shell text (heredoc bodies).
   */
  readonly mode?: 'dockerfile' | 'shell';
  /** Region of `text` to parse (default: all of it). */
  readonly start?: number;
  readonly end?: number;
}
