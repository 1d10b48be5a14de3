import { describe, expect, it } from 'vitest';
import { accountCommandsOf } from '../../server/src/analysis/accountCommands';
import { buildModel } from '../../server/src/analysis/buildModel';
import { parseShell } from '../../server/src/analysis/shell';
import { effectiveUser, homeOf, isRoot, packageMayCreate, userExists } from '../../server/src/analysis/users';
import { df } from '../support/dockerfile';

function accounts(script: string) {
  return parseShell(script).commands.flatMap((c) => accountCommandsOf(c, (w) => (w.expansion ? undefined : w.value)))
    .map((a) => ({ kind: a.kind, name: a.name, id: a.id, group: a.group, home: a.home, system: a.system, membership: a.membership }));
}

describe('account commands', () => {
  it('reads useradd and groupadd', () => {
    expect(accounts('groupadd -r -g 1001 app && useradd -r -u 1001 -g app -d /srv/app -s /sbin/nologin app')).toEqual([
      { kind: 'group', name: 'app', id: '1001', group: undefined, home: undefined, system: true, membership: false },
      { kind: 'user', name: 'app', id: '1001', group: 'app', home: '/srv/app', system: true, membership: false },
    ]);
    expect(accounts('useradd --create-home --uid=1000 worker')[0]).toMatchObject({ name: 'worker', id: '1000', group: 'worker', home: '/home/worker' });
    expect(accounts('useradd -D -s /bin/bash')).toEqual([]);
  });

  it('reads Debian adduser (long options) and BusyBox adduser (short options)', () => {
    expect(accounts('adduser --system --group --home /app --uid 999 app')).toEqual([
      { kind: 'user', name: 'app', id: '999', group: 'app', home: '/app', system: true, membership: false },
      { kind: 'group', name: 'app', id: undefined, group: undefined, home: undefined, system: true, membership: false },
    ]);
    // Debian system users' default home changed between releases.
    expect(accounts('adduser --system svc')[0]).toMatchObject({ name: 'svc', home: undefined });
    expect(accounts('adduser --disabled-password --gecos "" bob')[0]).toMatchObject({ name: 'bob', home: '/home/bob', group: 'bob' });
    expect(accounts('addgroup -S app && adduser -S -G app -u 1000 app')).toEqual([
      { kind: 'group', name: 'app', id: undefined, group: undefined, home: undefined, system: true, membership: false },
      { kind: 'user', name: 'app', id: '1000', group: 'app', home: '/home/app', system: true, membership: false },
    ]);
    expect(accounts('adduser -D -h /data svc')[0]).toMatchObject({ name: 'svc', home: '/data', group: 'svc' });
    expect(accounts('adduser -S svc')[0]).toMatchObject({ group: 'nogroup' });
  });

  it('tells memberships from creations', () => {
    expect(accounts('addgroup app docker')[0]).toMatchObject({ kind: 'user', name: 'app', membership: true });
    expect(accounts('adduser app staff')[0]).toMatchObject({ kind: 'user', name: 'app', membership: true });
  });

  it('leaves names computed at build time unknown', () => {
    expect(accounts('useradd -m "$USERNAME"')[0]).toMatchObject({ kind: 'user', name: undefined });
  });
});

describe('users in the model', () => {
  it('finds users created in the chain, by the base image, and by numeric ids', () => {
    const m = buildModel(df`
      FROM debian:bookworm-slim AS base
      RUN useradd -m app
      FROM base
      USER app
      USER ghost
      USER 1234
      USER www-data
    `);
    const s = m.stages[1]!;
    expect(userExists(m, s, 'app').exists).toBe('yes');
    expect(userExists(m, s, 'app').created?.instr.range.start.line).toBe(1);
    expect(userExists(m, s, 'ghost').exists).toBe('no');
    expect(userExists(m, s, '1234').exists).toBe('yes');
    expect(userExists(m, s, 'www-data').exists).toBe('yes');
    // Not yet created before the useradd.
    expect(userExists(m, m.stages[0]!, 'app', m.stages[0]!.instructions[0]).exists).toBe('no');
  });

  it('is unknown when something else may create users', () => {
    const cases = [
      'FROM debian:12\nRUN ./setup.sh\n',
      'FROM debian:12\nRUN echo "ghost:x:1000:1000::/home/ghost:/bin/sh" >> /etc/passwd\n',
      'FROM debian:12\nCOPY --from=other /etc/passwd /etc/passwd\n',
      'FROM debian:12\nRUN useradd "$NAME"\n',
      'FROM debian:12\nRUN apt-get install -y ghost-server\n',
      'FROM company/base:1\n',
    ];
    for (const text of cases) {
      const m = buildModel(text);
      expect(userExists(m, m.stages[0]!, 'ghost').exists, text).toBe('unknown');
    }
  });

  it('knows which packages create service accounts', () => {
    expect(packageMayCreate('postgresql-15', 'postgres')).toBe(true);
    expect(packageMayCreate('redis-server', 'redis')).toBe(true);
    expect(packageMayCreate('dbus', 'messagebus')).toBe(true);
    expect(packageMayCreate('curl', 'app')).toBe(false);
  });

  it('tracks the effective user through USER, FROM <stage> and the base default', () => {
    const m = buildModel(df`
      FROM node:20-slim AS base
      RUN id
      USER node
      FROM base AS runtime
      RUN id
      ARG UID=1001
      USER $UID:0
      FROM gcr.io/distroless/static-debian12:nonroot
      FROM company/base
    `);
    const runs = m.instructions.filter((i) => i.keyword === 'RUN');
    expect(effectiveUser(m, m.stages[0]!, runs[0]).user).toBe('root');
    expect(effectiveUser(m, m.stages[1]!, runs[1]).user).toBe('node');
    expect(effectiveUser(m, m.stages[1]!)).toMatchObject({ user: '1001', group: '0', written: '$UID:0' });
    expect(effectiveUser(m, m.stages[2]!).user).toBe('nonroot');
    expect(effectiveUser(m, m.stages[3]!).user).toBeUndefined();
    expect([isRoot('root'), isRoot('0'), isRoot('1001'), isRoot(undefined)]).toEqual(['yes', 'yes', 'no', 'unknown']);
  });

  it('knows homes: ENV HOME, the creating command, root, base users', () => {
    const m = buildModel(df`
      FROM python:3.12-slim
      RUN useradd -d /srv/app -u 1000 app
      FROM node:20
      FROM python:3.12-slim
      ENV HOME=/data
    `);
    expect(homeOf(m, m.stages[0]!, 'app')).toBe('/srv/app');
    expect(homeOf(m, m.stages[0]!, '1000')).toBe('/srv/app');
    expect(homeOf(m, m.stages[0]!, 'root')).toBe('/root');
    expect(homeOf(m, m.stages[1]!, 'node')).toBe('/home/node');
    expect(homeOf(m, m.stages[0]!, 'nobody')).toBeUndefined();
    expect(homeOf(m, m.stages[2]!, 'root')).toBe('/data');
  });
});
