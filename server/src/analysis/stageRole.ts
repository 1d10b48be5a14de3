/**
 * A plain-language guess of what a stage is for, from how the file uses it and what it runs:
 * - `final`: a build target (the last stage, or a configured target) — what `docker build` ships;
 * - `builder`: compiles or bundles something that another stage copies out (`COPY --from`, mount `from=`);
 * - `dependencies`: installs packages/modules that another stage copies or builds on;
 * - `test`: runs tests or linters and is consumed by nobody (built on purpose with `--target`);
 * - `runtime`: not the default target but has a CMD/ENTRYPOINT (an alternative image such as `prod`/`dev`);
 * - `base`: a common starting point other stages are built `FROM`;
 * - `stage`: none of the above is evident.
 *
 * Stage names are a strong signal of intent (`deps`, `test`, `builder`), so a name that says the role wins over
 * behaviour, except that a target is always `final`. Hover, code lens and role-aware rules share this.
 */
import type { DockerfileModel, Stage } from './model';

export type StageRole = 'final' | 'builder' | 'dependencies' | 'test' | 'runtime' | 'base' | 'stage';

const NAME_HINTS: readonly [RegExp, StageRole][] = [
  [/(^|[-_.])(tests?|testing|lint|linter|check|ci|spec|verify|unit)([-_.]|$)/, 'test'],
  [/(^|[-_.])(deps|dependencies|modules|vendor|install|packages|node[-_]modules|pip|venv)([-_.]|$)/, 'dependencies'],
  [/(^|[-_.])(build|builder|building|compile|compiler|bundle|bundler|dist|artifacts?)([-_.]|$)/, 'builder'],
  [/(^|[-_.])(runtime|run|runner|prod|production|release|final|app|server|serve|deploy|dev|development|debug)([-_.]|$)/, 'runtime'],
  [/(^|[-_.])(base|common|shared|foundation)([-_.]|$)/, 'base'],
];

/** Commands whose presence means the stage runs a test suite or a linter. */
const TEST_COMMANDS =
  /\b(go\s+test|go\s+vet|golangci-lint|npm\s+(run\s+)?test|yarn\s+(run\s+)?test|pnpm\s+(run\s+)?test|npm\s+run\s+lint|yarn\s+lint|pytest|tox|python\s+-m\s+(pytest|unittest)|cargo\s+(test|clippy)|mvn\s+[^&|;]*\b(test|verify)\b|gradlew?\s+[^&|;]*\btest\b|dotnet\s+test|rspec|phpunit|flake8|ruff|eslint|mypy)\b/;

/** Commands that produce build output. */
const BUILD_COMMANDS =
  /\b(go\s+build|go\s+install|cargo\s+build|npm\s+run\s+build|yarn\s+(run\s+)?build|pnpm\s+(run\s+)?build|mvn\s+[^&|;]*\b(package|install)\b|gradlew?\s+[^&|;]*\b(build|assemble|bootJar|jar|shadowJar)\b|dotnet\s+(publish|build)|make\b|cmake\b|gcc\b|g\+\+|clang\b|tsc\b|python\s+setup\.py|pip\s+wheel|python\s+-m\s+build|bundle\s+exec\s+rake|hugo\b|mix\s+release|zig\s+build|swift\s+build)/;

/** Commands that only fetch dependencies. */
const DEPENDENCY_COMMANDS =
  /\b(npm\s+(ci|install|i)\b|yarn(\s+install)?\s*($|&&|;|--)|pnpm\s+(install|i|fetch)\b|pip3?\s+install|poetry\s+install|pipenv\s+install|uv\s+(sync|pip\s+install)|go\s+mod\s+download|bundle\s+install|composer\s+install|cargo\s+fetch|mvn\s+[^&|;]*dependency:|dotnet\s+restore)/;

export function inferStageRole(model: DockerfileModel, stage: Stage): StageRole {
  if (model.targets.includes(stage)) return 'final';
  const key = stage.name?.key;
  if (key) {
    for (const [pattern, role] of NAME_HINTS) if (pattern.test(key)) return role;
  }
  const refs = model.referencesTo(stage).filter((e) => !e.onbuild && e.source !== stage);
  const copiedOut = refs.some((e) => e.kind !== 'from');
  const builtOn = refs.some((e) => e.kind === 'from');
  const script = runText(model, stage);
  if (copiedOut) {
    if (BUILD_COMMANDS.test(script)) return 'builder';
    if (DEPENDENCY_COMMANDS.test(script)) return 'dependencies';
    return 'builder';
  }
  if (builtOn) return DEPENDENCY_COMMANDS.test(script) && !BUILD_COMMANDS.test(script) ? 'dependencies' : 'base';
  if (TEST_COMMANDS.test(script)) return 'test';
  if (stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) return 'runtime';
  if (BUILD_COMMANDS.test(script)) return 'builder';
  return 'stage';
}

/** Short human wording of a role, for hover cards and code lenses. */
export function stageRoleLabel(role: StageRole): string {
  switch (role) {
    case 'final':
      return 'final image';
    case 'dependencies':
      return 'dependencies';
    case 'stage':
      return 'stage';
    default:
      return role;
  }
}

/** The RUN scripts of a stage (heredoc bodies included), lower-cased, one per line. */
function runText(model: DockerfileModel, stage: Stage): string {
  return stage.instructions
    .filter((i) => i.keyword === 'RUN')
    .map((i) => model.textOf(i.range).slice(i.keywordText.length))
    .join('\n')
    .toLowerCase();
}
