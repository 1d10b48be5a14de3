import { describe, expect, it } from 'vitest';
import {
  commandArgs,
  commandName,
  findCommands,
  findOption,
  findOptionFrom,
  findOptionIn,
  optionIndex,
  hasOption,
  optionValue,
  parseShell,
  shellOptionsAt,
  shellScriptWord,
  type ShellCommand,
} from '../../server/src/analysis/shell';

function first(text: string): ShellCommand {
  const cmd = parseShell(text).commands[0];
  if (!cmd) throw new Error(`no command in ${text}`);
  return cmd;
}

describe('commandName', () => {
  it.each<[string, string | undefined]>([
    ['apt-get install x', 'apt-get'],
    ['/usr/bin/apt-get install x', 'apt-get'],
    ['sudo apt-get install x', 'apt-get'],
    ['sudo -E -u root apt-get install x', 'apt-get'],
    ['env DEBIAN_FRONTEND=noninteractive apt-get install x', 'apt-get'],
    ['env -u HOME -i A=1 pip install x', 'pip'],
    ['exec nohup time -p gunicorn app', 'gunicorn'],
    ['exec -a name node server.js', 'node'],
    ['timeout 10 curl -f x', 'curl'],
    ['nice -n 5 make', 'make'],
    ['gosu app:app python app.py', 'python'],
    ['su-exec nobody redis-server', 'redis-server'],
    ['tini -- node', 'node'],
    ['sudo', 'sudo'],
    ['env', 'env'],
    ['A=1', undefined],
  ])('%s → %s', (text, expected) => {
    expect(commandName(first(text))).toBe(expected);
  });

  it('gives the arguments after the effective command', () => {
    expect(commandArgs(first('sudo -E apt-get -y install curl')).map((w) => w.value)).toEqual(['-y', 'install', 'curl']);
    expect(commandArgs(first('A=1'))).toEqual([]);
  });
});

describe('findCommands', () => {
  it('finds commands by one or several names, nested strings included', () => {
    const script = parseShell(`apt-get update && sh -c 'apt-get install -y x' && apk add y; if true; then yum install z; fi`);
    expect(findCommands(script, 'apt-get').map((c) => c.words[1]?.value)).toEqual(['update', 'install']);
    expect(findCommands(script, ['apk', 'yum']).map(commandName)).toEqual(['apk', 'yum']);
    expect(findCommands(script, 'dnf')).toEqual([]);
  });
});

describe('hasOption / optionValue', () => {
  it.each<[string, string[], boolean]>([
    ['apt-get install -y x', ['-y', '--yes'], true],
    ['apt-get install --yes x', ['-y', '--yes'], true],
    ['apt-get install --yes=true x', ['-y', '--yes'], true],
    ['apt-get install -qy x', ['-y', '--yes'], true],
    ['apt-get -yq install x', ['-y'], true],
    ['apt-get install -q x', ['-y', '--yes'], false],
    ['apt-get install x -- -y', ['-y'], false],
    ['apt-get install --no-install-recommends x', ['--no-install-recommends'], true],
    ['apt-get install --no-install-recommends-x x', ['--no-install-recommends'], false],
    ['pip install --no-cache-dir x', ['--no-cache'], false],
    ['sudo -y apt-get install x', ['-y'], false],
    ['curl -fsSL https://x', ['-L', '--location'], true],
    ['curl -fsS https://x', ['-L', '--location'], false],
    ['tar -ojenkins x', ['-j'], false],
    ['go build -ldflags=-s .', ['-ldflags'], true],
    ['go build -ldflags "-s" .', ['-ldflags'], true],
    ['go build -l .', ['-ldflags'], false],
  ])('%s has %j → %s', (text, aliases, expected) => {
    expect(hasOption(first(text), ...aliases)).toBe(expected);
  });

  it.each<[string, string[], string | undefined]>([
    ['pip install -r requirements.txt', ['-r', '--requirement'], 'requirements.txt'],
    ['pip install --requirement=req/dev.txt', ['-r', '--requirement'], 'req/dev.txt'],
    ['pip install -rrequirements.txt', ['-r'], 'requirements.txt'],
    ['apk add --virtual .build-deps gcc', ['--virtual', '-t'], '.build-deps'],
    ['apk add -t .deps gcc', ['--virtual', '-t'], '.deps'],
    ['make -j4', ['-j', '--jobs'], '4'],
    ['make -j', ['-j'], undefined],
    ['go build -o /out/app ./cmd', ['-o'], '/out/app'],
    ['pip install flask', ['-r'], undefined],
  ])('%s value of %j → %s', (text, aliases, expected) => {
    expect(optionValue(first(text), ...aliases)).toBe(expected);
  });

  it('reports the option word and its value word', () => {
    const text = 'go build -o "/out/my app" .';
    const hit = findOption(first(text), ['-o'], true)!;
    expect(text.slice(hit.word.start, hit.word.end)).toBe('-o');
    expect(hit.valueWord && text.slice(hit.valueWord.start, hit.valueWord.end)).toBe('"/out/my app"');
    expect(hit.value).toBe('/out/my app');
  });
});

describe('findOptionFrom', () => {
  it('finds what findOptionIn finds in the rest of the list, counting indexes in the whole list (optionIndex: its index)', () => {
    const lines = [
      'pip install -r a.txt -r b.txt --requirement=c.txt -rd.txt x',
      'dnf install --setopt=a=1 -y --setopt b=2 -- --setopt=c',
      'apt-get install -o A=1 -qo B=2 -o',
      'npm i --omit dev --omit=optional',
    ];
    const aliasSets = [['-r', '--requirement'], ['--setopt'], ['-o', '--option'], ['--omit'], ['-y', '--yes'], ['-q']];
    for (const line of lines) {
      const args = commandArgs(first(line));
      for (const aliases of aliasSets) {
        for (const withValue of [false, true]) {
          for (let from = 0; from <= args.length; from++) {
            const whole = findOptionFrom(args, from, aliases, withValue);
            const rest = findOptionIn(args.slice(from), aliases, withValue);
            expect(whole && { ...whole, argIndex: whole.argIndex - from }, `${line} ${aliases} ${from}`).toEqual(rest);
            expect(optionIndex(args, from, aliases, withValue)).toBe(whole ? whole.argIndex : -1);
          }
        }
      }
    }
  });
});

describe('shellScriptWord', () => {
  it.each<[string, number]>([
    ["sh -c 'x'", 2],
    ["bash -ec 'x'", 2],
    ["bash -o pipefail -c 'x'", 4],
    ["bash -eo pipefail -c 'x'", 4],
    ["bash --login -c 'x'", 3],
    ["sh -c -- 'x'", 3],
    ["busybox sh -c 'x'", 3],
    ["su -c 'x' app", 2],
    ['sh script.sh', -1],
    ["sh -e 'x'", -1],
    ["python -c 'x'", -1],
  ])('%s → %d', (text, expected) => {
    expect(shellScriptWord(first(text))).toBe(expected);
  });
});

describe('shellOptionsAt', () => {
  it('follows set commands up to a command', () => {
    const script = parseShell('a; set -eux; b; set +x -o pipefail; c; set +e; d');
    const at = (name: string) => shellOptionsAt(script, script.commands.find((c) => commandName(c) === name));
    expect(at('a')).toEqual({ errexit: false, nounset: false, pipefail: false, xtrace: false });
    expect(at('b')).toEqual({ errexit: true, nounset: true, pipefail: false, xtrace: true });
    expect(at('c')).toEqual({ errexit: true, nounset: true, pipefail: true, xtrace: false });
    expect(at('d')).toMatchObject({ errexit: false, pipefail: true });
    expect(shellOptionsAt(script)).toMatchObject({ errexit: false, pipefail: true });
  });

  it('reads -euo pipefail and the flags of the shell running a -c string', () => {
    expect(shellOptionsAt(parseShell('set -euo pipefail; x'))).toMatchObject({ errexit: true, nounset: true, pipefail: true });
    const nested = parseShell(`bash -euo pipefail -c 'x | y'`);
    const y = nested.commands.find((c) => commandName(c) === 'y');
    expect(shellOptionsAt(nested, y)).toMatchObject({ errexit: true, pipefail: true });
  });

  it('ignores set in a subshell', () => {
    expect(shellOptionsAt(parseShell('(set -e; a); b')).errexit).toBe(false);
  });
});
