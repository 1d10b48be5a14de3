/**
 * Hover cards for `RUN --mount` types and their keys. Which keys each type accepts, their aliases and their
 * defaults follow BuildKit's mount parser and the Dockerfile reference tables.
 */
import type { DocSource } from './referenceDoc';

export const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
export type MountType = (typeof MOUNT_TYPES)[number];

/** Alternative spellings BuildKit accepts for a key, mapped to the name the cards use. */
export const MOUNT_KEY_ALIASES: Readonly<Record<string, string>> = {
  dst: 'target',
  destination: 'target',
  src: 'source',
  ro: 'readonly',
  rw: 'readwrite',
};

function typeDoc(type: MountType, summary: string, body: string[], syntax: string): DocSource {
  return { title: `RUN --mount=type=${type}`, summary, body, syntax: [syntax], section: `RUN --mount=type=${type}`, since: '1.2' };
}

export const MOUNT_TYPE_DOCS: Readonly<Record<MountType, DocSource>> = {
  bind: typeDoc(
    'bind',
    'Mounts files from the build context, a stage or an image; read-only unless rw is set.',
    [
      'The default type. Without `from` it mounts the build context, so sources can be used at build time without copying them into a layer (`RUN --mount=target=. make`). ' +
        'With `from=<stage>` it mounts that stage\'s files and makes the stage a dependency of this one.',
      'Writes, allowed with `rw`, are thrown away when the command ends.',
    ],
    'RUN --mount=type=bind,target=<path>[,source=<path>][,from=<stage|image>][,rw] <command>',
  ),
  cache: typeDoc(
    'cache',
    'Mounts a persistent cache directory for package managers and compilers.',
    [
      'The content survives between builds on the same builder without affecting the instruction cache, and never reaches the image. ' +
        'The build must still work with an empty cache, since the builder may prune it at any time.',
      'Mounts with the same `id` share one cache, in any stage of the file.',
    ],
    'RUN --mount=type=cache,target=<path>[,id=<id>][,sharing=<shared|private|locked>][,uid=<uid>,gid=<gid>] <command>',
  ),
  tmpfs: typeDoc(
    'tmpfs',
    'Mounts an in-memory filesystem that disappears when the command ends.',
    ['Scratch space whose content must never reach a layer; `size` caps it.'],
    'RUN --mount=type=tmpfs,target=<path>[,size=<size>] <command>',
  ),
  secret: typeDoc(
    'secret',
    'Gives the command a build secret without storing it in the image or the build cache.',
    [
      'Provide it with `docker build --secret id=<id>,src=<file>` (or `env=<VAR>`). It appears as the file `/run/secrets/<id>` unless `target` or `env` says otherwise.',
      'A secret the build was not given is skipped silently unless `required=true`.',
    ],
    'RUN --mount=type=secret,id=<id>[,target=<path>][,env=<VAR>][,required=true] <command>',
  ),
  ssh: typeDoc(
    'ssh',
    'Forwards the client\'s SSH agent or keys so the command can reach private Git or SSH hosts.',
    [
      'Provide it with `docker build --ssh default` (or `--ssh <id>=<path>`). BuildKit points `SSH_AUTH_SOCK` at the first ssh mount; keys never reach the image.',
    ],
    'RUN --mount=type=ssh[,id=<id>][,required=true] <command>',
  ),
};

function option(type: MountType, key: string, summary: string, body: string[], valueSyntax: string, since?: string): DocSource {
  return {
    title: `RUN --mount=type=${type},${key}`,
    summary,
    body,
    syntax: [`RUN --mount=type=${type},${valueSyntax} <command>`],
    section: `RUN --mount=type=${type}`,
    // The 1.2 baseline is stated on the type card; a key card only names a version when the key is newer.
    ...(since === undefined ? {} : { since }),
  };
}

const TARGET_ALIASES = 'Also spelled `dst` or `destination`.';
const FROM_NO_VARIABLES =
  'The value is not variable-expanded: to choose a stage with an `ARG`, add an alias stage (`FROM ${VARIANT} AS src`) and mount from it.';

export const MOUNT_OPTION_DOCS: Readonly<Record<MountType, Readonly<Record<string, DocSource>>>> = {
  bind: {
    target: option('bind', 'target', 'Where the mount appears in the command\'s container.', [`A relative path is resolved against the stage's \`WORKDIR\`. ${TARGET_ALIASES}`], 'target=<path>'),
    source: option('bind', 'source', 'Path inside from (or the build context) to mount; defaults to its root.', ['Also spelled `src`.'], 'target=<path>,source=<path>'),
    from: option(
      'bind',
      'from',
      'Stage, image or named context to mount; defaults to the build context.',
      [`Naming a stage makes this \`RUN\` depend on it, as \`COPY --from\` does, without copying anything into the layer. ${FROM_NO_VARIABLES}`],
      'from=<stage|image|context>,target=<path>',
    ),
    readonly: option('bind', 'readonly', 'Makes the mount read-only, which is already the default for bind mounts.', ['Also spelled `ro`.'], 'target=<path>,readonly'),
    readwrite: option(
      'bind',
      'readwrite',
      'Lets the command write into the mount.',
      ['The writes are discarded when the command ends and never reach the layer. Also spelled `rw`.'],
      'target=<path>,rw',
    ),
  },
  cache: {
    id: option(
      'cache',
      'id',
      'Names the cache; defaults to the target path.',
      ['Every `RUN` that mounts the same id, in any stage, shares one cache: give different ids to caches that must not mix (for example per target platform).'],
      'id=<id>,target=<path>',
    ),
    target: option('cache', 'target', 'Path of the cache directory in the command\'s container.', [`A relative path is resolved against the stage's \`WORKDIR\`. ${TARGET_ALIASES}`], 'target=<path>'),
    sharing: option(
      'cache',
      'sharing',
      'How concurrent builds share the cache: shared (default), private or locked.',
      [
        '`shared` lets several writers use it at once; `private` gives each concurrent writer its own copy; `locked` makes the others wait, as tools like apt need.',
      ],
      'target=<path>,sharing=<shared|private|locked>',
    ),
    from: option(
      'cache',
      'from',
      'Stage or image whose files seed a new cache; empty by default.',
      [`Naming a stage makes this \`RUN\` depend on it. ${FROM_NO_VARIABLES}`],
      'target=<path>,from=<stage|image>[,source=<path>]',
    ),
    source: option('cache', 'source', 'Subpath of from used as the initial cache content; defaults to its root.', ['Also spelled `src`.'], 'target=<path>,from=<stage>,source=<path>'),
    mode: option('cache', 'mode', 'Permission bits, in octal, of a newly created cache directory (default 0755).', [], 'target=<path>,mode=<octal>'),
    uid: option(
      'cache',
      'uid',
      'Owner user ID of a newly created cache directory (default 0).',
      ['Set it, with `gid`, when the stage\'s `USER` is not root, or the command cannot write to the cache.'],
      'target=<path>,uid=<uid>,gid=<gid>',
    ),
    gid: option('cache', 'gid', 'Owner group ID of a newly created cache directory (default 0).', ['Pair it with `uid` for a non-root `USER`.'], 'target=<path>,uid=<uid>,gid=<gid>'),
    readonly: option('cache', 'readonly', 'Mounts the cache read-only.', ['Also spelled `ro`.'], 'target=<path>,readonly'),
    readwrite: option('cache', 'readwrite', 'Mounts the cache writable, which is already the default for cache mounts.', ['Also spelled `rw`.'], 'target=<path>,rw'),
  },
  tmpfs: {
    target: option('tmpfs', 'target', 'Where the tmpfs is mounted in the command\'s container.', [TARGET_ALIASES], 'target=<path>'),
    size: option('tmpfs', 'size', 'Upper limit on the size of the tmpfs, such as 64m.', [], 'target=<path>,size=<size>'),
  },
  secret: {
    id: option(
      'secret',
      'id',
      'Which secret to mount: the id given to docker build --secret.',
      ['Defaults to the file name of `target`.'],
      'id=<id>',
    ),
    target: option(
      'secret',
      'target',
      'File path of the secret in the command\'s container.',
      [`Defaults to \`/run/secrets/<id>\` when neither \`target\` nor \`env\` is set. ${TARGET_ALIASES}`],
      'id=<id>,target=<path>',
    ),
    env: option(
      'secret',
      'env',
      'Exposes the secret as this environment variable instead of a file.',
      ['With `target` set as well, the secret is both a file and a variable.'],
      'id=<id>,env=<VAR>',
      '1.10',
    ),
    required: option('secret', 'required', 'Fails the build when the secret was not provided.', ['By default the command runs without it.'], 'id=<id>,required=true'),
    mode: option('secret', 'mode', 'Permission bits, in octal, of the secret file (default 0400).', [], 'id=<id>,mode=<octal>'),
    uid: option('secret', 'uid', 'Owner user ID of the secret file (default 0).', ['Set it when a non-root `USER` must read the secret.'], 'id=<id>,uid=<uid>'),
    gid: option('secret', 'gid', 'Owner group ID of the secret file (default 0).', [], 'id=<id>,gid=<gid>'),
  },
  ssh: {
    id: option('ssh', 'id', 'Which --ssh entry of the build to forward (default: default).', [], 'id=<id>'),
    target: option('ssh', 'target', 'Path of the agent socket in the command\'s container.', [`Defaults to \`/run/buildkit/ssh_agent.<n>\`. ${TARGET_ALIASES}`], 'target=<path>'),
    required: option('ssh', 'required', 'Fails the build when it was not given this SSH agent or key.', ['By default the command runs without it.'], 'required=true'),
    mode: option('ssh', 'mode', 'Permission bits, in octal, of the agent socket (default 0600).', [], 'mode=<octal>'),
    uid: option('ssh', 'uid', 'Owner user ID of the agent socket (default 0).', ['Set it when a non-root `USER` uses the agent.'], 'uid=<uid>'),
    gid: option('ssh', 'gid', 'Owner group ID of the agent socket (default 0).', [], 'gid=<gid>'),
  },
};
