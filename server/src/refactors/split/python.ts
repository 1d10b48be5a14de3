/**
 * Python: where the builder leaves the installed packages decides what the runtime copies.
 * - a virtualenv the Dockerfile creates (`python -m venv /opt/venv`): copied as is;
 * - `pip install --user`: the user base (`/root/.local`) is copied to `/usr/local`, the image's own prefix, so
 *   packages and console scripts are found by every user without PATH changes;
 * - installs into the system site-packages (plain `pip install`, poetry with `virtualenvs.create false`): the
 *   builder gets a virtualenv at `/opt/venv` right before them (activated through `VIRTUAL_ENV` and `PATH`, which
 *   pip and poetry both honour), and the runtime copies it;
 * - a project virtualenv inside the source tree (`uv sync`, poetry `virtualenvs.in-project`): copied with the tree.
 * The application tree (WORKDIR of the build) is copied as well: Python runs from its sources.
 */
import { recognize } from '../../analysis/packageManagers';
import { installOf } from '../../analysis/packageInstalls';
import { commandArgs, commandName, type ShellCommand } from '../../analysis/shell';
import { keyword } from '../style';
import { resolvePath, type SplitAnalysis } from './analysis';
import { insertions, runtimeImageOf, type Artifact, type EcosystemPlan, type Planner } from './plan';

const TOOL_PACKAGES = new Set(['pip', 'setuptools', 'wheel', 'poetry', 'pipenv', 'uv', 'pip-tools', 'virtualenv', 'poetry-plugin-export']);
const VENV = '/opt/venv';

type Mode = { kind: 'venv'; path: string } | { kind: 'user'; base: string } | { kind: 'system'; at: number } | { kind: 'tree' };

/** ENV values the stage sets before instruction `index` (last one wins). */
function envBefore(analysis: SplitAnalysis, index: number, name: string): string | undefined {
  let value: string | undefined;
  analysis.instrs.slice(0, index).forEach((instr) => {
    if (instr.keyword !== 'ENV') return;
    const text = analysis.model.textOf({ start: instr.keywordRange.end, end: instr.range.end });
    const m = new RegExp(`(?:^|\\s)${name}[= ]\\s*("[^"]*"|'[^']*'|\\S+)`).exec(text);
    if (m) value = m[1]!.replace(/^["']|["']$/g, '');
  });
  return value;
}

function isVenvCreation(cmd: ShellCommand): string | undefined {
  const name = commandName(cmd);
  const args = commandArgs(cmd).map((w) => w.value);
  if (name && /^python[0-9.]*$/.test(name)) {
    const m = args.indexOf('-m');
    if (m >= 0 && (args[m + 1] === 'venv' || args[m + 1] === 'virtualenv')) return args.slice(m + 2).find((a) => !a.startsWith('-'));
  }
  if (name === 'virtualenv') return args.find((a) => !a.startsWith('-'));
  if (name === 'uv' && args[0] === 'venv') return args.slice(1).find((a) => !a.startsWith('-')) ?? '.venv';
  return undefined;
}

function userOf(analysis: SplitAnalysis, index: number): string | undefined {
  const user = [...analysis.instrs.slice(0, index)].reverse().find((i) => i.keyword === 'USER');
  return user?.args[0]?.value.split(':')[0];
}

/** How the packages are installed; undefined for a layout the refactor does not handle. */
function modeOf(analysis: SplitAnalysis): Mode | undefined {
  const modes: Mode[] = [];
  let venv: string | undefined;
  let poetryCreate: boolean | undefined;
  let poetryInProject: boolean | undefined;
  for (const [i, instr] of analysis.instrs.entries()) {
    const cmds = analysis.commands.get(instr);
    if (!cmds || analysis.runKinds.get(instr) !== 'other') continue;
    for (const cmd of cmds) {
      const created = isVenvCreation(cmd);
      if (created !== undefined) {
        const wdir = analysis.workdirBefore[i];
        venv = resolvePath(wdir, created);
        if (venv === undefined) return undefined;
        continue;
      }
      const name = commandName(cmd);
      if (name === 'poetry' && commandArgs(cmd)[0]?.value === 'config') {
        const args = commandArgs(cmd).map((w) => w.value);
        const value = args[2] === 'false' ? false : args[2] === 'true' ? true : undefined;
        if (args[1] === 'virtualenvs.create') poetryCreate = value;
        if (args[1] === 'virtualenvs.in-project') poetryInProject = value;
        continue;
      }
      if (name === 'pipenv' || name === 'conda' || name === 'pipx') return undefined;
      const rec = recognize(cmd);
      if (!rec || rec.ecosystem !== 'python' || rec.action !== 'install') continue;
      if (cmd.words[0]?.value.includes('/') && !venv) return undefined; // `/usr/local/bin/pip` bypasses a venv
      const install = installOf(cmd);
      if (!install || install.target !== undefined) return undefined;
      if (rec.manager === 'uv') {
        if (rec.subcommand !== 'sync') return undefined;
        modes.push({ kind: 'tree' });
        continue;
      }
      if (rec.manager === 'poetry') {
        const create = poetryCreate ?? flag(envBefore(analysis, i, 'POETRY_VIRTUALENVS_CREATE'));
        const inProject = poetryInProject ?? flag(envBefore(analysis, i, 'POETRY_VIRTUALENVS_IN_PROJECT'));
        if (venv) modes.push({ kind: 'venv', path: venv });
        else if (create === false) modes.push({ kind: 'system', at: i });
        else if (inProject === true) modes.push({ kind: 'tree' });
        else return undefined; // a venv in poetry's cache: only `poetry run` finds it
        continue;
      }
      if (rec.manager !== 'pip') return undefined;
      const tool = !install.fromManifest && install.packages.every((p) => TOOL_PACKAGES.has(p.name.toLowerCase()));
      if (venv) modes.push({ kind: 'venv', path: venv });
      else if (install.flags.user) {
        const userBase = envBefore(analysis, i, 'PYTHONUSERBASE');
        const user = userOf(analysis, i);
        const base = userBase ?? (user === undefined || user === 'root' || user === '0' ? '/root/.local' : `/home/${user}/.local`);
        if (base.includes('$')) return undefined;
        modes.push({ kind: 'user', base });
      } else if (!tool) modes.push({ kind: 'system', at: i });
    }
  }
  const envVenv = venv ?? envBefore(analysis, analysis.last + 1, 'VIRTUAL_ENV');
  const first = modes[0];
  if (!first) return undefined;
  if (!modes.every((m) => m.kind === first.kind)) return undefined;
  if (first.kind === 'system' && envVenv) return { kind: 'venv', path: envVenv };
  return first;
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return /^(1|true|yes)$/i.test(value) ? true : /^(0|false|no)$/i.test(value) ? false : undefined;
}

/** System tools that are not console scripts of Python packages: they must come from the image or packages. */
const SYSTEM_TOOLS = new Set(['curl', 'wget', 'git', 'nc', 'netcat', 'jq', 'ssh', 'make', 'gcc', 'bash', 'nginx', 'supervisord', 'tini', 'dumb-init', 'gosu']);

export const pythonPlanner: Planner = {
  ecosystem: 'python',
  recognises: (analysis) => analysis.facts.language.name === 'python',
  plan(analysis): EcosystemPlan | undefined {
    const runtime = runtimeImageOf(analysis);
    const tree = analysis.tree;
    if (!runtime || tree === undefined || tree === '/') return undefined;
    const mode = modeOf(analysis);
    if (!mode) return undefined;
    const artifacts: Artifact[] = [];
    const afterArtifacts: string[][] = [];
    const builder: [number, string[][]][] = [];
    const env = keyword(analysis.style, 'ENV');
    const activate = [`${env} VIRTUAL_ENV=${VENV} PATH="${VENV}/bin:$PATH"`];
    artifacts.push({ from: tree, to: tree });
    if (mode.kind === 'venv') {
      if (!mode.path.startsWith(`${tree}/`)) artifacts.push({ from: mode.path, to: mode.path });
    } else if (mode.kind === 'user') {
      artifacts.push({ from: mode.base, to: '/usr/local' });
    } else if (mode.kind === 'system') {
      // Before the COPY of the requirements that precedes the install, so that its layers stay cached.
      let at = mode.at;
      while (at > 0 && ['COPY', 'ADD'].includes(analysis.instrs[at - 1]!.keyword) && !analysis.instrs[at - 1]!.flag('from')) at--;
      builder.push([at, [[`${keyword(analysis.style, 'RUN')} python -m venv ${VENV}`], activate]]);
      artifacts.push({ from: VENV, to: VENV });
      afterArtifacts.push(activate);
    }
    return {
      ecosystem: 'python',
      runtimeImage: runtime.reference,
      artifacts,
      afterArtifacts,
      builderBefore: insertions(builder),
      builderAfter: new Map(),
      linksLibraries: true,
      provides: (name) => /^python[0-9.]*$/.test(name) || name === 'pip' || !SYSTEM_TOOLS.has(name),
    };
  },
};

