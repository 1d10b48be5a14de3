/**
 * Hover cards for Dockerfile instructions and parser directives, written for multi-stage builds: each card says
 * what carries from one stage to the next. Semantics follow the Dockerfile reference and BuildKit's frontend.
 */
import type { DocSource } from './referenceDoc';

/** The inheritance rule users most often get wrong, said the same way on every card it applies to. */
const CARRIED_BY_FROM = 'It carries into stages built `FROM` this one, but not into stages that only `COPY --from` it.';

export const INSTRUCTION_DOCS: Readonly<Record<string, DocSource>> = {
  FROM: {
    title: 'FROM',
    summary: 'Starts a new build stage on top of a base image or an earlier stage.',
    body: [
      'Each `FROM` begins a fresh stage: nothing from the previous stage carries over unless this stage is built `FROM` it. ' +
        '`AS name` names the stage for `FROM name`, `COPY --from=name`, `RUN --mount=from=name` and `docker build --target name` (names are case-insensitive).',
      'Only `ARG`s declared before the first `FROM` can be used in a `FROM` line. The last stage is the default target, and BuildKit builds only the stages the target depends on.',
    ],
    syntax: [
      'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]',
      'FROM [--platform=<platform>] <stage> [AS <name>]',
    ],
    section: 'FROM',
  },
  RUN: {
    title: 'RUN',
    summary: 'Runs a command in the stage at build time and commits the result as a new layer.',
    body: [
      'The shell form goes through the stage\'s `SHELL` (default `/bin/sh -c`); the exec form (a JSON array) runs the program directly; a heredoc (`RUN <<EOF`) holds a multi-line script. ' +
        'The command runs as the current `USER`, in the current `WORKDIR`, with the stage\'s `ENV` and declared `ARG`s.',
      'Flags: `--mount` (a stage, cache, secret, ssh agent or tmpfs), `--network`, `--security`, `--device`. A `RUN` in a stage the target does not depend on never runs under BuildKit.',
    ],
    syntax: ['RUN [--mount=<mount>] [--network=<network>] [--security=<mode>] <command> ...', 'RUN [OPTIONS] ["<executable>", "<param>", ...]'],
    section: 'RUN',
  },
  CMD: {
    title: 'CMD',
    summary: 'Sets the default command, or the default ENTRYPOINT arguments, for containers run from the image.',
    body: [
      'Nothing runs at build time. Only the last `CMD` counts and only the target stage\'s value reaches the image; a stage built `FROM` this one inherits it.',
      'Setting `ENTRYPOINT` clears an inherited `CMD`. Use the exec form, especially when `CMD` supplies arguments to an `ENTRYPOINT`.',
    ],
    syntax: ['CMD ["<executable>", "<param>", ...]', 'CMD ["<param>", ...]', 'CMD <command> <param> ...'],
    section: 'CMD',
  },
  LABEL: {
    title: 'LABEL',
    summary: 'Adds key-value metadata to the image.',
    body: [
      'Labels come along from the base image and from stages this one is built `FROM`; a later value for the same key wins. ' +
        'Labels set in a stage used only through `COPY --from` or `RUN --mount=from=` do not reach the output image.',
      'Use double quotes around values that contain variables: single quotes keep the text as written.',
    ],
    syntax: ['LABEL <key>=<value> [<key>=<value> ...]'],
    section: 'LABEL',
  },
  MAINTAINER: {
    title: 'MAINTAINER',
    summary: 'Sets the Author field of the image; replaced by LABEL.',
    body: ['Write `LABEL org.opencontainers.image.authors="name <email>"` instead: it is visible to every tool that reads labels.'],
    syntax: ['MAINTAINER <name>'],
    section: 'MAINTAINER (deprecated)',
    deprecated: true,
  },
  EXPOSE: {
    title: 'EXPOSE',
    summary: 'Records which ports the container listens on at run time.',
    body: [
      'It documents ports and does not publish them: use `docker run -p` (or `-P` for every exposed port). The protocol defaults to TCP; add `/udp` for UDP.',
      'Exposed ports carry into stages built `FROM` this one; only the target stage\'s list reaches the image.',
    ],
    syntax: ['EXPOSE <port>[/<protocol>] [<port>[/<protocol>] ...]'],
    section: 'EXPOSE',
  },
  ENV: {
    title: 'ENV',
    summary: 'Sets environment variables for the rest of the stage and for containers run from the image.',
    body: [
      `Later instructions of this stage see the value, and it stays in the image. ${CARRIED_BY_FROM}`,
      'For build-only settings prefer `ARG`, or set the variable for one command (`RUN FOO=bar make`), so it does not leak into the image.',
    ],
    syntax: ['ENV <key>=<value> [<key>=<value> ...]'],
    section: 'ENV',
  },
  ADD: {
    title: 'ADD',
    summary: 'Adds files from the build context, a URL or a Git repository, extracting local tar archives.',
    body: [
      'Like `COPY`, plus remote sources: a URL is downloaded (pin it with `--checksum`), a Git URL is cloned, and a local tar archive is extracted (see `--unpack`). Unlike `COPY`, it has no `--from`.',
      'Prefer `COPY` for plain local files, whose effect is explicit. A relative destination is resolved against the stage\'s `WORKDIR`.',
    ],
    syntax: ['ADD [OPTIONS] <src> ... <dest>', 'ADD [OPTIONS] ["<src>", ... "<dest>"]'],
    section: 'ADD',
  },
  COPY: {
    title: 'COPY',
    summary: 'Copies files from the build context, another stage, an image or a named context into this stage.',
    body: [
      'With `--from=<stage>`, source paths start at the root of that stage (its `WORKDIR` does not apply) and the stage becomes a dependency of this one. ' +
        'Only the files come across: not its `USER`, `ENV` or `WORKDIR`.',
      'A relative destination is resolved against this stage\'s `WORKDIR`. Files from the build context are owned by root unless `--chown` is given.',
    ],
    syntax: ['COPY [OPTIONS] <src> ... <dest>', 'COPY [OPTIONS] ["<src>", ... "<dest>"]'],
    section: 'COPY',
  },
  ENTRYPOINT: {
    title: 'ENTRYPOINT',
    summary: 'Sets the executable that containers run from the image start with; CMD supplies its default arguments.',
    body: [
      'Use the exec form so the program runs as PID 1 and receives stop signals; the shell form wraps it in `/bin/sh -c` and ignores `CMD` and `docker run` arguments.',
      'Only the last `ENTRYPOINT` counts, and stages built `FROM` this one inherit it. Setting it clears an inherited `CMD`.',
    ],
    syntax: ['ENTRYPOINT ["<executable>", "<param>", ...]', 'ENTRYPOINT <command> <param> ...'],
    section: 'ENTRYPOINT',
  },
  VOLUME: {
    title: 'VOLUME',
    summary: 'Declares paths that hold externally managed data when a container runs.',
    body: [
      'At `docker run`, a volume is created at each path and seeded with the image\'s files there; the host directory cannot be chosen in the Dockerfile.',
      'Under BuildKit, later build steps that write into the path keep their changes. Stages built `FROM` this one inherit the volume and cannot remove it.',
    ],
    syntax: ['VOLUME ["<path>", ...]', 'VOLUME <path> [<path> ...]'],
    section: 'VOLUME',
  },
  USER: {
    title: 'USER',
    summary: 'Sets the user, and optionally the group, for the rest of the stage and for containers run from the image.',
    body: [
      `It applies to later \`RUN\` instructions of this stage and to \`ENTRYPOINT\`/\`CMD\` at run time. ${CARRIED_BY_FROM}`,
      'A user name must exist in the stage\'s `/etc/passwd`; numeric IDs always work. `COPY` and `ADD` still create root-owned files unless `--chown` is given.',
    ],
    syntax: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    section: 'USER',
  },
  WORKDIR: {
    title: 'WORKDIR',
    summary: 'Sets the working directory for the RUN, CMD, ENTRYPOINT, COPY and ADD instructions that follow.',
    body: [
      `The directory is created if missing; a relative path is resolved against the previous \`WORKDIR\` (default \`/\`, or whatever the base image set). ${CARRIED_BY_FROM}`,
      'It does not apply to the source paths of `COPY --from`, which always start at the other stage\'s root.',
    ],
    syntax: ['WORKDIR <path>'],
    section: 'WORKDIR',
  },
  ARG: {
    title: 'ARG',
    summary: 'Declares a build argument that docker build --build-arg can set.',
    body: [
      'Before the first `FROM` an `ARG` is global and visible only in `FROM` lines (so are the platform ARGs such as `TARGETPLATFORM`). ' +
        'To use it inside a stage, declare it again there without a value: `ARG NAME`.',
      'Inside a stage it is visible from its line on, and in stages built `FROM` this one. Values stay out of the image config but show in `docker history`: pass secrets with `RUN --mount=type=secret`.',
    ],
    syntax: ['ARG <name>[=<default value>] [<name>[=<default value>] ...]'],
    section: 'ARG',
  },
  ONBUILD: {
    title: 'ONBUILD',
    summary: 'Registers an instruction that runs later, when the image is used as the base of another build.',
    body: [
      'The trigger does nothing in this build. It runs right after the `FROM` of a downstream build that uses the image, and is not passed on to that build\'s own children.',
      'It cannot wrap `FROM`, `MAINTAINER` or another `ONBUILD`. Since Dockerfile 1.11 a trigger may use `COPY --from` or `RUN --mount=from=`; a stage named there must exist in the downstream Dockerfile.',
    ],
    syntax: ['ONBUILD <INSTRUCTION>'],
    section: 'ONBUILD',
  },
  STOPSIGNAL: {
    title: 'STOPSIGNAL',
    summary: 'Sets the signal that docker stop sends to ask the container to exit.',
    body: [
      'A name such as `SIGINT` or a number; the default is `SIGTERM`, and `docker run --stop-signal` overrides it. Stages built `FROM` this one inherit it.',
    ],
    syntax: ['STOPSIGNAL <signal>'],
    section: 'STOPSIGNAL',
  },
  HEALTHCHECK: {
    title: 'HEALTHCHECK',
    summary: 'Tells Docker how to test that a running container still works, or turns off an inherited check.',
    body: [
      'The check command\'s exit status decides: `0` healthy, `1` unhealthy. The status starts as `starting` and becomes `unhealthy` after `--retries` failures in a row.',
      'Only the last `HEALTHCHECK` counts; `HEALTHCHECK NONE` disables the one inherited from the base image or stage.',
    ],
    syntax: [
      'HEALTHCHECK [--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>] CMD <command>',
      'HEALTHCHECK NONE',
    ],
    section: 'HEALTHCHECK',
  },
  SHELL: {
    title: 'SHELL',
    summary: 'Changes the shell used by the shell form of RUN, CMD and ENTRYPOINT.',
    body: [
      `Written as a JSON array; the default is \`["/bin/sh", "-c"]\` on Linux and \`["cmd", "/S", "/C"]\` on Windows. Each \`SHELL\` applies to the instructions after it. ${CARRIED_BY_FROM}`,
      '`SHELL ["/bin/bash", "-o", "pipefail", "-c"]` makes a failure anywhere in a pipe fail the `RUN`.',
    ],
    syntax: ['SHELL ["<executable>", "<param>", ...]'],
    section: 'SHELL',
  },
};

export const DIRECTIVE_DOCS: Readonly<Record<string, DocSource>> = {
  syntax: {
    title: '# syntax',
    summary: 'Chooses the Dockerfile frontend, and so the syntax version, that BuildKit uses for this file.',
    body: [
      '`docker/dockerfile:1` follows the newest stable 1.x release; a full version such as `docker/dockerfile:1.20` keeps builds repeatable. ' +
        'Like every parser directive, it must come before any instruction, blank line or ordinary comment.',
    ],
    syntax: ['# syntax=docker/dockerfile:1'],
    section: 'syntax',
  },
  escape: {
    title: '# escape',
    summary: 'Sets the character that escapes characters and continues lines (a backslash by default).',
    body: ['A backtick suits Windows, where the backslash separates paths. Inside a `RUN` command, escapes are only processed at the end of a line.'],
    syntax: ['# escape=\\', '# escape=`'],
    section: 'escape',
  },
  check: {
    title: '# check',
    summary: 'Configures the build checks BuildKit runs on this file.',
    body: [
      '`skip=` takes check names separated by commas, or `all`; `error=true` makes a failed check fail the build. Separate the two settings with `;`.',
    ],
    syntax: ['# check=skip=<checks|all>', '# check=error=<boolean>', '# check=skip=<checks>;error=true'],
    section: 'check',
    since: '1.8',
  },
};
