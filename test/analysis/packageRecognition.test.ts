import { describe, expect, it } from 'vitest';
import { classifyInstall } from '../../server/src/analysis/manifests';
import { recognize } from '../../server/src/analysis/packageManagers';
import { installOf } from '../../server/src/analysis/packageInstalls';
import { parseInstalls, parsePackageOps } from '../../server/src/analysis/packages';
import { parseShell } from '../../server/src/analysis/shell';

function commands(text: string) {
  return parseShell(text).commands;
}

describe('recognize: subcommands and names', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['npm cache clean --force', 'cache clean', 'clean'],
    ['apk cache clean', 'cache clean', 'clean'],
    ['bun pm cache rm', 'pm cache rm', 'clean'],
    ['bun "pm cache" rm', 'pm cache rm', 'clean'],
    ['uv pip install flask', 'pip install', 'install'],
    ['dnf -y group install "Development Tools"', 'group install', 'install'],
    ['go mod download', 'mod download', 'install'],
    ['apt-get install -y cache clean', 'install', 'install'],
    ['npm cache', undefined, undefined],
    ['yarn global add typescript', 'global add', 'install'],
    ['yarn', 'install', 'install'],
  ])('%s', (text, subcommand, action) => {
    const rec = recognize(commands(text)[0]!);
    expect(rec?.subcommand).toBe(subcommand);
    expect(rec?.action).toBe(action);
  });

  it('does not take names of object properties for package managers', () => {
    for (const text of ['constructor install x', 'toString add y', '__proto__ install z', 'hasOwnProperty i w']) {
      const cmd = commands(text)[0]!;
      expect(recognize(cmd)).toBeUndefined();
      expect(classifyInstall(cmd)).toBeUndefined();
    }
  });
});

describe('installOf', () => {
  const texts = [
    'apt-get install -y --no-install-recommends curl=7.88* ca-certificates',
    'pip install --no-cache-dir -r requirements.txt -e ./lib',
    'PIP_NO_CACHE_DIR=1 pip install $PKGS',
    'npm ci --omit=dev',
    'gem install rails -v 7.1',
    'apk add --virtual .build-deps gcc',
    'dnf groupinstall -y "Development Tools"',
  ];

  it.each(texts)('is the install of a one-command script: %s', (text) => {
    const cmd = commands(text)[0]!;
    const expected = parseInstalls({ text: '', commands: [cmd] })[0];
    expect(installOf(cmd)).toEqual(expected);
    // Asked again (the command line is read once and cached): the same answer.
    expect(installOf(cmd)).toEqual(expected);
  });

  it('is undefined for commands that install nothing', () => {
    for (const text of ['apt-get update', 'echo apt-get install x', 'rm -rf /var/lib/apt/lists/*', 'apk del .build-deps']) {
      expect(installOf(commands(text)[0]!)).toBeUndefined();
    }
  });

  it('leaves variable operands to each script: a cached command still expands what its script sets', () => {
    const script = parseShell('buildDeps="gcc make"; apt-get install -y $buildDeps');
    const cmd = script.commands[1]!;
    expect(installOf(cmd)?.packages.map((p) => [p.name, p.kind])).toEqual([['$buildDeps', 'variable']]);
    expect(parsePackageOps(script).installs[0]?.packages.map((p) => p.name)).toEqual(['gcc', 'make']);
    expect(parsePackageOps(script, { resolve: () => 'x' }).installs[0]?.packages.map((p) => p.name)).toEqual(['gcc', 'make']);
    expect(installOf(cmd)?.packages.map((p) => p.name)).toEqual(['$buildDeps']);
  });

  it('keeps each install at its own place in its script', () => {
    const script = parseShell('apt-get update && apt-get install -y curl && apt-get install -y git');
    const [first, second] = parsePackageOps(script).installs;
    expect([first?.seq, second?.seq]).toEqual([2, 3]);
    expect(installOf(script.commands[2]!)?.seq).toBe(1);
    expect(parsePackageOps(script).installs.map((i) => i.seq)).toEqual([2, 3]);
  });
});
