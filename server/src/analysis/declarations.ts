/**
 * What ARG and ENV instructions declare: names, defaults and values as written. Read for the model, for every ARG
 * scope and by rules, so each instruction's declarations are computed once (an instruction belongs to one model,
 * whose text never changes).
 */
import { instructionWords } from './instructionWords';
import { ObjectMemo } from './memo';
import type { ArgDecl, Instr } from './model';
import { guarded } from './parse';

/**
 * `ARG A=1 B` declares two args. The arguments are split the way BuildKit splits them (blanks inside quotes or
 * after the escape character do not separate: `ARG X="a b"` is one declaration).
 */
export function argDeclsOf(instr: Instr, escapeChar: string): readonly ArgDecl[] {
  const cached = argDeclsCache.get(instr);
  if (cached && cached.escapeChar === escapeChar) return cached.decls;
  const decls = readArgDecls(instr, escapeChar);
  argDeclsCache.set(instr, { escapeChar, decls });
  return decls;
}

/** Declarations by instruction: the model, every ARG scope and several rules read them (an instruction's text never changes). */
const argDeclsCache = new ObjectMemo<Instr, { readonly escapeChar: string; readonly decls: readonly ArgDecl[] }>();

function readArgDecls(instr: Instr, escapeChar: string): ArgDecl[] {
  return instructionWords(instr, escapeChar).flatMap((word) => {
    const eq = word.raw.indexOf('=');
    const name = eq < 0 ? word.raw : word.raw.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return [];
    const rawDefault = eq < 0 ? undefined : word.raw.slice(eq + 1);
    const nameRange = { start: word.range.start, end: word.positionAt(name.length) };
    const decl: ArgDecl = rawDefault === undefined
      ? { name, defaultValue: undefined, instr, nameRange }
      : { name, defaultValue: unquote(rawDefault), rawDefault, instr, nameRange };
    return [decl];
  });
}

export interface EnvDecl {
  readonly name: string;
  /** The value as written (quotes and escapes kept, continuation lines joined). */
  readonly raw: string;
  /** The value after quote removal and escapes, unexpanded. */
  readonly value: string;
}

/** ENV pairs in both the `ENV a=b c=d` and the legacy `ENV key value` form: [name, value after quote removal]. */
export function envPairsOf(instr: Instr): [string, string][] {
  return envDeclsOf(instr).map((d) => [d.name, d.value]);
}

/** ENV declarations with their raw values, for evaluation with `evaluateWord` (the value alone is quote-free, so `\$X` and `'$X'` would look like variables). */
export function envDeclsOf(instr: Instr): readonly EnvDecl[] {
  let decls = envDeclsCache.get(instr);
  if (!decls) {
    decls = readEnvDecls(instr);
    envDeclsCache.set(instr, decls);
  }
  return decls;
}

/** Declarations by instruction: dockerfile-ast re-reads the properties on every `getProperties()` call. */
const envDeclsCache = new ObjectMemo<Instr, readonly EnvDecl[]>();

function readEnvDecls(instr: Instr): EnvDecl[] {
  type Prop = { getName(): string; getValue(): string | null; getUnescapedValue(): string | null };
  const node = instr.node as unknown as { getProperties?: () => Prop[] };
  if (typeof node.getProperties !== 'function') return [];
  return guarded(
    () => node.getProperties!().map((p) => ({ name: p.getName(), raw: p.getUnescapedValue() ?? '', value: p.getValue() ?? '' })),
    [],
  );
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}
