import { copiesIn } from '../analysis/copySources';
import { packageOpsOf } from '../analysis/instrPackages';
import type { DockerfileModel, Instr, Stage } from '../analysis/model';
import { defineRule } from '../engine/defineRule';
import { argWord, commandHeadRange, editableCommand, scriptOf } from '../engine/edits/shellEdits';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** A COPY before `run` in its stage chain that certainly brings an npm lockfile into the image. */
function lockfileCopied(model: DockerfileModel, run: Instr, contextFiles: readonly string[] | undefined): Instr | undefined {
  const chain: Stage[] = [];
  for (let s = run.stage; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  const instrs = chain.flatMap((s) => s.instructions).filter((i) => i.stage !== run.stage || i.index < run.index);
  const lockInContext = contextFiles?.some((f) => LOCKFILES.includes(f)) ?? false;
  for (const copy of copiesIn(model, instrs).reverse()) {
    if (!copy.fromContext) continue;
    for (const s of copy.sources) {
      if (s.path === undefined) continue;
      const base = s.path.slice(s.path.lastIndexOf('/') + 1);
      if (!s.glob && LOCKFILES.includes(base)) return copy.instr;
      // A pattern (`package*.json`) or the whole context only counts when the lockfile is known to exist.
      if (lockInContext && (s.path === '.' || (s.glob && !s.path.includes('/') && LOCKFILES.some((l) => globMatches(s.path!, l))))) return copy.instr;
    }
  }
  return undefined;
}

function globMatches(glob: string, name: string): boolean {
  // `[…]` is a character class in BuildKit's globs; an unterminated one (`COPY [a, /x/`) is a bad pattern that
  // matches nothing, as in Go's filepath.Match, instead of an invalid RegExp.
  try {
    return new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.') + '$').test(name);
  } catch {
    return false;
  }
}

const INCOMPATIBLE = /^--(?:no-package-lock|package-lock(?:-only)?(?:=.*)?|save(?:-.*)?|no-save|global)$|^-[gSDOEB]$/;

export default defineRule({
  id: 'prefer-npm-ci',
  meta: {
    category: 'correctness',
    defaultSeverity: 'info',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      ci: "'npm {{sub}}' may resolve other versions than the lockfile copied on line {{line}}; 'npm ci' installs exactly what it lists",
      useCi: "Use 'npm ci'",
    },
    docs: {
      summary: 'Install from the lockfile with npm ci when the build copies package-lock.json',
      rationale:
        '`npm install` treats `package-lock.json` as a hint: it may update it and install newer versions that ' +
        'satisfy `package.json`, so two builds of the same commit can differ. `npm ci` installs exactly the ' +
        'locked versions, fails when the lockfile and `package.json` disagree, and is faster in a clean ' +
        'image.\n\n' +
        'Reported only when the lockfile certainly reaches the image: a COPY names it, or a pattern or ' +
        '`COPY . …` copies it and the context is known to contain it.',
      fixSafety:
        '`npm ci` installs the locked versions (the intent) and fails if the lockfile is out of date. The fix ' +
        'is not offered with options `npm ci` does not accept (`--no-package-lock`, `--save…`, `-g`).',
      examples: {
        invalid: ['FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\n'],
        valid: ['FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n', 'FROM node:20\nCOPY package.json ./\nRUN npm install\n'],
      },
    },
  },
  check({ model, files, report }) {
    for (const run of model.instructions) {
      if (run.keyword !== 'RUN' || !run.stage) continue;
      for (const install of packageOpsOf(model, run).installs) {
        if (install.manager !== 'npm' || !install.fromManifest || install.global || install.target !== undefined) continue;
        const cmd = install.command;
        const sub = argWord(cmd, install.subcommand);
        if (!sub || install.subcommand === 'ci' || install.subcommand === 'clean-install') continue;
        const copy = lockfileCopied(model, run, files.contextFiles);
        if (!copy) continue;
        const fixable = editableCommand(scriptOf(model, run, cmd), cmd) && !sub.expansion && sub.raw === sub.value &&
          !cmd.words.some((w) => INCOMPATIBLE.test(w.value));
        const at = { start: model.document.positionAt(sub.start), end: model.document.positionAt(sub.end) };
        report({
          messageId: 'ci',
          data: { sub: install.subcommand, line: copy.range.start.line + 1 },
          range: commandHeadRange(model, cmd, sub),
          related: [{ range: copy.range, message: 'The lockfile is copied here' }],
          fixes: fixable ? [{ messageId: 'useCi', safety: 'safe', edits: [{ range: at, newText: 'ci' }] }] : [],
        });
      }
    }
  },
});
