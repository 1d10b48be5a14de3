/**
 * Names of Object.prototype members (`constructor`, `toString`, `__proto__`, …) written where a Dockerfile names a
 * command, subcommand, package, user, platform, flag, stage or variable. Tables keyed by such names must treat them
 * as unknown names: a lookup in a plain object literal answers with the prototype's member, which crashed rules
 * (`RUN constructor -x`, `USER toString`) or classified `apt-get install constructor` as a build tool.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { commandName } from '../../server/src/analysis/shell';
import { classifyPackage } from '../../server/src/analysis/packageClasses';
import { recognize } from '../../server/src/analysis/packageManagers';
import { packageMayCreate } from '../../server/src/analysis/users';
import { runScriptsOf } from '../../server/src/analysis/runScript';
import { lint } from '../../server/src/engine/lint';
import { checkInput } from './check';

const NAMES = Object.getOwnPropertyNames(Object.prototype);

const TEMPLATES: readonly ((n: string) => string)[] = [
  (n) => `FROM alpine\nRUN ${n} -x y\nRUN sudo -${n} ${n} -x\nRUN env ${n}=1 ${n} --a b\n`,
  (n) => `FROM debian:12\nRUN apt-get ${n} -y ${n} && apt-get install -y ${n} && apt-mark ${n} ${n}\n`,
  (n) => `FROM python:3.12\nRUN pip ${n} --${n} ${n} && pip install ${n}==${n} && npm ${n} ${n} && yarn global ${n}\n`,
  (n) => `FROM alpine:3.20\nRUN apk ${n} --${n} && apk add --virtual ${n} ${n} && apk del ${n}\n`,
  (n) => `FROM ${n}:${n} AS ${n}\nCOPY --from=${n} /a /b\nFROM ${n}/${n}@sha256:${n}\nRUN --mount=from=${n},target=/x ls\n`,
  (n) => `FROM --platform=${n}/${n}/${n} alpine AS a\nFROM --platform=linux/${n} alpine AS b\nFROM --platform=${n} alpine\n`,
  (n) => `FROM alpine\n${n} foo\nRUN --${n}=${n} echo\nCOPY --${n}=x a b\nRUN --mount=type=${n},${n}=${n} echo\n`,
  (n) => `ARG ${n}=1\nFROM alpine:\${${n}}\nARG ${n}\nENV ${n}=\$${n}\nRUN echo \$${n} \${${n}:-x}\nLABEL ${n}=${n}\n`,
  (n) => `# syntax=${n}\n# check=skip=${n}\nFROM alpine\n# stagelint-ignore ${n} -- ${n}\nRUN echo\n`,
  (n) => `FROM debian:12\nRUN apt-get install -y postgresql && useradd ${n} && chown ${n}:${n} /x\nUSER ${n}:${n}\nCOPY --chown=${n}:${n} a b\nWORKDIR /${n}\n`,
  (n) => `FROM alpine\nEXPOSE ${n}\nHEALTHCHECK --${n}=1 CMD ${n}\nSHELL ["${n}", "-c"]\nCMD ["${n}"]\nENTRYPOINT ${n}\nSTOPSIGNAL ${n}\nVOLUME ${n}\nONBUILD ${n} x\n`,
  (n) => `FROM golang:1.22 AS build\nRUN go ${n} ./... && cargo ${n} && gem ${n} ${n}\nFROM gcr.io/distroless/static\nCOPY --from=build /${n} /${n}\nRUN ${n} | ${n} && curl ${n} | sh\n`,
];

describe('names of Object.prototype members in a Dockerfile', () => {
  for (const name of NAMES) {
    it(`'${name}' anywhere: no rule fails, every fix applies cleanly`, () => {
      for (const template of TEMPLATES) expect(checkInput(template(name)), template(name)).toEqual([]);
    });
  }

  it('are ordinary unknown names to the command, package-manager, package and account tables', () => {
    for (const name of NAMES) {
      const model = buildModel(`FROM alpine\nRUN ${name} -x y && sudo ${name} -x && apt-get ${name} -y\n`);
      const commands = runScriptsOf(model, model.instructions[1]!).flatMap((s) => s.script.commands);
      expect(commands.map(commandName)).toEqual([name, name, 'apt-get']);
      expect(commands.map((c) => recognize(c))).toEqual([undefined, undefined, undefined]);
      expect(classifyPackage(name, 'deb').class).toBe('unknown');
      expect(packageMayCreate('postgresql', name)).toBe(false);
    }
  });

  it('are unknown flags to dockerfile-syntax, as BuildKit says', () => {
    for (const name of NAMES) {
      const { problems } = lint(`FROM alpine:3.20\nCOPY --${name}=x a /b\nRUN --${name} true\n`, { config: { file: { extends: 'all' } } });
      const unknown = problems.filter((p) => p.ruleId === 'dockerfile-syntax' && p.messageId === 'unknownFlag');
      expect(unknown.map((p) => p.range.start.line), name).toEqual([1, 2]);
    }
  });
});
