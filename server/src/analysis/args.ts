/**
 * ARG/ENV scoping with BuildKit semantics, and `$VAR` expansion.
 *
 * - ARGs before the first FROM are global: visible in FROM lines only. Inside a stage a global ARG is empty
 *   unless the stage re-declares it with `ARG NAME` (which then takes the global default).
 * - Predefined platform ARGs (TARGETPLATFORM, BUILDARCH, …) are visible in FROM lines automatically, and
 *   inside a stage once declared with `ARG NAME` (their value is only known at build time).
 * - ENV values and ARGs declared inside a stage carry into stages built `FROM` that stage (BuildKit; the
 *   classic builder dropped ARGs, and the Dockerfile reference said so until docs were fixed in 2024 —
 *   moby/buildkit#5381).
 */
import { argDeclsOf, envDeclsOf } from './declarations';
import { ObjectMemo } from './memo';
import type { ArgDecl, Instr, Stage } from './model';

export { argDeclsOf, envDeclsOf, envPairsOf, type EnvDecl } from './declarations';

/** Build args BuildKit defines automatically (values known only at build time). */
export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy',
  'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_SYNTAX',
  'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_CACHE_MOUNT_NS', 'SOURCE_DATE_EPOCH',
]);

/** A variable's binding: `value` undefined means "declared, value known only at build time". */
export interface Binding {
  readonly kind: 'global-arg' | 'arg' | 'env' | 'predefined';
  readonly value: string | undefined;
}

export type Scope = ReadonlyMap<string, Binding>;

export interface VariableUse {
  readonly name: string;
  /** Offsets of the whole `$VAR` / `${VAR…}` expression in the scanned text. */
  readonly start: number;
  readonly end: number;
  /** `:-`, `-`, `:+`, `+` or another operator; undefined for a plain reference. */
  readonly modifier: string | undefined;
  readonly word: string | undefined;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Finds `$NAME` and `${NAME…}` references in `text` from offset `from` (offsets stay those of `text`), skipping
 * `\$` escapes.
 */
export function findVariables(text: string, escapeChar = '\\', from = 0): VariableUse[] {
  const uses: VariableUse[] = [];
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === escapeChar) {
      i++;
      continue;
    }
    if (c !== '$') continue;
    if (text[i + 1] === '{') {
      const close = matchingBrace(text, i + 1);
      if (close < 0) continue;
      const inner = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?]|##?|%%?|\/\/?)(.*))?$/s.exec(inner);
      if (m && m[1]) uses.push({ name: m[1], start: i, end: close + 1, modifier: m[2], word: m[3] });
      i = close;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(text);
      if (m) {
        uses.push({ name: m[0], start: i, end: i + 1 + m[0].length, modifier: undefined, word: undefined });
        i += m[0].length;
      }
    }
  }
  return uses;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

export interface Expansion {
  /** The expanded text; unknown values stay as written. */
  readonly value: string;
  /** Variables that no declaration in scope defines. */
  readonly unresolved: string[];
  /** True when some variable's value is only known at build time, so `value` is not final. */
  readonly dynamic: boolean;
}

export function expand(text: string, scope: Scope, escapeChar = '\\'): Expansion {
  const unresolved: string[] = [];
  let dynamic = false;
  let out = '';
  let last = 0;
  for (const use of findVariables(text, escapeChar)) {
    out += text.slice(last, use.start);
    last = use.end;
    const binding = scope.get(use.name);
    const set = binding !== undefined && binding.value !== undefined && binding.value !== '';
    if (binding === undefined && !use.modifier) unresolved.push(use.name);
    if (use.modifier === ':-' || use.modifier === '-') {
      if (set) out += binding.value;
      else if (binding && binding.value === undefined) {
        dynamic = true;
        out += text.slice(use.start, use.end);
      } else out += removeQuotes(expand(use.word ?? '', scope, escapeChar).value, escapeChar);
    } else if (use.modifier === ':+' || use.modifier === '+') {
      if (set) out += removeQuotes(expand(use.word ?? '', scope, escapeChar).value, escapeChar);
      else if (binding && binding.value === undefined) {
        dynamic = true;
        out += text.slice(use.start, use.end);
      }
    } else if (use.modifier) {
      dynamic = true;
      out += text.slice(use.start, use.end);
    } else if (set) {
      out += binding.value;
    } else if (binding && binding.value === undefined) {
      dynamic = true;
      out += text.slice(use.start, use.end);
    }
  }
  out += text.slice(last);
  return { value: out, unresolved, dynamic };
}

/** The scope FROM lines see: global ARGs (expanded in order) plus the predefined platform args. */
export function globalScope(globalArgs: readonly ArgDecl[], escapeChar = '\\'): Map<string, Binding> {
  const scope = new Map<string, Binding>();
  for (const name of PREDEFINED_ARGS) scope.set(name, { kind: 'predefined', value: undefined });
  for (const arg of globalArgs) {
    const raw = arg.rawDefault ?? arg.defaultValue;
    const expansion = raw === undefined ? undefined : evaluateWord(raw, scope, escapeChar);
    // A default built from build-time values (`${TARGETPLATFORM#linux/}`) is itself only known at build time.
    const value = expansion && !expansion.dynamic ? expansion.value : undefined;
    scope.set(arg.name, { kind: 'global-arg', value });
  }
  return scope;
}

/**
 * The scope an instruction inside `stage` sees: ENV inherited from parent stages, then the stage's own
 * ARG/ENV declarations that come before `at`. Shared with every instruction between the same two declarations:
 * read it, never modify it.
 */
export function stageScope(stage: Stage, at: Instr | undefined, global: Scope, escapeChar = '\\'): Scope {
  const scopes = scopesOf(stage, global, escapeChar);
  // The declarations of the stage that come before `at` (all of them without `at`).
  let count = scopes.declaring.length;
  if (at) {
    count = 0;
    while (count < scopes.declaring.length && scopes.declaring[count]!.index < at.index) count++;
  }
  return count === 0 ? scopes.start : scopes.after[count - 1]!;
}

/**
 * A stage's scopes, built once: the one it starts with (what its parent stages declare) and the one after each of
 * its ARG and ENV instructions. Rules ask for the scope of almost every instruction; rebuilding each from the
 * stage's first instruction (re-evaluating every declaration of the FROM chain) made that quadratic.
 */
interface StageScopes {
  readonly global: Scope;
  readonly escapeChar: string;
  readonly start: ReadonlyMap<string, Binding>;
  /** The stage's ARG and ENV instructions, in order. */
  readonly declaring: readonly Instr[];
  /** `after[k]`: the scope after `declaring[k]`. */
  readonly after: readonly ReadonlyMap<string, Binding>[];
}

/** Per stage, one entry per (global scope, escape character) it was asked with (a model asks with one). */
const scopesCache = new ObjectMemo<Stage, StageScopes[]>();

function scopesOf(stage: Stage, global: Scope, escapeChar: string): StageScopes {
  // The stages from `stage` up its FROM chain to the first one whose scopes are known (or the root). A chain that
  // loops (`buildModel` never makes one: a parent is an earlier stage) is read as if it started at the stage seen
  // twice.
  const pending: Stage[] = [];
  const seen = new Set<Stage>();
  let known: StageScopes | undefined;
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) {
    known = cachedScopes(s, global, escapeChar);
    if (known) break;
    seen.add(s);
    pending.push(s);
  }
  for (let i = pending.length - 1; i >= 0; i--) known = buildScopes(pending[i]!, known, global, escapeChar);
  return known!;
}

function cachedScopes(stage: Stage, global: Scope, escapeChar: string): StageScopes | undefined {
  return scopesCache.get(stage)?.find((s) => s.global === global && s.escapeChar === escapeChar);
}

function buildScopes(stage: Stage, parent: StageScopes | undefined, global: Scope, escapeChar: string): StageScopes {
  const start = parent ? (parent.after[parent.after.length - 1] ?? parent.start) : EMPTY_SCOPE;
  const declaring = stage.instructions.filter((i) => i.keyword === 'ARG' || i.keyword === 'ENV');
  const after: Map<string, Binding>[] = [];
  let scope = new Map(start);
  for (const instr of declaring) {
    declare(instr, scope, global, escapeChar);
    after.push(scope);
    scope = new Map(scope);
  }
  const scopes: StageScopes = { global, escapeChar, start, declaring, after };
  const cached = scopesCache.get(stage);
  if (cached) cached.push(scopes);
  else scopesCache.set(stage, [scopes]);
  return scopes;
}

const EMPTY_SCOPE: ReadonlyMap<string, Binding> = new Map();

/** Adds what an ARG or ENV instruction declares to `scope` (other instructions declare nothing). */
function declare(instr: Instr, scope: Map<string, Binding>, global: Scope, esc: string) {
  if (instr.keyword === 'ARG') {
    for (const decl of argDeclsOf(instr, esc)) {
      const g = global.get(decl.name);
      let value: string | undefined;
      if (decl.rawDefault !== undefined) {
        const e = evaluateWord(decl.rawDefault, scope, esc);
        value = e.dynamic ? undefined : e.value;
      }
      else if (g && g.kind === 'global-arg') value = g.value;
      scope.set(decl.name, { kind: 'arg', value });
    }
  } else if (instr.keyword === 'ENV') {
    // All values of one ENV see the scope before it (`ENV A=1 B=$A` gives B the earlier A), as in BuildKit.
    const values = envDeclsOf(instr).map((d) => [d.name, evaluateWord(d.raw, scope, esc)] as const);
    for (const [name, e] of values) scope.set(name, { kind: 'env', value: e.dynamic ? undefined : e.value });
  }
}

/**
 * Evaluates a word as BuildKit's word lexer (`shell.Lex.ProcessWord`) does, in one pass: quotes removed, the
 * escape character resolved, `$VAR`/`${VAR…}` expanded from `scope` (single-quoted text stays literal), and a
 * substituted value taken as it is.
 */
export function evaluateWord(raw: string, scope: Scope, esc = '\\'): Expansion & { readonly variables: number } {
  let value = '';
  let dynamic = false;
  let variables = 0;
  const unresolved: string[] = [];
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else value += c;
      continue;
    }
    if (c === esc && i + 1 < raw.length) {
      value += raw[++i]!;
      continue;
    }
    if (c === '"' || (c === "'" && quote === undefined)) {
      quote = quote === c ? undefined : c;
      continue;
    }
    if (c === '$') {
      const use = findVariables(raw.slice(i), esc)[0];
      if (use && use.start === 0) {
        const r = expand(raw.slice(i, i + use.end), scope, esc);
        variables++;
        dynamic ||= r.dynamic;
        unresolved.push(...r.unresolved);
        value += r.value;
        i += use.end - 1;
        continue;
      }
    }
    value += c;
  }
  return { value, unresolved, dynamic, variables };
}

/**
 * Removes shell quotes the way BuildKit's word lexer does after expansion (`debian:"${TAG}"` → `debian:bookworm`):
 * quote characters go, the escape character keeps the next character literally (except inside single quotes).
 */
export function removeQuotes(text: string, escapeChar = '\\'): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out += c;
    } else if (c === escapeChar && i + 1 < text.length) {
      out += text[++i];
    } else if (quote === '"' && c === '"') {
      quote = undefined;
    } else if (!quote && (c === '"' || c === "'")) {
      quote = c;
    } else {
      out += c;
    }
  }
  return out;
}
