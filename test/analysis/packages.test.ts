import { describe, expect, it } from 'vitest';
import { cleanupAfter, parseInstalls, parsePackageOps, removalOf, type PackageInstall, type PackageOps } from '../../server/src/analysis/packages';
import { parseShell } from '../../server/src/analysis/shell';

function ops(text: string, resolve?: (name: string) => string | undefined): PackageOps {
  return parsePackageOps(parseShell(text), resolve ? { resolve } : {});
}

function installs(text: string): PackageInstall[] {
  return parseInstalls(parseShell(text));
}

/** `manager subcommand: name[=version] …` per install. */
function outline(text: string): string[] {
  return installs(text).map((i) => `${i.manager} ${i.subcommand}: ${i.packages.map((p) => p.name + (p.version ? `=${p.version}` : '')).join(' ')}`.trim());
}

describe('parseInstalls: managers and package words', () => {
  it.each<[string, string[]]>([
    ['apt-get update && apt-get install -y --no-install-recommends curl=7.88* ca-certificates', ['apt-get install: curl=7.88* ca-certificates']],
    ['apt-get -y -o Dpkg::Options::=--force-confold install -t bookworm-backports libc6:arm64 ./local.deb', ['apt-get install: libc6 ./local.deb']],
    ['DEBIAN_FRONTEND=noninteractive apt install -qq -y git', ['apt install: git']],
    ['sudo apt-get install -y make', ['apt-get install: make']],
    ['apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.4-r2 "python3>3.10" bash@edge', ['apk add: gcc musl-dev=1.2.4-r2 python3 bash']],
    ['apk --no-cache add curl', ['apk add: curl']],
    ['dnf install -y --setopt=install_weak_deps=False gcc-c++ java-17-openjdk-devel && dnf clean all', ['dnf install: gcc-c++ java-17-openjdk-devel']],
    ['yum -y install epel-release; microdnf install -y tzdata; tdnf install -y tar', ['yum install: epel-release', 'microdnf install: tzdata', 'tdnf install: tar']],
    ['zypper --non-interactive install --no-recommends curl', ['zypper install: curl']],
    ['pip install --no-cache-dir flask==2.0.1 "requests>=2,<3" uvicorn[standard]', ['pip install: flask=2.0.1 requests uvicorn']],
    ['pip3 install --user -r requirements.txt', ['pip install:']],
    ['python3 -m pip install --upgrade pip setuptools', ['pip install: pip setuptools']],
    ['python3.11 -m pip install -e . ./lib', ['pip install: ./lib .']],
    ['uv pip install --system --no-cache torch==2.1.0', ['uv pip install: torch=2.1.0']],
    ['uv sync --frozen --no-dev', ['uv sync:']],
    ['poetry install --only main; poetry add httpx', ['poetry install:', 'poetry add: httpx']],
    ['npm ci --omit=dev && npm install -g typescript@5.4.2 @angular/cli@^17', ['npm ci:', 'npm install: typescript=5.4.2 @angular/cli']],
    ['yarn install --frozen-lockfile; yarn global add node-gyp; yarn', ['yarn install:', 'yarn global add: node-gyp', 'yarn install:']],
    ['pnpm install --prod && pnpm add -g pnpm@9', ['pnpm install:', 'pnpm add: pnpm=9']],
    ['gem install bundler -v 2.5.6 --no-document && bundle install', ['gem install: bundler=2.5.6', 'bundle install:']],
    ['gem install nokogiri -- --use-system-libraries', ['gem install: nokogiri']],
    ['cargo install cargo-chef --locked --version 0.1.62 && cargo install ripgrep@14.1.0', ['cargo install: cargo-chef=0.1.62', 'cargo install: ripgrep=14.1.0']],
    ['go install -ldflags "-s -w" golang.org/x/tools/cmd/goimports@latest ./cmd/app && go mod download', ['go install: golang.org/x/tools/cmd/goimports ./cmd/app', 'go mod download:']],
    ['conda install -y -c conda-forge python=3.11 numpy && conda clean -afy', ['conda install: python=3.11 numpy']],
    ['composer install --no-dev && composer require monolog/monolog:3.5.0', ['composer install:', 'composer require: monolog/monolog=3.5.0']],
    ['apt-get --version; npm run build; go build ./...; pip --version; yarn build', []],
  ])('%s', (text, expected) => {
    expect(outline(text)).toEqual(expected);
  });

  it('keeps the version constraint and qualifiers', () => {
    const [apt] = installs('apt-get install -y libc6-dev:arm64=2.36-9 nginx/bookworm-backports');
    expect(apt!.packages.map((p) => [p.name, p.version, p.constraint, p.qualifier])).toEqual([
      ['libc6-dev', '2.36-9', '=2.36-9', 'arm64'],
      ['nginx', undefined, '/bookworm-backports', undefined],
    ]);
    const [pip] = installs('pip install "django>=4.2,<5" Flask_Login==0.6.3 uvicorn[standard]~=0.29');
    expect(pip!.packages.map((p) => [p.name, p.version, p.constraint, p.qualifier])).toEqual([
      ['django', undefined, '>=4.2,<5', undefined],
      ['Flask_Login', '0.6.3', '==0.6.3', undefined],
      ['uvicorn', undefined, '~=0.29', '[standard]'],
    ]);
  });

  it('marks paths, URLs and unresolved variables', () => {
    const [pip] = installs('pip install ./dist/app.whl git+https://github.com/x/y.git $EXTRA "pkg-${V}" tool==$VERSION');
    expect(pip!.packages.map((p) => [p.name, p.kind])).toEqual([
      ['./dist/app.whl', 'path'], ['git+https://github.com/x/y.git', 'url'], ['$EXTRA', 'variable'], ['pkg-${V}', 'variable'], ['tool', 'name'],
    ]);
  });

  it('points each package at its word in the text', () => {
    const text = 'apt-get install -y \\\n    curl \\\n    git';
    const [i] = installs(text);
    expect(i!.packages.map((p) => text.slice(p.word.start, p.word.end))).toEqual(['curl', 'git']);
    expect(text.slice(i!.command.start, i!.command.end)).toBe(text);
  });

  it('expands variables set earlier in the script, and through resolve()', () => {
    const text = `buildDeps='gcc \\\n  make'; export fetchDeps="wget"; apt-get install -y $buildDeps \${fetchDeps} $FROM_ENV`;
    const found = ops(text, (n) => (n === 'FROM_ENV' ? 'libpq-dev' : undefined)).installs[0]!;
    expect(found.packages.map((p) => [p.name, p.via?.name])).toEqual([['gcc', 'buildDeps'], ['make', 'buildDeps'], ['wget', 'fetchDeps'], ['libpq-dev', undefined]]);
    expect(text.slice(found.packages[0]!.word.start, found.packages[0]!.word.end)).toBe('$buildDeps');
  });

  it('does not expand a variable computed at build time', () => {
    // docker-library/haproxy alpine: the run-time dependencies come from scanelf output.
    const text = `runDeps="$( scanelf --needed --nobanner --recursive /usr/local | tr ',' '\\n' )"; apk add --no-network --virtual .haproxy-rundeps $runDeps`;
    expect(installs(text)[0]!.packages.map((p) => [p.spec, p.kind])).toEqual([['$runDeps', 'variable']]);
  });

  it('finds installs inside sh -c strings, conditionals and loops', () => {
    expect(outline(`sh -c "apt-get install -y gcc"; if true; then apk add make; fi; for p in a b; do pip install $p; done`)).toEqual([
      'apt-get install: gcc', 'apk add: make', 'pip install: $p',
    ]);
  });
});

describe('parseInstalls: flags', () => {
  it.each<[string, Partial<PackageInstall['flags']>]>([
    ['apt-get install -y --no-install-recommends x', { yes: true, noInstallRecommends: true }],
    ['apt-get install -qy x', { yes: true, noInstallRecommends: false }],
    ['apt-get install --assume-yes -o APT::Install-Recommends=false x', { yes: true, noInstallRecommends: true }],
    ['apt-get install -o "APT::Install-Recommends=0" x', { noInstallRecommends: true }],
    ['dnf install -y --setopt install_weak_deps=0 x', { yes: true, noInstallRecommends: true }],
    ['zypper -n in --no-recommends x', { yes: true, noInstallRecommends: true }],
    ['apk add --no-cache x', { noCache: true }],
    ['apk add x', { noCache: false }],
    ['pip install --no-cache-dir x', { noCacheDir: true, noCache: false }],
    ['PIP_NO_CACHE_DIR=1 pip install x', { noCacheDir: true }],
    ['pip install --user -U x', { user: true, upgrade: true }],
    ['uv pip install --no-cache x', { noCache: true }],
    ['npm ci --omit=dev', { production: true }],
    ['npm install --omit dev', { production: true }],
    ['npm install --production', { production: true }],
    ['yarn install --production', { production: true }],
    ['pnpm install -P', { production: true }],
    ['uv sync --no-dev', { production: true }],
    ['npm ci', { production: false }],
  ])('%s', (text, flags) => {
    expect(installs(text)[0]!.flags).toMatchObject(flags);
  });

  it('reads manifests, groups, globals and targets', () => {
    const [pip] = installs('pip install -r requirements.txt --requirement=dev.txt --target /deps');
    expect(pip).toMatchObject({ fromManifest: true, manifests: ['requirements.txt', 'dev.txt'], target: '/deps', packages: [] });
    expect(installs('apk add -t .deps gcc')[0]!.group).toBe('.deps');
    expect(installs('npm install --global pm2')[0]!.global).toBe(true);
    expect(installs('npm install pm2')[0]!.global).toBe(false);
    expect(installs('npm install')[0]!.fromManifest).toBe(true);
    expect(installs('npm install express')[0]!.fromManifest).toBe(false);
    expect(installs('dnf -y group install "Development Tools"')[0]!.packages.map((p) => [p.name, p.kind])).toEqual([['Development Tools', 'group']]);
  });
});

describe('removals', () => {
  it('counts the apk --virtual group removed by apk del', () => {
    // docker-library/haproxy 3.2 alpine (shortened).
    const o = ops(`apk add --no-cache --virtual .build-deps gcc libc-dev linux-headers make; make; apk del --no-network .build-deps`);
    const install = o.installs[0]!;
    expect(install.group).toBe('.build-deps');
    expect(removalOf(o, install)).toBeDefined();
    expect(removalOf(o, install, install.packages[0])).toBeDefined();
  });

  it('does not count another virtual group or an earlier removal', () => {
    const o = ops('apk del .old; apk add --virtual .build-deps gcc; apk add --virtual .run-deps libpq; apk del .build-deps');
    expect(removalOf(o, o.installs[0]!)).toBeDefined();
    expect(removalOf(o, o.installs[1]!)).toBeUndefined();
  });

  it('matches named packages, and pip names after normalisation', () => {
    const o = ops('apt-get install -y gcc make && make && apt-get purge -y --auto-remove gcc; pip install Foo_Bar && pip uninstall -y foo-bar');
    const [apt, pip] = o.installs;
    expect(removalOf(o, apt!, apt!.packages[0])?.autoRemove).toBe(true);
    expect(removalOf(o, apt!, apt!.packages[1])).toBeUndefined();
    expect(removalOf(o, apt!)).toBeUndefined();
    expect(removalOf(o, pip!)).toBeDefined();
  });

  it('does not match across ecosystems', () => {
    const o = ops('pip install requests; apt-get remove -y requests');
    expect(removalOf(o, o.installs[0]!)).toBeUndefined();
  });

  it('understands the apt-mark auto / purge --auto-remove idiom of official images', () => {
    // docker-library/ghost 6 bookworm (shortened).
    const text = `set -eux; \\
# save list of currently installed packages for later so we can clean up
	savedAptMark="$(apt-mark showmanual)"; \\
	apt-get update; \\
	apt-get install -y --no-install-recommends ca-certificates gnupg wget; \\
	wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \\
# clean up fetch dependencies
	apt-mark auto '.*' > /dev/null; \\
	[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \\
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\
	rm -rf /var/lib/apt/lists/*`;
    const o = ops(text);
    const install = o.installs[0]!;
    expect(install.packages.map((p) => p.name)).toEqual(['ca-certificates', 'gnupg', 'wget']);
    const removal = removalOf(o, install);
    expect(removal).toMatchObject({ allMarkedAuto: true, autoRemove: true });
    expect(cleanupAfter(o, install, 'apt-lists')).toBeDefined();
    expect(o.updates.map((u) => u.upgrade)).toEqual([false]);
  });

  it('keeps packages re-marked manual and installs made before the snapshot', () => {
    const o = ops(`apt-get install -y tzdata; saved="$(apt-mark showmanual)"; apt-get install -y gcc libpq5; apt-mark auto '.*'; apt-mark manual $saved libpq5; apt-get purge -y --auto-remove`);
    const [before, after] = o.installs;
    expect(removalOf(o, before!)).toBeUndefined();
    expect(removalOf(o, after!, after!.packages[0])).toBeDefined();
    expect(removalOf(o, after!, after!.packages[1])).toBeUndefined();
  });

  it('understands the piped form: apt-mark showmanual | xargs apt-mark auto', () => {
    // docker-library/postgres 18 bookworm (shortened): the piped showmanual is what gets marked, not a snapshot.
    const o = ops(`apt-get install -y gcc make; apt-mark showmanual | xargs -r apt-mark auto > /dev/null; apt-mark manual libpq5; apt-get purge -y --auto-remove`);
    const install = o.installs[0]!;
    expect(removalOf(o, install)).toMatchObject({ allMarkedAuto: true, autoRemove: true });
    const snapshot = ops(`saved="$(apt-mark showmanual)"; apt-get install -y gcc; apt-mark auto $(apt-mark showmanual); apt-mark manual $saved; apt-get autoremove -y`);
    expect(removalOf(snapshot, snapshot.installs[0]!)).toMatchObject({ allMarkedAuto: true });
  });

  it('keeps what is installed after the marking (the install marks it manual again)', () => {
    const o = ops(`saved="$(apt-mark showmanual)"; apt-get install -y gcc; apt-mark showmanual | xargs apt-mark auto; apt-mark manual $saved; apt-get install -y nginx; apt-get purge -y --auto-remove`);
    const [gcc, nginx] = o.installs;
    expect(removalOf(o, gcc!)).toBeDefined();
    expect(removalOf(o, nginx!)).toBeUndefined();
  });

  it('does not read a piped showmanual into anything else as marking everything', () => {
    const o = ops('apt-get install -y gcc; apt-mark showmanual | sort > /tmp/manual; apt-get purge -y --auto-remove');
    expect(removalOf(o, o.installs[0]!)).toBeUndefined();
    const other = ops('apt-get install -y gcc; apt-mark showmanual | xargs echo auto; apt-get purge -y --auto-remove');
    expect(removalOf(other, other.installs[0]!)).toBeUndefined();
  });

  it('does not treat a plain purge --auto-remove as removing everything', () => {
    const o = ops('apt-get install -y gcc; apt-get purge -y --auto-remove wget');
    expect(removalOf(o, o.installs[0]!)).toBeUndefined();
  });
});

describe('cache cleanups and index updates', () => {
  it.each<[string, string[]]>([
    ['rm -rf /var/lib/apt/lists/*', ['apt-lists']],
    ['rm -rf /var/lib/apt/lists', ['apt-lists']],
    ['rm -rf /var/lib/apt/lists/partial', []],
    ['apt-get clean', ['apt-archives']],
    ['apt-get dist-clean', ['apt-archives', 'apt-lists']],
    ['rm -rf /var/cache/apt/archives/*.deb', ['apt-archives']],
    ['rm -rf /var/cache/apk/*', ['apk']],
    ['dnf clean all', ['rpm']],
    ['yum clean all && rm -rf /var/cache/yum', ['rpm', 'rpm']],
    ['zypper clean -a', ['zypper']],
    ['pip cache purge', ['pip']],
    ['rm -rf /root/.cache', ['pip', 'uv', 'yarn', 'pnpm', 'go', 'composer']],
    ['rm -rf ~/.cache/pip', ['pip']],
    ['rm -rf $HOME/.npm /tmp/*', ['npm', 'tmp']],
    ['npm cache clean --force', ['npm']],
    ['yarn cache clean', ['yarn']],
    ['go clean -modcache', ['go']],
    ['go clean ./...', []],
    ['conda clean -afy', ['conda']],
    ['apk cache clean', ['apk']],
    ['microdnf clean all && tdnf clean all', ['rpm', 'rpm']],
    ['aptitude autoclean', ['apt-archives']],
    ['uv cache clean', ['uv']],
    ['pnpm store prune', ['pnpm']],
    ['bun pm cache rm', ['bun']],
    ['composer clear-cache', ['composer']],
    ['bundle clean --force', ['gem']],
    ['gem install rails', []],
    ['rm -rf /usr/src/app', []],
    ['rm -rf /', []],
    ['echo /var/lib/apt/lists/*', []],
  ])('%s', (text, kinds) => {
    expect(ops(text).cleanups.flatMap((c) => c.kinds)).toEqual(kinds);
  });

  it('only counts cleanups after the install', () => {
    const o = ops('rm -rf /var/lib/apt/lists/*; apt-get update && apt-get install -y curl');
    expect(cleanupAfter(o, o.installs[0]!, 'apt-lists')).toBeUndefined();
  });

  it('records updates and upgrades', () => {
    const o = ops('apt-get update; apt-get upgrade -y; apk add -U curl; apk update; dnf makecache; zypper ref; yum update -y');
    expect(o.updates.map((u) => `${u.manager}:${u.upgrade}`)).toEqual([
      'apt-get:false', 'apt-get:true', 'apk:false', 'apk:false', 'dnf:false', 'zypper:false', 'yum:true',
    ]);
  });

  it('combines several scripts in order', () => {
    const o = parsePackageOps([parseShell('apt-get install -y gcc'), parseShell('apt-get purge -y gcc')]);
    expect(removalOf(o, o.installs[0]!)).toBeDefined();
  });
});

describe('parsePackageOps: lists', () => {
  it('keeps every entry of a kind in order, and answers without entries with frozen empty lists', () => {
    const o = ops('apt-get update && apt-get install -y a && apk add b && rm -rf /var/lib/apt/lists/* /root/.cache && apt-get install -y c && apt-get clean');
    expect(o.installs.map((i) => i.packages.map((p) => p.name).join())).toEqual(['a', 'b', 'c']);
    expect(o.installs.map((i) => i.seq)).toEqual([2, 3, 5]);
    expect(o.cleanups.map((c) => c.kinds.join('+'))).toEqual(['apt-lists', 'pip+uv+yarn+pnpm+go+composer', 'apt-archives']);
    expect(o.updates.map((u) => u.seq)).toEqual([1]);
    expect(o.removals).toEqual([]);
    expect(Object.isFrozen(o.removals)).toBe(true);
    const none = ops('echo hi');
    expect(none).toEqual({ installs: [], removals: [], cleanups: [], updates: [] });
    expect([none.installs, none.removals, none.cleanups, none.updates].every((l) => Object.isFrozen(l))).toBe(true);
  });

  it('resolves operands through the script first, then the caller, per parse', () => {
    const seen: string[] = [];
    const o = ops('deps="gcc make"; apt-get install -y $deps $EXTRA $NONE', (name) => {
      seen.push(name);
      return name === 'EXTRA' ? 'curl' : undefined;
    });
    expect(o.installs[0]!.packages.map((p) => `${p.name}:${p.kind}`)).toEqual(['gcc:name', 'make:name', 'curl:name', '$NONE:variable']);
    expect(seen).toEqual(['EXTRA', 'NONE']);
  });
});
