/**
 * Node.js: the builder installs every dependency, builds, then prunes the dev dependencies; the runtime gets
 * the production `node_modules`. When the container runs `node <dir>/<file>` from a directory the build wrote
 * (`dist/`, `build/`), only that directory, `node_modules` and `package.json` are copied; otherwise the whole
 * application directory is (it is what `npm start` may read).
 */
import { recognize } from '../../analysis/packageManagers';
import { installOf } from '../../analysis/packageInstalls';
import { commandArgs, commandName } from '../../analysis/shell';
import { keyword } from '../style';
import { resolvePath, type SplitAnalysis } from './analysis';
import { insertions, runtimeImageOf, type Artifact, type EcosystemPlan, type Planner } from './plan';

type Manager = 'npm' | 'yarn' | 'pnpm';

interface NodeBuild {
  readonly manager: Manager;
  /** Every project install already leaves dev dependencies out. */
  readonly production: boolean;
  /** A build script runs after the install. */
  readonly builds: boolean;
}

const BUILD_TOOLS = new Set(['tsc', 'webpack', 'vite', 'esbuild', 'rollup', 'next', 'nest', 'ng', 'parcel', 'babel']);

function nodeBuild(analysis: SplitAnalysis): NodeBuild | undefined {
  const managers = new Set<Manager>();
  let production = true;
  let installs = 0;
  let builds = false;
  let corepack = false;
  for (const [instr, cmds] of analysis.commands) {
    if (analysis.runKinds.get(instr) !== 'other') continue;
    for (const cmd of cmds) {
      const name = commandName(cmd) ?? '';
      const args = commandArgs(cmd).map((w) => w.value);
      if (name === 'corepack') {
        corepack = true;
        continue;
      }
      if (name === 'yarn' && (args[0] === 'set' || args[0] === 'dlx')) return undefined; // Yarn Berry
      if (name === 'bun') return undefined;
      const rec = recognize(cmd);
      if (rec && rec.ecosystem === 'node' && rec.action === 'install') {
        const install = installOf(cmd);
        if (!install) return undefined;
        if (install.global) continue; // build tools installed globally stay in the builder
        if (!install.fromManifest || install.target !== undefined) return undefined;
        managers.add(rec.manager as Manager);
        installs++;
        if (!install.flags.production) production = false;
        continue;
      }
      if ((name === 'npm' || name === 'pnpm' || name === 'yarn') && (args[0] === 'run' || args[0] === 'run-script' || (name !== 'npm' && args[0] !== undefined && !args[0].startsWith('-')))) builds = true;
      if (BUILD_TOOLS.has(name) || name === 'npx') builds = true;
    }
  }
  const manager = [...managers][0];
  if (installs === 0 || managers.size !== 1 || !manager) return undefined;
  // With corepack, yarn is whatever version package.json pins (Yarn Berry prunes differently); pnpm prunes alike.
  if (corepack && manager === 'yarn') return undefined;
  return { manager, production, builds };
}

function nodeMajor(analysis: SplitAnalysis): number | undefined {
  const v = analysis.facts.language.version;
  const major = v === undefined ? NaN : Number(v.split('.')[0]);
  return Number.isFinite(major) ? major : undefined;
}

function pruneCommand(manager: Manager, major: number | undefined): string {
  if (manager === 'pnpm') return 'pnpm prune --prod';
  if (manager === 'yarn') return 'yarn install --production --frozen-lockfile';
  return major !== undefined && major < 16 ? 'npm prune --production' : 'npm prune --omit=dev';
}

/** The output directory when the container runs `node <dir>/…` from a directory of the tree. */
function outputDirectory(analysis: SplitAnalysis, tree: string): string | undefined {
  const main = analysis.programs[0];
  if (!main || main.instr.keyword === 'HEALTHCHECK' || main.executable !== 'node') return undefined;
  const script = main.args.find((a) => !a.startsWith('-'));
  if (!script) return undefined;
  const path = resolvePath(analysis.finalWorkdir, script);
  if (!path || !path.startsWith(`${tree}/`)) return undefined;
  const dir = path.slice(tree.length + 1).split('/')[0]!;
  if (dir === path.slice(tree.length + 1) || dir === 'node_modules' || dir === 'src') return undefined;
  return `${tree}/${dir}`;
}

export const nodePlanner: Planner = {
  ecosystem: 'node',
  recognises: (analysis) => analysis.facts.language.name === 'node',
  plan(analysis): EcosystemPlan | undefined {
    const runtime = runtimeImageOf(analysis);
    const tree = analysis.tree;
    if (!runtime || tree === undefined || tree === '/') return undefined;
    const build = nodeBuild(analysis);
    if (!build) return undefined;
    const main = analysis.programs[0];
    // `npm run dev` and friends need the dev dependencies the runtime leaves out.
    if (main && main.instr.keyword !== 'HEALTHCHECK' && ['npm', 'yarn', 'pnpm'].includes(main.executable)) {
      const script = main.args.join(' ');
      if (script !== 'start' && script !== 'run start') return undefined;
    }
    const output = build.builds ? outputDirectory(analysis, tree) : undefined;
    const artifacts: Artifact[] = output
      ? [{ from: `${tree}/package.json`, to: `${tree}/package.json` }, { from: `${tree}/node_modules`, to: `${tree}/node_modules` }, { from: output, to: output }]
      : [{ from: tree, to: tree }];
    const after = build.production ? [] : [[`${keyword(analysis.style, 'RUN')} ${pruneCommand(build.manager, nodeMajor(analysis))}`]];
    return {
      ecosystem: 'node',
      runtimeImage: runtime.reference,
      artifacts,
      afterArtifacts: [],
      builderBefore: new Map(),
      builderAfter: insertions([[analysis.last, after]]),
      linksLibraries: true,
      gain: !build.production,
      // node-gyp runs Python to build native addons; the addons do not need it at run time.
      buildOnlyPackages: ['python3', 'python', 'python-is-python3'],
      provides: (name) => name === 'node' || name === 'npm' || name === 'yarn',
    };
  },
};
