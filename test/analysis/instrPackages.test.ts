import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import { packageOpsOf } from '../../server/src/analysis/instrPackages';
import { removalOf } from '../../server/src/analysis/packages';
import { df } from '../support/dockerfile';

describe('packageOpsOf', () => {
  it('resolves operands through ENV and ARG of the stage', () => {
    // The php images keep their build dependencies in ENV PHPIZE_DEPS.
    const text = df`
      FROM alpine:3.20
      ENV PHPIZE_DEPS="autoconf g++ make"
      ARG EXTRA=git
      ARG UNSET
      RUN apk add --no-cache --virtual .phpize-deps $PHPIZE_DEPS \${EXTRA} $UNSET && apk del .phpize-deps
    `;
    const m = buildModel(text, { uri: 'file:///Dockerfile' });
    const ops = packageOpsOf(m, m.instructions[4]!);
    const install = ops.installs[0]!;
    expect(install.packages.map((p) => [p.name, p.kind])).toEqual([
      ['autoconf', 'name'], ['g++', 'name'], ['make', 'name'], ['git', 'name'], ['$UNSET', 'variable'],
    ]);
    expect(removalOf(ops, install)).toBeDefined();
    expect(packageOpsOf(m, m.instructions[4]!)).toBe(ops);
  });

  it('reads ONBUILD triggers and ignores non-shell scripts', () => {
    const text = df`
      FROM python:3.12
      ONBUILD RUN pip install -r requirements.txt
      RUN python3 <<EOF
      import subprocess; subprocess.run(["pip", "install", "x"])
      EOF
    `;
    const m = buildModel(text, { uri: 'file:///Dockerfile' });
    expect(packageOpsOf(m, m.instructions[1]!).installs.map((i) => i.manifests)).toEqual([['requirements.txt']]);
    expect(packageOpsOf(m, m.instructions[2]!).installs).toEqual([]);
  });
});
