/**
 * Which language ecosystems a Dockerfile builds (from its base images, the commands it runs and the context's
 * file names), and the `.dockerignore` lines that suit them. A line is only proposed when leaving the path out
 * cannot break the build: output directories (`node_modules`, `target`, `bin/obj`) only when the Dockerfile
 * regenerates them itself, `.git` only when nothing in the build reads it, and never a path the Dockerfile
 * copies by name.
 */
import { copiesIn } from './copySources';
import { parseDockerignore } from './dockerignore';
import { classifyInstall, type BuildEcosystem } from './manifests';
import type { DockerfileModel } from './model';
import { recognize } from './packageManagers';
import { runScriptsOf } from './runScript';
import { commandArgs, commandName, commandWordIndex, type ShellCommand } from './shell';
import { own } from './ownKey';

export interface EcosystemEvidence {
  /** Repository names of the external base images (`python`, `dotnet/sdk`, `bitnami/node`). */
  readonly baseImages: readonly string[];
  /** The shell commands of the Dockerfile's RUN instructions. */
  readonly commands: readonly ShellCommand[];
  /** Top-level names in the build context, when known. */
  readonly contextFiles?: readonly string[];
}

const IMAGE_HINTS: readonly [RegExp, BuildEcosystem][] = [
  [/(?:^|\/)(?:python|pypy|miniconda\d*|anaconda\d*)$/, 'python'],
  [/(?:^|\/)(?:node|bun)$/, 'node'],
  [/(?:^|\/)golang$/, 'go'],
  [/(?:^|\/)rust$/, 'rust'],
  [/(?:^|\/)(?:maven|gradle|openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes|sapmachine)$/, 'java'],
  [/(?:^|\/)ruby$/, 'ruby'],
  [/(?:^|\/)(?:php|composer)$/, 'php'],
  [/(?:^|\/)dotnet\//, 'dotnet'],
];

const COMMAND_HINTS: Readonly<Record<string, BuildEcosystem>> = {
  pip: 'python', pip3: 'python', poetry: 'python', pipenv: 'python', uv: 'python', conda: 'python',
  npm: 'node', yarn: 'node', pnpm: 'node', npx: 'node', bun: 'node',
  go: 'go',
  cargo: 'rust',
  mvn: 'java', mvnw: 'java', gradle: 'java', gradlew: 'java',
  bundle: 'ruby', bundler: 'ruby', gem: 'ruby',
  composer: 'php',
  dotnet: 'dotnet',
};

const FILE_HINTS: readonly [RegExp, BuildEcosystem][] = [
  [/^(?:requirements[^/]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile(?:\.lock)?|poetry\.lock|uv\.lock)$/, 'python'],
  [/^(?:package\.json|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb)$/, 'node'],
  [/^go\.(?:mod|sum)$/, 'go'],
  [/^Cargo\.(?:toml|lock)$/, 'rust'],
  [/^(?:pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|mvnw|gradlew)$/, 'java'],
  [/^(?:Gemfile(?:\.lock)?|.*\.gemspec)$/, 'ruby'],
  [/^composer\.(?:json|lock)$/, 'php'],
  [/\.(?:cs|fs|vb)proj$|\.sln$|^Directory\.(?:Build|Packages)\.props$/, 'dotnet'],
];

export function detectEcosystems(evidence: EcosystemEvidence): BuildEcosystem[] {
  const found = new Set<BuildEcosystem>();
  for (const image of evidence.baseImages) for (const [re, eco] of IMAGE_HINTS) if (re.test(image)) found.add(eco);
  for (const cmd of evidence.commands) {
    const eco = own(COMMAND_HINTS, commandName(cmd) ?? '');
    if (eco) found.add(eco);
  }
  for (const file of evidence.contextFiles ?? []) for (const [re, eco] of FILE_HINTS) if (re.test(file)) found.add(eco);
  return [...found].sort();
}

function is(cmd: ShellCommand, name: string | readonly string[], ...subs: string[]): boolean {
  const n = commandName(cmd) ?? '';
  return (typeof name === 'string' ? n === name : name.includes(n)) && (subs.length === 0 || subs.includes(commandArgs(cmd)[0]?.value ?? ''));
}

/** Output directories, each proposed only when one of the Dockerfile's commands recreates it. */
const REGENERATED: readonly { readonly lines: readonly string[]; readonly by: (c: ShellCommand) => boolean }[] = [
  { lines: ['**/node_modules'], by: (c) => classifyInstall(c)?.ecosystem === 'node' },
  { lines: ['.venv'], by: (c) => recognize(c)?.ecosystem === 'python' },
  { lines: ['target'], by: (c) => is(c, 'cargo', 'build', 'install', 'test', 'run') || is(c, ['mvn', 'mvnw']) },
  { lines: ['.gradle', 'build'], by: (c) => is(c, ['gradle', 'gradlew']) },
  { lines: ['**/bin', '**/obj'], by: (c) => is(c, 'dotnet', 'restore', 'build', 'publish', 'test') },
  { lines: ['.bundle', 'vendor/bundle'], by: (c) => is(c, ['bundle', 'bundler'], 'install') },
  { lines: ['vendor'], by: (c) => is(c, ['composer', 'composer.phar'], 'install', 'update') },
];

const ALWAYS: Readonly<Partial<Record<BuildEcosystem, readonly string[]>>> = {
  python: ['**/__pycache__', '**/*.py[cod]', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox'],
  node: ['npm-debug.log*', 'yarn-error.log*'],
};

const GIT_READERS = new Set(['git', 'make', 'gmake', 'goreleaser', 'just', 'task', 'mage']);

/**
 * Commands that may read the git metadata of the context, so `.git` must stay: git itself, build drivers and
 * project scripts (a Makefile's `git describe`), and installs of the project from source, which may take the
 * version from git (setuptools-scm, hatch-vcs).
 */
function readsGit(cmd: ShellCommand): boolean {
  const name = commandName(cmd) ?? '';
  if (GIT_READERS.has(name)) return true;
  const program = cmd.words[commandWordIndexOf(cmd)]?.value ?? '';
  if (program.startsWith('./') || /^(?!\/(?:usr|bin|sbin|opt|etc)\/)[^/]*\//.test(program)) return true;
  const sub = commandArgs(cmd)[0]?.value;
  if (['npm', 'pnpm', 'yarn', 'bun'].includes(name) && (sub === 'run' || (name !== 'npm' && sub !== undefined && !['install', 'add', 'ci', 'i'].includes(sub)))) return true;
  return classifyInstall(cmd)?.kind === 'project';
}

function commandWordIndexOf(cmd: ShellCommand): number {
  return Math.max(0, commandWordIndex(cmd));
}

export interface DockerignoreProposal {
  readonly ecosystems: readonly BuildEcosystem[];
  readonly content: string;
}

/**
 * `.dockerignore` content for the evidence. `explicitSources` are the context paths the Dockerfile copies by
 * name: a line that would exclude one of them is dropped.
 */
export function proposeDockerignore(evidence: EcosystemEvidence, explicitSources: readonly string[]): DockerignoreProposal {
  const ecosystems = detectEcosystems(evidence);
  const sections: [string, string[]][] = [];
  const common = ['.git', '.hg', '.svn', '.idea', '.vscode', '.DS_Store', '.env', 'Dockerfile*', '*.Dockerfile', '.dockerignore', 'docker-compose*.y*ml', 'compose*.y*ml'];
  sections.push(['Version control, editors, local settings and Docker files', evidence.commands.some(readsGit) ? common.filter((l) => l !== '.git') : common]);
  for (const eco of ecosystems) {
    const lines = [...(ALWAYS[eco] ?? [])];
    for (const r of REGENERATED) {
      if (!evidence.commands.some((c) => r.by(c) && ecosystemOf(c) === eco)) continue;
      for (const l of r.lines) if (!lines.includes(l)) lines.push(l);
    }
    if (lines.length > 0) sections.push([TITLES[eco], lines]);
  }
  const keep = (line: string) => {
    const m = parseDockerignore(line);
    return !explicitSources.some((s) => m.excludes(s));
  };
  const body = sections
    .map(([title, lines]) => [title, lines.filter(keep)] as const)
    .filter(([, lines]) => lines.length > 0)
    .map(([title, lines]) => [`# ${title}`, ...lines].join('\n'))
    .join('\n\n');
  return { ecosystems, content: `# Paths left out of the build context (smaller, faster builds that ship no secrets)\n\n${body}\n` };
}

function ecosystemOf(cmd: ShellCommand): BuildEcosystem | undefined {
  return classifyInstall(cmd)?.ecosystem ?? own(COMMAND_HINTS, commandName(cmd) ?? '');
}

const TITLES: Readonly<Record<BuildEcosystem, string>> = {
  python: 'Python', node: 'Node.js', go: 'Go', rust: 'Rust', java: 'Java', ruby: 'Ruby', php: 'PHP', dotnet: '.NET',
};

/**
 * The evidence a Dockerfile gives (base images of all stages, the commands of every RUN) and the context paths
 * it copies by name, then the proposal. Shared by `require-dockerignore` and the "Create .dockerignore" action.
 */
export function proposeDockerignoreFor(model: DockerfileModel, contextFiles?: readonly string[]): DockerignoreProposal {
  const baseImages = model.stages.flatMap((s) => (s.base.kind === 'image' && s.base.name ? [s.base.name] : []));
  const commands = model.instructions
    .filter((i) => i.keyword === 'RUN')
    .flatMap((i) => runScriptsOf(model, i))
    .flatMap((s) => (s.language === 'sh' ? s.script.commands : []));
  const explicit = copiesIn(model, model.instructions)
    .filter((c) => c.fromContext)
    .flatMap((c) => c.sources)
    .flatMap((s) => (s.path !== undefined && s.path !== '.' && !s.glob ? [s.path] : []));
  return proposeDockerignore({ baseImages, commands, ...(contextFiles ? { contextFiles } : {}) }, explicit);
}
