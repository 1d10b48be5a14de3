#!/usr/bin/env node
// Installs code-server (VS Code's workbench + extension host served to a browser) into .cache/code-server/,
// plus the Debian packages it and the end-to-end tests need. Idempotent: a stamp file makes later runs a no-op.
//
// Why not plain `npm install code-server`: its postinstall needs --unsafe-perm as root and then downloads a
// ripgrep binary from GitHub, which offline CI cannot reach. The steps below are that postinstall minus the
// download (ripgrep comes from Debian instead).
//
// Usage: node scripts/install-code-server.mjs [--force]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CHROMIUM_PATH,
  CODE_SERVER_DIR,
  CODE_SERVER_VERSION,
  codeServerEntry,
} from './codeServer.mjs';

// Build headers for code-server's native modules, ripgrep (its search), Chromium (the e2e browser) and Neovim
// (the second editor the language server is tested in).
const APT_PACKAGES = ['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep', 'chromium', 'neovim'];
const STAMP = join(CODE_SERVER_DIR, '.installed');

/** Native modules are built for one Node ABI, so the stamp records it as well as the version. */
function stampContent() {
  return `code-server@${CODE_SERVER_VERSION} node-abi=${process.versions.modules}\n`;
}

function log(message) {
  process.stderr.write(`[install-code-server] ${message}\n`);
}

class InstallError extends Error {}

function run(command, args, cwd, extraEnv = {}) {
  log(`$ ${[command, ...args].join(' ')}${cwd ? `   (in ${cwd})` : ''}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...extraEnv },
  });
  if (result.error) throw new InstallError(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new InstallError(`\`${[command, ...args].join(' ')}\` failed with exit code ${result.status}`);
  }
}

function missingAptPackages() {
  return APT_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

function hasDpkg() {
  return !spawnSync('dpkg-query', ['--version']).error;
}

function installAptPackages() {
  if (!hasDpkg()) {
    // Not Debian/Ubuntu: tell the user what is needed instead of guessing a package manager.
    if (existsSync(CHROMIUM_PATH) && commandExists('rg') && commandExists('nvim')) return;
    throw new InstallError(
      `this installer needs Debian/Ubuntu (apt) for: ${APT_PACKAGES.join(' ')}; install the equivalents ` +
        `(Chromium at ${CHROMIUM_PATH}, ripgrep, Neovim, a C++ toolchain, libkrb5/libxkbfile/libsecret headers) by hand`,
    );
  }
  const missing = missingAptPackages();
  if (missing.length === 0) {
    log('Debian packages present');
    return;
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const isRoot = process.getuid?.() === 0;
  const prefix = isRoot ? [] : ['sudo'];
  if (!isRoot && !commandExists('sudo')) {
    throw new InstallError(`not root and no sudo: run \`apt-get install -y ${missing.join(' ')}\` as root first`);
  }
  const [cmd, ...pre] = [...prefix, 'apt-get'];
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run(cmd, [...pre, 'update'], undefined, env);
  // Plain install, with recommends, exactly as the verified recipe does.
  run(cmd, [...pre, 'install', '-y', ...missing], undefined, env);
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function installCodeServer() {
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // Its own package.json makes this folder an npm project root, so npm never touches the repository's manifest.
  writeFileSync(
    join(CODE_SERVER_DIR, 'package.json'),
    JSON.stringify({ name: 'stagelint-code-server-cache', private: true }, null, 2) + '\n',
  );
  const npmQuiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  run('npm', ['install', '--ignore-scripts', ...npmQuiet, `code-server@${CODE_SERVER_VERSION}`], CODE_SERVER_DIR);
  run('npm', ['rebuild', ...npmQuiet, 'argon2'], CODE_SERVER_DIR);

  const vscodeDir = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...npmQuiet], vscodeDir);
  // @vscode/ripgrep's postinstall downloads a binary unless bin/ exists: point it at Debian's ripgrep.
  const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  forceSymlink(execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim(), join(rgBin, 'rg'));
  // node-pty's postinstall runs `npx node-gyp`; npm_config_yes lets npx proceed without a prompt.
  run('npm', ['rebuild', ...npmQuiet], vscodeDir, { npm_config_yes: 'true' });
  forceSymlink('node_modules', join(vscodeDir, 'node_modules.asar'));
  forceSymlink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  forceSymlink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  run('npm', ['install', '--omit=dev', ...npmQuiet], join(vscodeDir, 'extensions'));
}

function forceSymlink(target, linkPath) {
  rmSync(linkPath, { force: true });
  symlinkSync(target, linkPath);
}

function stampIsCurrent() {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stampContent() && existsSync(codeServerEntry());
}

export function isCodeServerInstalled() {
  return stampIsCurrent() && existsSync(CHROMIUM_PATH) && (!hasDpkg() || missingAptPackages().length === 0);
}

/** Installs what is missing (Debian packages, code-server); returns the path of code-server's entry script. */
export function ensureCodeServer({ force = false } = {}) {
  if (!force && isCodeServerInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${CODE_SERVER_DIR}`);
    return codeServerEntry();
  }
  const started = Date.now();
  installAptPackages();
  if (force || !stampIsCurrent()) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (a few minutes, ~300 MB, once)`);
    rmSync(STAMP, { force: true });
    installCodeServer();
    if (!existsSync(codeServerEntry())) throw new InstallError(`install finished but ${codeServerEntry()} is missing`);
    writeFileSync(STAMP, stampContent());
  }
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureCodeServer({ force: process.argv.includes('--force') });
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
