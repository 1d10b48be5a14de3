/**
 * Dockerfiles generated from a small grammar with fast-check: directives, global ARGs, stages that reference
 * each other (by name in any case, by index, through variables, forward and backward), every instruction with
 * flags, shell and JSON forms, heredocs, continuations, comments and suppression comments, and names of
 * Object.prototype members (`constructor`, `toString`) where the analysis looks names up in tables.
 */
import fc from 'fast-check';

const name = fc.constantFrom('build', 'Build', 'base', 'deps', 'runtime', 'final', 'test', 'a', 'b-1', 'x.y', '1bad', 'scratch', 'FROM', '${STAGE}', '$V', '__proto__', '');
const image = fc.constantFrom(
  'alpine', 'alpine:3.20', 'debian:12-slim', 'ubuntu:latest', 'node:20', 'python:3.12-slim@sha256:' + 'a'.repeat(64), 'golang:1.22', 'scratch',
  'gcr.io/distroless/static', '${BASE}', '${BASE:-alpine}:${TAG}', 'registry:5000/x/y:z', 'UPPER/Case', 'a::b', '',
);
const word = fc.constantFrom('/app', 'src', '.', './', '*.json', 'package.json', 'requirements.txt', '/usr/local/bin/', '$HOME', '${DIR}/x', '"quoted path"', "'single'", 'a\\ b', '~', '..', '/', 'constructor');
const path = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const command = fc.constantFrom(
  'apt-get update', 'apt-get install -y curl', 'apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*', 'apk add --no-cache curl',
  'apk add git', 'pip install -r requirements.txt', 'pip install --no-cache-dir flask', 'npm ci', 'npm install', 'yarn install --frozen-lockfile',
  'go mod download', 'go build -o /out/app ./...', 'cargo build --release', 'make && make install', 'cd /src && make', 'curl -fsSL https://x | sh',
  'echo "$FOO" > /f', 'useradd -m app', 'chown -R app /app', 'sudo ls', 'set -eux; ls || true', 'if [ -f x ]; then echo y; fi', 'ls | grep x',
  'echo ${A:-b} ${#B} $(( 1 + 2 ))', 'export X=1; echo $X', ': "${UNTERMINATED', "echo 'unterminated", 'echo \\', '',
  // Names of Object.prototype members, where tables keyed by command, subcommand and package names look them up.
  'constructor -x', 'sudo -toString valueOf', 'apt-get hasOwnProperty -y', 'apt-get install -y toString',
);
const flag = fc.constantFrom(
  '--from=build', '--from=0', '--from=${STAGE}', '--from=alpine:3', '--chown=app:app', '--chmod=755', '--link', '--platform=$BUILDPLATFORM',
  '--platform=linux/amd64', '--mount=type=cache,target=/root/.cache', '--mount=type=bind,from=build,source=/out,target=/in',
  '--mount=type=secret,id=npmrc', '--mount=type=ssh', '--network=none', '--security=insecure', '--form=build', '--mount=typo=x', '--', '--from',
);
const flags = fc.array(flag, { maxLength: 3 }).map((f) => (f.length ? f.join(' ') + ' ' : ''));
const json = fc.array(fc.constantFrom('"sh"', '"-c"', '"echo hi"', '"/app"', "'single'", '"a\\"b"', '1', '"${X}"'), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`);
const shellOrJson = fc.oneof(command, json, fc.array(command, { minLength: 2, maxLength: 4 }).map((c) => c.join(' \\\n    && ')));
const heredoc = fc.tuple(fc.constantFrom('EOF', '"EOT"', "'X'", '-END'), fc.array(command, { maxLength: 3 }), fc.boolean()).map(([marker, body, closed]) => {
  const bare = marker.replace(/^-/, '').replace(/["']/g, '');
  return `<<${marker}\n${body.join('\n')}${closed ? `\n${bare}` : ''}`;
});
const keyValue = fc
  .tuple(fc.constantFrom('A', 'PATH', 'API_TOKEN', 'PASSWORD', 'HOME', 'DEBIAN_FRONTEND', 'x y', 'valueOf', ''), fc.constantFrom('1', '"a b"', '$PATH:/x', '${A}', '', "'q'", 'noninteractive'), fc.constantFrom('=', ' ', ''))
  .map(([k, v, form]) => (form === '' ? k : `${k}${form}${v}`));
const casing = (keyword: string) => fc.constantFrom(keyword, keyword.toLowerCase(), keyword[0] + keyword.slice(1).toLowerCase());

const instruction: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(casing('RUN'), flags, fc.oneof({ weight: 4, arbitrary: shellOrJson }, heredoc)).map(([k, f, a]) => `${k} ${f}${a}`) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('COPY', 'ADD', 'copy'), flags, fc.oneof(path, heredoc.map((h) => `${h}`), json)).map(([k, f, a]) => `${k} ${f}${a}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('ENV', 'ARG', 'LABEL'), fc.array(keyValue, { minLength: 0, maxLength: 3 })).map(([k, kv]) => `${k} ${kv.join(' ')}`) },
  fc.tuple(fc.constantFrom('WORKDIR', 'USER', 'EXPOSE', 'VOLUME', 'STOPSIGNAL', 'MAINTAINER'), fc.oneof(word, fc.constantFrom('80', '80/tcp', '8000-8010/udp', 'root', '1000:1000', 'SIGTERM', '9', '[ "/data" ]', 'toString'))).map(([k, a]) => `${k} ${a}`),
  fc.tuple(fc.constantFrom('CMD', 'ENTRYPOINT', 'SHELL'), shellOrJson).map(([k, a]) => `${k} ${a}`),
  fc.tuple(fc.constantFrom('HEALTHCHECK', 'HEALTHCHECK --interval=5s', 'HEALTHCHECK --retries=x'), fc.constantFrom(' NONE', ' CMD curl -f http://localhost/', ' CMD', '', ' BOGUS')).map(([k, a]) => `${k}${a}`),
  fc.tuple(fc.constantFrom('ONBUILD', 'ONBUILD ONBUILD', 'onbuild'), fc.constantFrom('RUN make', 'COPY . /app', 'FROM x', 'MAINTAINER y', '')).map(([k, a]) => `${k} ${a}`),
  fc.constantFrom('# a comment', '# stagelint-ignore no-latest-tag -- reason', '# stagelint-ignore-stage', '# stagelint-ignore-file unknown-rule', '# hadolint ignore=DL3008,DL3009', '', '   ', 'UNKNOWN instruction', 'RUNN echo', '\\'),
);

const stage = fc.tuple(casing('FROM'), flags, image, fc.option(fc.tuple(fc.constantFrom(' AS ', ' as ', ' As ', ' '), name)), fc.array(instruction, { maxLength: 8 }))
  .map(([from, f, img, alias, body]) => [`${from} ${f}${img}${alias ? alias.join('') : ''}`, ...body].join('\n'));

const preamble = fc.array(
  fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=JSONArgsRecommended', 'ARG BASE=alpine', 'ARG TAG', 'ARG STAGE=build', 'ARG V', '# comment', 'RUN before-from'),
  { maxLength: 4 },
);

export const generatedDockerfile: fc.Arbitrary<string> = fc
  .tuple(preamble, fc.array(stage, { minLength: 0, maxLength: 5 }), fc.constantFrom('\n', '\r\n', ''), fc.boolean())
  .map(([pre, stages, eol, bom]) => (bom ? '\uFEFF' : '') + [...pre, ...stages].join('\n').replace(/\n/g, eol || '\n') + eol);
