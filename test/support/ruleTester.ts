/**
 * Table-driven rule tests in typescript-eslint's style, on vitest's describe/it.
 * Positions in tables are 1-based (as editors show them). Beyond matching errors it checks:
 * - `output`: the text after all safe fixes of this rule (multi-pass, with the case's options), which must parse
 *   without syntax errors and stay as it is when fixed again (idempotence);
 * - `fixes`: each offered fix applied alone (by title), with its output; `[]`: no fix is offered;
 * - every fix respects `meta.fix`, every doc example behaves as declared, and no case is listed twice.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, applyFixes } from '../../server/src/engine/applyFixes';
import type { AnyRule } from '../../server/src/engine/defineRule';
import type { FileFacts } from '../../server/src/engine/fileFacts';
import { lint, type LintOptions } from '../../server/src/engine/lint';
import type { Problem } from '../../server/src/engine/problem';
import { allRules } from '../../server/src/rules';
import type { SeverityOrOff } from '../../shared/src/ruleTypes';

export interface ExpectedError {
  readonly messageId: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Substring the formatted message must contain. */
  readonly message?: string;
  readonly severity?: SeverityOrOff;
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface CaseOptions {
  readonly code: string;
  readonly name?: string;
  readonly options?: Record<string, unknown>;
  readonly files?: FileFacts;
  readonly targets?: readonly string[];
}

export interface InvalidCase extends CaseOptions {
  readonly errors: readonly ExpectedError[];
  /** Text after applying this rule's safe fixes (omit when the rule offers none here; null = unchanged). */
  readonly output?: string | null;
  /** Each listed fix applied alone. */
  readonly fixes?: readonly { readonly title: string; readonly output: string }[];
}

export type ValidCase = string | CaseOptions;

/**
 * The rule alone, switched on at its default severity with the case's options, whether or not it is in the
 * recommended preset. Linting and fixing use the same options, so `output` is checked under the case's options.
 */
function optionsFor(rule: AnyRule, c: CaseOptions): LintOptions {
  const severity: SeverityOrOff = rule.meta.defaultSeverity;
  const fileRules = { [rule.id]: c.options ? ([severity, c.options] as const) : severity };
  return { rules: [rule], config: { file: { rules: fileRules } }, files: c.files ?? {}, targets: c.targets ?? [] };
}

function lintWith(rule: AnyRule, c: CaseOptions): Problem[] {
  return [...lint(c.code, optionsFor(rule, c)).problems];
}

/** Syntax problems of the full rule set (used to check that fixed output still parses). */
export function syntaxErrors(text: string): Problem[] {
  const syntax = allRules.find((r) => r.id === 'dockerfile-syntax');
  if (!syntax) return [];
  return lint(text, { rules: [syntax] }).problems.filter((p) => p.severity === 'error');
}

export function ruleTester(rule: AnyRule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    const seen = new Set<string>();
    const key = (c: CaseOptions) => JSON.stringify([c.code, c.options, c.files, c.targets]);
    const valid = cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v));
    for (const c of [...valid, ...cases.invalid]) {
      it(`has no duplicate case: ${c.name ?? c.code.split('\n')[0]}`, () => {
        expect(seen.has(key(c)), 'duplicate test case').toBe(false);
        seen.add(key(c));
      });
    }

    describe('valid', () => {
      valid.forEach((c, i) => {
        it(c.name ?? `valid #${i + 1}: ${c.code.split('\n').find((l) => l.trim()) ?? ''}`, () => {
          const problems = lintWith(rule, c);
          expect(problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`)).toEqual([]);
        });
      });
      rule.meta.docs.examples.valid.forEach((code, i) => {
        it(`docs example valid #${i + 1}`, () => expect(lintWith(rule, { code, files: rule.meta.docs.exampleFiles })).toEqual([]));
      });
    });

    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}: ${c.code.split('\n').find((l) => l.trim()) ?? ''}`, () => {
          const problems = lintWith(rule, c);
          expect(problems.length, `problems: ${JSON.stringify(problems.map((p) => p.message))}`).toBe(c.errors.length);
          c.errors.forEach((e, j) => {
            const p = problems[j]!;
            expect(p.messageId).toBe(e.messageId);
            if (e.line !== undefined) expect(p.range.start.line + 1, 'line').toBe(e.line);
            if (e.column !== undefined) expect(p.range.start.character + 1, 'column').toBe(e.column);
            if (e.endLine !== undefined) expect(p.range.end.line + 1, 'endLine').toBe(e.endLine);
            if (e.endColumn !== undefined) expect(p.range.end.character + 1, 'endColumn').toBe(e.endColumn);
            if (e.message !== undefined) expect(p.message).toContain(e.message);
            if (e.severity !== undefined) expect(p.severity).toBe(e.severity);
            for (const f of p.fixes) {
              expect(rule.meta.fix === 'unsafe' || (rule.meta.fix === 'safe' && f.safety === 'safe'), `fix '${f.title}' exceeds meta.fix`).toBe(true);
            }
          });
          if (c.output !== undefined) {
            const fixed = applyFixes(c.code, optionsFor(rule, c));
            const expected = c.output === null ? c.code : c.output;
            expect(fixed.output).toBe(expected);
            if (c.output !== null) {
              expect(syntaxErrors(fixed.output), 'fixed output must parse').toEqual([]);
              const again = applyFixes(fixed.output, optionsFor(rule, c));
              expect(again.output, 'fixes must be idempotent').toBe(fixed.output);
            }
          }
          if (c.fixes?.length === 0) {
            expect(problems.flatMap((p) => p.fixes.map((f) => f.title)), 'fixes: [] means no fix is offered').toEqual([]);
          }
          for (const expectedFix of c.fixes ?? []) {
            const fix = problems.flatMap((p) => p.fixes).find((f) => f.title === expectedFix.title);
            expect(fix, `fix titled '${expectedFix.title}' among ${JSON.stringify(problems.flatMap((p) => p.fixes.map((f) => f.title)))}`).toBeDefined();
            const out = applyEdits(c.code, fix!.edits);
            expect(out).toBe(expectedFix.output);
            expect(syntaxErrors(out), 'fixed output must parse').toEqual([]);
          }
        });
      });
      rule.meta.docs.examples.invalid.forEach((code, i) => {
        it(`docs example invalid #${i + 1}`, () => expect(lintWith(rule, { code, files: rule.meta.docs.exampleFiles }).length).toBeGreaterThan(0));
      });
    });
  });
}
