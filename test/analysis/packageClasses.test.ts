import { describe, expect, it } from 'vitest';
import { classifyPackage, isBuildTool, type PackageClass } from '../../server/src/analysis/packageClasses';
import type { Ecosystem } from '../../server/src/analysis/packageSpecs';

describe('classifyPackage: system packages', () => {
  it.each<[string, PackageClass]>([
    // compilers, build systems and their meta packages
    ['gcc', 'build-tool'], ['g++', 'build-tool'], ['gcc-c++', 'build-tool'], ['clang', 'build-tool'], ['gcc-12', 'build-tool'],
    ['g++-aarch64-linux-gnu', 'build-tool'], ['gcc-x86-64-linux-gnu', 'build-tool'], ['binutils', 'build-tool'],
    ['make', 'build-tool'], ['cmake', 'build-tool'], ['ninja-build', 'build-tool'], ['meson', 'build-tool'],
    ['build-essential', 'build-tool'], ['build-base', 'build-tool'], ['alpine-sdk', 'build-tool'], ['gcc-toolset-13-gcc', 'build-tool'],
    ['pkg-config', 'build-tool'], ['pkgconf', 'build-tool'], ['autoconf', 'build-tool'], ['automake', 'build-tool'], ['libtool', 'build-tool'],
    ['bison', 'build-tool'], ['flex', 'build-tool'], ['nasm', 'build-tool'], ['protobuf-compiler', 'build-tool'],
    // headers and static libraries
    ['musl-dev', 'build-tool'], ['libc6-dev', 'build-tool'], ['libpq-dev', 'build-tool'], ['python3-dev', 'build-tool'],
    ['python3.11-dev', 'build-tool'], ['libc-dev-bin', 'build-tool'], ['openssl-devel', 'build-tool'], ['zlib-devel', 'build-tool'],
    ['libc6-dev-arm64-cross', 'build-tool'], ['libcudnn9-devel-cuda-13', 'build-tool'], ['linux-headers', 'build-tool'],
    ['linux-headers-amd64', 'build-tool'], ['glibc-static', 'build-tool'], ['libstdc++-static', 'build-tool'],
    // toolchains and source tools
    ['golang', 'build-tool'], ['golang-1.22-go', 'build-tool'], ['go', 'build-tool'], ['rustc', 'build-tool'], ['cargo', 'build-tool'],
    ['openjdk-17-jdk', 'build-tool'], ['openjdk-17-jdk-headless', 'build-tool'], ['openjdk17-jdk', 'build-tool'], ['openjdk17', 'build-tool'],
    ['default-jdk', 'build-tool'], ['java-17-openjdk-devel', 'build-tool'], ['maven', 'build-tool'], ['gradle', 'build-tool'],
    ['git', 'build-tool'], ['subversion', 'build-tool'], ['node-gyp', 'build-tool'],
    // runtime: shared libraries, certificates, init processes, interpreters, JREs
    ['libpq5', 'runtime'], ['libssl3', 'runtime'], ['libffi8', 'runtime'], ['libpq', 'runtime'], ['libstdc++', 'runtime'],
    ['libgcc-s1', 'runtime'], ['ca-certificates', 'runtime'], ['curl', 'runtime'], ['wget', 'runtime'], ['tini', 'runtime'],
    ['dumb-init', 'runtime'], ['gosu', 'runtime'], ['tzdata', 'runtime'], ['python3', 'runtime'], ['python3.12', 'runtime'],
    ['nodejs', 'runtime'], ['openjdk-17-jre-headless', 'runtime'], ['openjdk17-jre', 'runtime'], ['default-jre', 'runtime'],
    // not classified: dual-use or unknown tools, and near misses of the patterns
    ['udev', 'unknown'], ['gcc-12-base', 'unknown'], ['qemu-user-static', 'unknown'], ['busybox-static', 'unknown'],
    ['gnupg', 'unknown'], ['unzip', 'unknown'], ['npm', 'unknown'], ['python3-pip', 'unknown'], ['nginx', 'unknown'],
    ['java-17-openjdk', 'unknown'], ['', 'unknown'],
  ])('%s → %s', (name, expected) => {
    expect(classifyPackage(name).class).toBe(expected);
  });

  it('ignores case and gives a reason', () => {
    expect(classifyPackage('GCC', 'rpm')).toEqual({ class: 'build-tool', reason: 'C compiler' });
    expect(classifyPackage('libpq-dev', 'deb').reason).toBe('development headers');
  });
});

describe('classifyPackage: language ecosystems', () => {
  it.each<[string, Ecosystem, PackageClass]>([
    ['cython', 'python', 'build-tool'], ['Cython', 'python', 'build-tool'], ['pybind11', 'python', 'build-tool'],
    ['scikit_build_core', 'python', 'build-tool'], ['setuptools', 'python', 'unknown'], ['wheel', 'python', 'unknown'],
    ['flask', 'python', 'unknown'], ['gcc', 'python', 'unknown'],
    ['node-gyp', 'node', 'build-tool'], ['typescript', 'node', 'build-tool'], ['@babel/cli', 'node', 'build-tool'], ['express', 'node', 'unknown'],
    ['cargo-chef', 'rust', 'build-tool'], ['sccache', 'rust', 'build-tool'], ['ripgrep', 'rust', 'unknown'],
    ['compilers', 'conda', 'build-tool'], ['gxx_linux-64', 'conda', 'build-tool'], ['numpy', 'conda', 'unknown'],
    ['golang.org/x/tools/cmd/goimports', 'go', 'unknown'], ['rails', 'ruby', 'unknown'],
  ])('%s (%s) → %s', (name, eco, expected) => {
    expect(classifyPackage(name, eco).class).toBe(expected);
  });

  it('isBuildTool is the build-tool class', () => {
    expect(isBuildTool('make')).toBe(true);
    expect(isBuildTool('curl', 'apk')).toBe(false);
  });
});
