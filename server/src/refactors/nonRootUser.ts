/**
 * The non-root user an image should run as, by base image family: the images' own users where they ship one
 * (`node` in node, `nonroot` in distroless, `$APP_UID` — the `app` user — in .NET 8 and later), otherwise a
 * system user `app` with a group of the same name, created with the family's tools (`groupadd`/`useradd` on
 * Debian and Ubuntu, BusyBox `addgroup`/`adduser` on Alpine). Shared by the split and "Add a non-root user".
 */
import { imageHasUser, type ImageFacts } from '../analysis/baseImages';
import { chained, keyword, type FileStyle } from './style';

export interface UserSetup {
  /** The USER value. */
  readonly user: string;
  /** `user:group` for `COPY --chown`. */
  readonly owner: string;
  /** The RUN creating the user (lines), undefined when the image already has it. */
  readonly create: readonly string[] | undefined;
}

const NAME = 'app';

export function nonRootUserFor(facts: ImageFacts, style: FileStyle): UserSetup | undefined {
  if (!facts.known) return undefined;
  if (facts.family === 'distroless') return imageHasUser(facts, 'nonroot') === 'yes' ? { user: 'nonroot', owner: 'nonroot:nonroot', create: undefined } : undefined;
  if (facts.language.name === 'node' && imageHasUser(facts, 'node') === 'yes') return { user: 'node', owner: 'node:node', create: undefined };
  if (facts.language.name === 'dotnet' && imageHasUser(facts, 'app') === 'yes') return { user: '$APP_UID', owner: '$APP_UID:$APP_UID', create: undefined };
  const create = createUserLines(facts, style, NAME);
  return create ? { user: NAME, owner: `${NAME}:${NAME}`, create } : undefined;
}

/** A RUN creating system user `name` with its own group, for the image family; undefined when unknown. */
export function createUserLines(facts: ImageFacts, style: FileStyle, name: string, uid?: string): string[] | undefined {
  const run = keyword(style, 'RUN');
  const id = uid === undefined ? '' : ` --uid ${uid}`;
  if ((facts.family === 'debian' || facts.family === 'ubuntu') && facts.packageManager === 'apt') {
    return chained(style, run, [`groupadd --system ${name}`, `useradd --system --gid ${name}${id} --create-home ${name}`]);
  }
  if (facts.family === 'alpine' && facts.packageManager === 'apk') {
    return chained(style, run, [`addgroup -S ${name}`, `adduser -S -G ${name}${uid === undefined ? '' : ` -u ${uid}`} ${name}`]);
  }
  return undefined;
}
