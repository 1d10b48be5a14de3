/**
 * What the build ecosystems read before they can install dependencies: the manifest and lock files of
 * Python, Node, Go, Rust, Java, Ruby, PHP and .NET, and which install commands need only those files.
 *
 * Two uses: `deps-before-source` (and the "Copy dependency manifests first" refactor) copy exactly these
 * files before the install so that the install layer stays cached until a manifest changes; and
 * `require-dockerignore` writes a `.dockerignore` suited to the ecosystems a Dockerfile builds.
 *
 * Commands come from the shell layer; package-manager command lines are read by `packages.ts`.
 */
import { recognize } from './packageManagers';
import { installOf } from './packageInstalls';
import { commandArgs, commandName, findOptionIn, type ShellCommand, type ShellWord } from './shell';

export type BuildEcosystem = 'python' | 'node' | 'go' | 'rust' | 'java' | 'ruby' | 'php' | 'dotnet';

export interface ManifestSpec {
  /** Context-relative path, or a pattern (`*.csproj`). */
  readonly path: string;
  /** The install works without it (a lockfile that may not exist). */
  readonly optional: boolean;
  /** A directory to copy as a whole (`gradle/`). */
  readonly directory?: boolean;
}

/**
 * - `deps`: installs dependencies from manifests only; it can run before the sources are copied.
 * - `project`: installs the dependencies and the project itself (`poetry install`, `uv sync`), so it reads
 *   the sources too.
 * - `build`: downloads dependencies while compiling (`cargo build`, `mvn package`, `gradle build`).
 */
export type InstallKind = 'deps' | 'project' | 'build';

export interface DependencyInstall {
  readonly ecosystem: BuildEcosystem;
  readonly kind: InstallKind;
  /** How to name the command in messages (`npm ci`, `pip install -r requirements.txt`). */
  readonly label: string;
  /** What the command reads before it has the sources (for `deps`; best effort for the others). */
  readonly manifests: readonly ManifestSpec[];
}

const req = (path: string): ManifestSpec => ({ path, optional: false });
const opt = (path: string): ManifestSpec => ({ path, optional: true });
const dir = (path: string): ManifestSpec => ({ path, optional: true, directory: true });

const NODE_LOCKS: Readonly<Record<string, string>> = { npm: 'package-lock.json', yarn: 'yarn.lock', pnpm: 'pnpm-lock.yaml', bun: 'bun.lockb' };
const GRADLE = [req('build.gradle*'), opt('settings.gradle*'), opt('gradle.properties'), opt('gradlew'), dir('gradle')];

/** Every value of a repeatable option (`-c a.txt --constraint=b.txt`). */
function optionValues(args: readonly ShellWord[], aliases: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; ) {
    const hit = findOptionIn(args.slice(i), aliases, true);
    if (!hit) break;
    if (hit.value !== undefined) out.push(hit.value);
    i += hit.argIndex + (hit.valueWord ? 2 : 1);
  }
  return out;
}

const hasOpt = (args: readonly ShellWord[], ...aliases: string[]) => findOptionIn(args, aliases) !== undefined;

/** Words that are not options (goals, tasks, paths); `valueOptions` take the next word as their value. */
function positionals(args: readonly ShellWord[], valueOptions: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v.startsWith('-')) {
      if (valueOptions.includes(v)) i++;
      continue;
    }
    out.push(v);
  }
  return out;
}

/** Package-manager installs (pip, uv, poetry, pipenv, npm, yarn, pnpm, bun, bundle, go, cargo fetch, composer). */
function fromPackageManager(cmd: ShellCommand): DependencyInstall | undefined {
  const rec = recognize(cmd);
  if (!rec || rec.action !== 'install') return undefined;
  const install = installOf(cmd);
  if (!install || install.global) return undefined;
  const manager = rec.manager;
  const label = `${manager} ${rec.subcommand}`;
  if (manager === 'uv' && rec.subcommand === 'pip sync') {
    const files = rec.operands.map((w) => w.value);
    return files.length ? { ecosystem: 'python', kind: 'deps', label: `uv pip sync ${files[0]}`, manifests: files.map(req) } : undefined;
  }
  if (!install.fromManifest) {
    // `pip install .` / `pip install -e ./lib`: the project itself, from its sources.
    const local = install.ecosystem === 'python' && install.packages.some((p) => p.kind === 'path');
    return local ? { ecosystem: 'python', kind: 'project', label, manifests: [opt('pyproject.toml'), opt('setup.py'), opt('setup.cfg')] } : undefined;
  }
  switch (manager) {
    case 'pip':
    case 'uv': {
      if (manager === 'uv' && rec.subcommand === 'sync') {
        const kind = hasOpt(rec.args, '--no-install-project') ? 'deps' : 'project';
        return { ecosystem: 'python', kind, label: 'uv sync', manifests: [req('pyproject.toml'), opt('uv.lock')] };
      }
      const files = [...install.manifests, ...optionValues(rec.args, ['-c', '--constraint'])];
      if (files.length === 0) return undefined;
      // `pip install -r requirements.txt .` / `-e .` also installs the project from its sources.
      const local = install.packages.some((p) => p.kind === 'path');
      return { ecosystem: 'python', kind: local ? 'project' : 'deps', label: `${label} -r ${files[0]}`, manifests: files.map(req) };
    }
    case 'poetry':
      return { ecosystem: 'python', kind: hasOpt(rec.args, '--no-root') ? 'deps' : 'project', label, manifests: [req('pyproject.toml'), opt('poetry.lock')] };
    case 'pipenv':
      return { ecosystem: 'python', kind: 'deps', label, manifests: [req('Pipfile'), opt('Pipfile.lock')] };
    case 'npm':
    case 'yarn':
    case 'pnpm':
    case 'bun':
      if (install.target !== undefined) return undefined; // `--prefix dir`: reads another directory's manifests
      return { ecosystem: 'node', kind: 'deps', label: manager === 'yarn' && cmd.words.length === 1 ? 'yarn' : label, manifests: [req('package.json'), opt(NODE_LOCKS[manager]!)] };
    case 'bundle':
      return { ecosystem: 'ruby', kind: 'deps', label: 'bundle install', manifests: [req('Gemfile'), opt('Gemfile.lock')] };
    case 'go':
      return { ecosystem: 'go', kind: 'deps', label: 'go mod download', manifests: [req('go.mod'), opt('go.sum')] };
    case 'cargo':
      return { ecosystem: 'rust', kind: 'deps', label: 'cargo fetch', manifests: [req('Cargo.toml'), opt('Cargo.lock')] };
    case 'composer':
      // Without both flags composer runs the project's scripts and scans its sources for the autoloader.
      return {
        ecosystem: 'php',
        kind: hasOpt(rec.args, '--no-scripts') && hasOpt(rec.args, '--no-autoloader') ? 'deps' : 'project',
        label,
        manifests: [req('composer.json'), opt('composer.lock')],
      };
    default:
      return undefined;
  }
}

const MAVEN_VALUES = ['-f', '--file', '-s', '--settings', '-gs', '--global-settings', '-P', '--activate-profiles', '-pl', '--projects', '-T', '--threads', '-t', '--toolchains', '-l', '--log-file', '-rf', '--resume-from', '-D'];
const GRADLE_VALUES = ['-p', '--project-dir', '-b', '--build-file', '-c', '--settings-file', '-x', '--exclude-task', '-g', '--gradle-user-home', '-D', '-P', '-I', '--init-script', '--max-workers'];
const DOTNET_VALUES = ['-s', '--source', '-r', '--runtime', '--packages', '--configfile', '-v', '--verbosity', '-p', '--property', '-a', '--arch', '--os'];

/** Build tools that fetch dependencies themselves: Maven, Gradle, `cargo build`, `dotnet restore`. */
function fromBuildTool(cmd: ShellCommand): DependencyInstall | undefined {
  const name = commandName(cmd);
  const args = commandArgs(cmd);
  switch (name) {
    case 'cargo': {
      const sub = args[0]?.value;
      if (sub === 'build' || (sub === 'install' && hasOpt(args, '--path'))) {
        return { ecosystem: 'rust', kind: 'build', label: `cargo ${sub}`, manifests: [req('Cargo.toml'), opt('Cargo.lock')] };
      }
      return undefined;
    }
    case 'mvn':
    case 'mvnw': {
      const goals = positionals(args, MAVEN_VALUES);
      const deps = goals.length > 0 && goals.every((g) => /^(?:[\w.-]+:)?dependency:|go-offline/.test(g));
      const build = goals.some((g) => ['package', 'install', 'verify', 'compile', 'deploy', 'test'].includes(g));
      if (!deps && !build) return undefined;
      const manifests = [req('pom.xml'), dir('.mvn'), ...(name === 'mvnw' ? [req('mvnw')] : [])];
      return { ecosystem: 'java', kind: deps ? 'deps' : 'build', label: `${name} ${goals.join(' ')}`, manifests };
    }
    case 'gradle':
    case 'gradlew': {
      const tasks = positionals(args, GRADLE_VALUES);
      if (tasks.length === 0) return undefined;
      const deps = tasks.every((t) => /(?:^|:)(?:dependencies|androidDependencies)$/.test(t));
      return { ecosystem: 'java', kind: deps ? 'deps' : 'build', label: `${name} ${tasks.join(' ')}`, manifests: GRADLE };
    }
    case 'dotnet': {
      if (args[0]?.value !== 'restore') return undefined;
      const target = positionals(args.slice(1), DOTNET_VALUES)[0];
      const project = target && /\.(?:cs|fs|vb)proj$|\.sln$/.test(target) ? [req(target)] : [req('*.csproj')];
      const extras = [opt('Directory.Build.props'), opt('Directory.Packages.props'), opt('NuGet.config'), opt('nuget.config'), opt('global.json')];
      return { ecosystem: 'dotnet', kind: 'deps', label: 'dotnet restore', manifests: [...project, ...extras] };
    }
    default:
      return undefined;
  }
}

/**
 * Classifies one shell command. Undefined for commands that install nothing from the project's manifests
 * (`pip install flask`, `npm install -g pnpm`, `go build`).
 */
export function classifyInstall(cmd: ShellCommand): DependencyInstall | undefined {
  return fromPackageManager(cmd) ?? fromBuildTool(cmd);
}

/** Files whose presence in the context means the install reads more than its manifests (workspaces, gems). */
const SPLIT_BREAKERS: Readonly<Record<BuildEcosystem, RegExp | undefined>> = {
  node: /^(?:pnpm-workspace\.yaml|lerna\.json|nx\.json|turbo\.json|rush\.json|\.yarnrc\.yml|packages|apps)$/,
  ruby: /\.gemspec$/,
  go: /^go\.work$/,
  dotnet: /\.sln$/,
  python: undefined,
  rust: undefined,
  java: undefined,
  php: undefined,
};

/** Files to add to the manifest COPY when the context has them (registry configuration). */
const EXTRAS: Readonly<Partial<Record<BuildEcosystem, readonly string[]>>> = {
  node: ['.npmrc'],
  python: ['pip.conf'],
};

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
}

export interface ManifestCopy {
  /** Sources as they go into the COPY (`package.json`, `package-lock.json*`, `gradle/`). */
  readonly sources: readonly string[];
  /** Where they go, relative to the destination of `COPY . <dest>` (`` for the destination itself, `gradle/`). */
  readonly target: string;
}

/**
 * The COPY instructions that bring `installs`' manifests into the image where `COPY . <dest>` would put them.
 * A COPY flattens its sources into its destination, so files of another directory, and each directory copied
 * whole, get a COPY of their own. With the context's top-level file names known, only files that exist are
 * copied; otherwise optional files get a trailing `*`, which BuildKit accepts when nothing matches. Undefined
 * when the manifests cannot be determined safely.
 */
export function manifestCopies(installs: readonly DependencyInstall[], contextFiles?: readonly string[]): ManifestCopy[] | undefined {
  const groups = new Map<string, string[]>();
  const addTo = (target: string, source: string) => {
    const list = groups.get(target) ?? [];
    if (!list.includes(source)) list.push(source);
    groups.set(target, list);
  };
  const addFile = (path: string) => {
    const slash = path.lastIndexOf('/');
    addTo(slash < 0 ? '' : path.slice(0, slash + 1), path);
  };
  const addDir = (path: string) => addTo(`${path.replace(/\/+$/, '')}/`, `${path.replace(/\/+$/, '')}/`);
  for (const install of installs) {
    if (install.kind !== 'deps') return undefined;
    const breaker = SPLIT_BREAKERS[install.ecosystem];
    if (contextFiles && breaker && contextFiles.some((f) => breaker.test(f))) return undefined;
    for (const spec of install.manifests) {
      const path = spec.path.replace(/^\.\//, '');
      if (path.includes('$') || path.startsWith('/') || path.startsWith('..')) return undefined;
      if (contextFiles && !path.includes('/')) {
        const re = globToRegExp(path);
        const present = contextFiles.filter((f) => re.test(f)).sort();
        if (present.length === 0) {
          if (spec.optional) continue;
          return undefined; // a required manifest is missing: the install cannot work from manifests alone
        }
        for (const f of present) {
          if (spec.directory) addDir(f);
          else addFile(f);
        }
        continue;
      }
      if (spec.directory) continue; // only copied when known to exist
      // Requirement files often include siblings (`-r base.txt`): copy the whole family or directory.
      if (/^requirements[^/]*\.txt$/.test(path)) addFile('requirements*.txt');
      else if (/^requirements\//.test(path)) addDir('requirements');
      else addFile(spec.optional && !path.includes('*') ? `${path}*` : path);
    }
    for (const extra of EXTRAS[install.ecosystem] ?? []) if (contextFiles?.includes(extra)) addFile(extra);
  }
  if (groups.size === 0) return undefined;
  return [...groups.entries()].map(([target, sources]) => ({ target, sources }));
}
