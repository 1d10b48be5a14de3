/** Accounts and ownership in the split: who owns the build tree, which users a RUN creates, what a COPY creates. */
import { copyParts } from '../../analysis/copySources';
import type { Instr } from '../../analysis/model';
import { commandArgs, commandName } from '../../analysis/shell';
import { copyDestination, resolvePath, type SplitAnalysis } from './analysis';
import { within } from './runKinds';

/**
 * The owner the build steps gave the tree: `--chown` of the COPYs into it, `chown -R <owner> <tree or below>` in
 * its RUNs. Undefined when root owns it, null when different owners are used.
 */
export function treeOwner(analysis: SplitAnalysis): string | undefined | null {
  const tree = analysis.tree;
  if (tree === undefined) return undefined;
  const owners = new Set<string>();
  analysis.instrs.slice(0, analysis.last + 1).forEach((instr, i) => {
    const wd = analysis.workdirBefore[i];
    if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && !instr.flag('from')) {
      const dest = copyDestination(analysis.model, instr, wd);
      const chown = instr.flag('chown')?.value;
      if (chown && dest !== undefined && within(dest.replace(/\/$/, '') || '/', tree)) owners.add(chown);
    }
    for (const cmd of instr.keyword === 'RUN' ? analysis.commands.get(instr) ?? [] : []) {
      if (commandName(cmd) !== 'chown') continue;
      const args = commandArgs(cmd).map((w) => w.value);
      const operands = args.filter((a) => !a.startsWith('-'));
      if (!args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive') || operands.length < 2) continue;
      for (const path of operands.slice(1)) {
        const abs = resolvePath(wd, path);
        if (abs !== undefined && within(abs, tree)) owners.add(operands[0]!);
      }
    }
  });
  if (owners.size > 1) return null;
  const [only] = owners;
  return only === undefined || /^(root|0)(:(root|0))?$/.test(only) || only.includes('$') ? undefined : only;
}

/** Paths a COPY creates: its destination, and for a directory destination each source's name in it. */
export function copiedPaths(analysis: SplitAnalysis, instr: Instr, dest: string): string[] {
  if (!dest.endsWith('/')) return [dest];
  const names = (copyParts(analysis.model, instr)?.sources ?? []).flatMap((s) => (s.value && !s.glob ? [s.value.replace(/\/+$/, '').split('/').pop()!] : []));
  return [dest, ...names.filter((n) => n !== '' && n !== '.').map((n) => dest + n)];
}

/** Whether a user-setup RUN creates `name` (`useradd … name`, `adduser … name`). */
export function createsUser(analysis: SplitAnalysis, run: Instr, name: string): boolean {
  return (analysis.commands.get(run) ?? []).some((c) => {
    const n = commandName(c);
    return (n === 'useradd' || n === 'adduser') && commandArgs(c).some((w) => w.value === name);
  });
}

