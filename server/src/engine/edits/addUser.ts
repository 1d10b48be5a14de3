/**
 * "Add a non-root user": the lines that create an account with the base image family's own tools and switch
 * to it, for the `no-root-final-stage` and `user-must-exist` fixes and the refactor of the same name.
 *
 * - Debian/Ubuntu: `groupadd --system --force <g> && useradd --system --create-home --gid <g> <u>`
 *   (`--force` makes groupadd succeed when the group exists, e.g. `users`);
 * - Alpine (BusyBox): `addgroup -S <u> && adduser -S -D -G <u> <u>`;
 * - images that ship a non-root user need no account: distroless `nonroot`, the node images' `node`, .NET 8+
 *   `$APP_UID` (the `app` user's uid, set by the image), scratch a numeric uid (no passwd needed).
 * Other families (RPM, Windows, unknown images) get no edit: their tools differ between variants.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { ImageFacts } from '../../analysis/baseImages';
import type { DockerfileModel, Instr, Stage } from '../../analysis/model';
import { insertLinesAfter, insertLinesBefore } from '../fixes';

/** `RUN` line(s) creating `user` (primary group `group`, default a group of the same name); undefined when unsupported. */
export function createUserLines(facts: ImageFacts, user: string, group?: string): string[] | undefined {
  const g = group ?? user;
  if (!/^[a-z_][a-z0-9_-]*$/i.test(user) || !/^[a-z_][a-z0-9_-]*$/i.test(g)) return undefined;
  switch (facts.family) {
    case 'debian':
    case 'ubuntu':
      return [`RUN groupadd --system --force ${g} && useradd --system --create-home --gid ${g} ${user}`];
    case 'alpine':
      return g === user ? [`RUN addgroup -S ${user} && adduser -S -D -G ${user} ${user}`] : undefined;
    default:
      return undefined;
  }
}

export interface NonRootPlan {
  /** Lines to insert, `USER …` last. */
  readonly lines: readonly string[];
  /** The USER value the plan switches to. */
  readonly user: string;
}

/**
 * How to make an image of `facts` run as a non-root user: use one the image (or `createdUser`, an account the
 * Dockerfile already creates) provides, else create `app`. Undefined for families without a known recipe.
 */
export function nonRootPlan(facts: ImageFacts, createdUser?: string): NonRootPlan | undefined {
  if (createdUser) return { lines: [`USER ${createdUser}`], user: createdUser };
  if (!facts.known) return undefined;
  if (facts.family === 'distroless' && facts.users.includes('nonroot')) return { lines: ['USER nonroot'], user: 'nonroot' };
  if (facts.family === 'scratch') return { lines: ['USER 65532:65532'], user: '65532:65532' };
  if (facts.language.name === 'node' && facts.users.includes('node')) return { lines: ['USER node'], user: 'node' };
  if (facts.language.name === 'dotnet' && facts.users.includes('app')) return { lines: ['USER $APP_UID'], user: '$APP_UID' };
  const create = createUserLines(facts, 'app');
  return create ? { lines: [...create, 'USER app'], user: 'app' } : undefined;
}

/**
 * Inserts `lines` where a USER takes effect for the container: after the stage's build steps that run as its current
 * user (its last RUN or USER: a USER before a later `USER root` would not last, and a RUN after it would run as the
 * new user), before the first CMD/ENTRYPOINT from there; after its last instruction when there is none (then the
 * FROM line when the stage is empty). Undefined when that last instruction opens a heredoc the file never ends.
 */
export function insertBeforeStart(model: DockerfileModel, stage: Stage, lines: readonly string[]): TextEdit | undefined {
  const steps = stage.instructions;
  let from = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    if (steps[i]!.keyword === 'RUN' || steps[i]!.keyword === 'USER') {
      from = i + 1;
      break;
    }
  }
  const start = steps.slice(from).find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (start) return insertLinesBefore(model, start.range.start.line, lines);
  const last: Instr = steps[steps.length - 1] ?? stage.from;
  return insertLinesAfter(model, last, lines);
}
