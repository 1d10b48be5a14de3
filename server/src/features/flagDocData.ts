/**
 * Hover cards for the flags of the current Dockerfile frontend (`docker/dockerfile:1`, BuildKit), keyed by
 * instruction and flag name without dashes. Minimum versions follow the "Minimum Dockerfile version" tables of
 * the Dockerfile reference and the frontend's release notes (labs flags that graduated say so).
 */
import type { DocSource } from './referenceDoc';

type CopyLike = 'ADD' | 'COPY';

/** Flags ADD and COPY share; one text, with syntax lines for the instruction being hovered. */
function sharedCopyFlags(kw: CopyLike): Record<string, DocSource> {
  return {
    chown: {
      title: `${kw} --chown`,
      summary: 'Sets the owner user and group of the added files.',
      body: [
        'Takes names or numeric IDs (`--chown=app:app`, `--chown=10001:10001`); with only a user, the group gets the same numeric ID. ' +
          'Names are looked up in this stage\'s `/etc/passwd` and `/etc/group`, so use numeric IDs together with `--link`.',
        'Without it, files from the build context are owned by root, whatever the stage\'s `USER`. Not supported for Windows containers.',
      ],
      syntax: [`${kw} --chown=<user>[:<group>] <src> ... <dest>`, `${kw} --chown=<UID>[:<GID>] <src> ... <dest>`],
      section: 'COPY --chown',
    },
    chmod: {
      title: `${kw} --chmod`,
      summary: 'Sets the permission bits of the added files.',
      body: [
        'Octal (`--chmod=755`) or, since Dockerfile 1.14, symbolic (`--chmod=u=rwX,go=rX`, where `X` adds execute only to directories and already-executable files). ' +
          'Not supported for Windows containers.',
      ],
      syntax: [`${kw} --chmod=<perms> <src> ... <dest>`],
      section: 'COPY --chmod',
      since: '1.2',
    },
    link: {
      title: `${kw} --link`,
      summary: 'Puts the files in an independent layer that does not depend on the layers below it.',
      body: [
        'The files are copied into an empty directory that is stacked on top, so changes to earlier instructions or a new base image do not invalidate this layer, and its cache can be reused.',
        'It cannot follow symlinks of the previous state in the destination path, and `--chown` must then use numeric IDs.',
      ],
      syntax: [`${kw} --link[=<boolean>] <src> ... <dest>`],
      section: 'COPY --link',
      since: '1.4',
    },
    exclude: {
      title: `${kw} --exclude`,
      summary: 'Leaves out the source files that match a pattern.',
      body: [
        `Patterns use the same wildcards as the sources, and the flag can be repeated: \`${kw} --exclude=*.md --exclude=*.txt docs* /docs/\`.`,
      ],
      syntax: [`${kw} --exclude=<pattern> [--exclude=<pattern> ...] <src> ... <dest>`],
      section: 'COPY --exclude',
      since: '1.19',
      availability: 'Before 1.19 it needed a labs syntax (`docker/dockerfile:1.7-labs` or later).',
    },
  };
}

export const FLAG_DOCS: Readonly<Record<string, Readonly<Record<string, DocSource>>>> = {
  FROM: {
    platform: {
      title: 'FROM --platform',
      summary: 'Picks the platform variant of a multi-platform base image.',
      body: [
        'Defaults to the build\'s target platform. `--platform=$BUILDPLATFORM` runs the stage natively on the build machine: the usual way to cross-compile for `$TARGETPLATFORM` in a builder stage.',
        'The value can use only global `ARG`s (declared before the first `FROM`) and the automatic platform ARGs.',
      ],
      syntax: ['FROM --platform=<os>/<arch>[/<variant>] <image> [AS <name>]', 'FROM --platform=$BUILDPLATFORM <image> AS <name>'],
      section: 'FROM',
    },
  },
  RUN: {
    mount: {
      title: 'RUN --mount',
      summary: 'Mounts a filesystem into the container of this RUN only.',
      body: [
        'Types: `bind` (the default: files from the context, a stage or an image), `cache`, `tmpfs`, `secret` and `ssh`. Nothing mounted is committed to the layer.',
        'With `from=<stage>` the stage becomes a dependency of this one, as with `COPY --from`. Repeat the flag for several mounts.',
      ],
      syntax: ['RUN --mount=[type=<type>][,<option>=<value>...] <command>'],
      section: 'RUN --mount',
      since: '1.2',
    },
    network: {
      title: 'RUN --network',
      summary: 'Chooses the network the command runs in.',
      body: [
        '`default` is the build\'s normal network; `none` leaves only loopback, which proves a step works offline; ' +
          '`host` shares the host\'s network and needs the `network.host` entitlement on the builder and in the build request.',
      ],
      syntax: ['RUN --network=<default|none|host> <command>'],
      section: 'RUN --network',
      since: '1.3',
    },
    security: {
      title: 'RUN --security',
      summary: 'Runs the command with full privileges (insecure) or in the normal sandbox.',
      body: [
        '`sandbox` is the default and changes nothing. `insecure` runs the step like `docker run --privileged`; it needs the `security.insecure` entitlement, ' +
          'allowed on the daemon (`--allow-insecure-entitlement security.insecure`) and on the build (`--allow security.insecure`).',
      ],
      syntax: ['RUN --security=<sandbox|insecure> <command>'],
      section: 'RUN --security',
      since: '1.20',
      availability: 'Earlier releases had it only in the labs channel.',
    },
    device: {
      title: 'RUN --device',
      summary: 'Makes a CDI device, such as a GPU, available to the command.',
      body: [
        'The value names a device registered in the builder\'s CDI specification (`vendor.com/gpu=all`, or a device class); add `,required` to fail when it is missing.',
      ],
      syntax: ['RUN --device=<name>[,required] <command>'],
      section: 'RUN --device',
      since: '1.27',
      availability: 'Earlier releases had it only in the labs channel. Needs BuildKit 0.20 or later and the `device` entitlement.',
    },
  },
  COPY: {
    from: {
      title: 'COPY --from',
      summary: 'Copies from a build stage, an image or a named build context instead of the build context.',
      body: [
        'A stage is named by its `AS` name (case-insensitive) or its index (`--from=0`); another name refers to a named context (`--build-context`) or else an image (`--from=nginx:1.27`). ' +
          'The stage is built first and only the listed paths come across.',
        'Source paths start at the root of that stage, not at its `WORKDIR`. In an `ONBUILD` trigger (Dockerfile 1.11+), the stage must exist in the downstream Dockerfile.',
      ],
      syntax: ['COPY --from=<stage|index|image|context> <src> ... <dest>'],
      section: 'COPY --from',
    },
    ...sharedCopyFlags('COPY'),
    parents: {
      title: 'COPY --parents',
      summary: 'Keeps the parent directories of each source path under the destination.',
      body: [
        '`COPY --parents ./a/x.txt ./b/y.txt /out/` creates `/out/a/x.txt` and `/out/b/y.txt` instead of flattening them. ' +
          'A `./` inside a source (`./src/./pkg/*.go`) marks where the kept part starts, and `**` matches any depth: handy for monorepo manifests and for absolute paths taken `--from` another stage.',
      ],
      syntax: ['COPY --parents[=<boolean>] <src> ... <dest>'],
      section: 'COPY --parents',
      since: '1.20',
      availability: 'Before 1.20 it needed a labs syntax (`docker/dockerfile:1.7-labs` or later).',
    },
  },
  ADD: {
    ...sharedCopyFlags('ADD'),
    'keep-git-dir': {
      title: 'ADD --keep-git-dir',
      summary: 'Keeps the .git directory when adding a Git repository.',
      body: ['A Git source is added without its `.git` directory unless `--keep-git-dir=true` is given, for builds that need the history (`git describe`).'],
      syntax: ['ADD --keep-git-dir=<boolean> <git-url> <dest>'],
      section: 'ADD --keep-git-dir',
      since: '1.1',
    },
    checksum: {
      title: 'ADD --checksum',
      summary: 'Checks a remote source against a known checksum.',
      body: [
        'For an HTTP source, give the SHA-256 digest of the content as `sha256:<hex>`; for a Git source, the commit SHA (a prefix is enough). The build fails when the content does not match.',
      ],
      syntax: ['ADD --checksum=sha256:<hex> <url> <dest>', 'ADD --checksum=<commit> <git-url> <dest>'],
      section: 'ADD --checksum',
      since: '1.6',
    },
    unpack: {
      title: 'ADD --unpack',
      summary: 'Controls whether a tar archive is extracted at the destination.',
      body: [
        'Local archives (plain tar, gzip, bzip2, xz or zstd) are extracted by default and downloaded ones are not: `--unpack=true` downloads and extracts a URL, `--unpack=false` adds a local archive as a file.',
      ],
      syntax: ['ADD --unpack=<boolean> <src> ... <dest>'],
      section: 'ADD --unpack',
      since: '1.17',
    },
  },
  HEALTHCHECK: {
    interval: {
      title: 'HEALTHCHECK --interval',
      summary: 'Time between two checks (default 30s).',
      body: ['The first check runs one interval after the container starts, and each next one an interval after the previous check ends.'],
      syntax: ['HEALTHCHECK --interval=<duration> CMD <command>'],
      section: 'HEALTHCHECK',
    },
    timeout: {
      title: 'HEALTHCHECK --timeout',
      summary: 'How long one check may run before it counts as failed (default 30s).',
      body: ['A check that takes longer is killed and counted as a failure.'],
      syntax: ['HEALTHCHECK --timeout=<duration> CMD <command>'],
      section: 'HEALTHCHECK',
    },
    'start-period': {
      title: 'HEALTHCHECK --start-period',
      summary: 'Start-up grace period during which failed checks do not count (default 0s).',
      body: ['Failures during the period do not count toward `--retries`; the first successful check ends it.'],
      syntax: ['HEALTHCHECK --start-period=<duration> CMD <command>'],
      section: 'HEALTHCHECK',
    },
    'start-interval': {
      title: 'HEALTHCHECK --start-interval',
      summary: 'Time between checks during the start period (default 5s).',
      body: ['Lets a slow-starting service be checked often at first and less often afterwards (`--interval`).'],
      syntax: ['HEALTHCHECK --start-period=<duration> --start-interval=<duration> CMD <command>'],
      section: 'HEALTHCHECK',
      since: '1.6',
      availability: 'Containers need Docker Engine 25.0 or later to use it.',
    },
    retries: {
      title: 'HEALTHCHECK --retries',
      summary: 'Consecutive failures needed to mark the container unhealthy (default 3).',
      body: ['Any successful check resets the count.'],
      syntax: ['HEALTHCHECK --retries=<n> CMD <command>'],
      section: 'HEALTHCHECK',
    },
  },
};

/** Cards for the documented values of value-typed RUN flags, for hover on `none` in `--network=none`. */
export const FLAG_VALUE_DOCS: Readonly<Record<string, Readonly<Record<string, DocSource>>>> = {
  'RUN --network': {
    default: {
      title: 'RUN --network=default',
      summary: 'Runs the command in the build\'s normal network, as if the flag were absent.',
      body: [],
      syntax: ['RUN --network=default <command>'],
      section: 'RUN --network=default',
      since: '1.3',
    },
    none: {
      title: 'RUN --network=none',
      summary: 'Runs the command without network access; only loopback remains.',
      body: ['Use it to prove a step needs nothing from the network, e.g. installing from files an earlier stage downloaded.'],
      syntax: ['RUN --network=none <command>'],
      section: 'RUN --network=none',
      since: '1.3',
    },
    host: {
      title: 'RUN --network=host',
      summary: 'Runs the command in the host\'s network, like docker build --network=host for one step.',
      body: ['Needs the `network.host` entitlement, allowed on the builder and requested by the build (`--allow network.host`).'],
      syntax: ['RUN --network=host <command>'],
      section: 'RUN --network=host',
      since: '1.3',
    },
  },
  'RUN --security': {
    sandbox: {
      title: 'RUN --security=sandbox',
      summary: 'Runs the command in the normal build sandbox; the default.',
      body: [],
      syntax: ['RUN --security=sandbox <command>'],
      section: 'RUN --security',
      since: '1.20',
    },
    insecure: {
      title: 'RUN --security=insecure',
      summary: 'Runs the command with full privileges, like docker run --privileged.',
      body: ['Needs the `security.insecure` entitlement on the daemon and on the build; keep it out of images that others build blindly.'],
      syntax: ['RUN --security=insecure <command>'],
      section: 'RUN --security',
      since: '1.20',
    },
  },
};
